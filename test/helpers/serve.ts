// Starts the real `recupera serve` (the built CLI) as a child process on a temporary data dir
// and free ports, and resolves with its ready line. Used by e2e, crash and CLI tests.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface Ready {
  event: 'ready'
  receiverUrl: string
  uiUrl: string
  dataDir: string
  publicUrl?: string
}

export interface Served {
  ready: Ready
  child: ChildProcess
  /** The UI origin and the session token, split from uiUrl. */
  uiOrigin: string
  token: string
  /** Everything serve printed on stdout so far (JSON lines). */
  stdout(): string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

export const BIN = resolve(import.meta.dirname, '../../bin/recupera.mjs')

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'recupera-test-'))
}

export function startServe(
  args: string[] = [],
  dataDir = tempDataDir(),
  env: NodeJS.ProcessEnv = {},
): Promise<Served> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--data-dir', dataDir, '--port', '0', '--ui-port', '0', '--no-tunnel', ...args],
    {
      env: { ...process.env, RECUPERA_LOG: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((resolvePromise, reject) => {
    let buffer = ''
    const timer = setTimeout(() => reject(new Error(`serve not ready in 15 s\n${stderr}`)), 15_000)
    const onEarlyExit = (code: number | null) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code}\n${stderr}`))
    }
    child.once('exit', onEarlyExit)
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const line = buffer.split('\n').find((l) => l.includes('"event":"ready"'))
      if (!line) return
      clearTimeout(timer)
      child.removeListener('exit', onEarlyExit)
      const ready = JSON.parse(line) as Ready
      const url = new URL(ready.uiUrl)
      resolvePromise({
        ready,
        child,
        uiOrigin: url.origin,
        token: url.searchParams.get('token')!,
        stdout: () => buffer,
        // 'close' (not 'exit'): resolves once stdout is drained, so its last lines are in.
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode)
            child.once('close', (code) => done(code))
            child.kill(signal)
          }),
      })
    })
  })
}

/** Calls the UI API over HTTP with the session token, as the renderer does. */
export async function callApi<T = unknown>(
  served: Served,
  method: string,
  input?: unknown,
): Promise<T> {
  const response = await fetch(`${served.uiOrigin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${served.token}` },
    body: JSON.stringify({ input }),
  })
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method} failed: ${body.error?.message}`)
  return body.value as T
}
