// A logger per module writing JSON lines to stderr (stdout is reserved for the CLI's output,
// e.g. serve's ready line). Callers never pass secrets or full payment codes.
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

let quiet = process.env.RECUPERA_LOG === 'silent'

export function setQuiet(value: boolean): void {
  quiet = value
}

export function createLogger(module: string): Logger {
  const write = (level: string, msg: string, fields?: Record<string, unknown>) => {
    if (quiet) return
    process.stderr.write(
      `${JSON.stringify({ t: new Date().toISOString(), level, module, msg, ...fields })}\n`,
    )
  }
  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  }
}
