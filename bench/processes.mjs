// Child processes for the benchmarks: the bare server and `recupera serve` (the built CLI),
// with their peak RSS read from /proc/<pid>/status (VmHWM).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

const ROOT = new URL('..', import.meta.url)

function firstLine(child, match, what) {
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`${what} not ready in 15 s\n${err}`)), 15_000)
    child.stderr.on('data', (c) => {
      err += c
    })
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}\n${err}`)))
    child.stdout.on('data', (c) => {
      out += c
      const line = out.split('\n').find(match)
      if (line) {
        clearTimeout(timer)
        resolve(line)
      }
    })
  })
}

const stopper =
  (child) =>
  (signal = 'SIGTERM') =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill(signal)
    })

export async function startBare() {
  const child = spawn(process.execPath, [new URL('bare-server.mjs', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const port = Number(await firstLine(child, (l) => /^\d+$/.test(l), 'bare server'))
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: stopper(child) }
}

export async function startRecupera(dataDir, args = [], nodeArgs = []) {
  const bin = new URL('bin/recupera.mjs', ROOT).pathname
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      bin,
      'serve',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--ui-port',
      '0',
      '--no-tunnel',
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RECUPERA_LOG: 'silent' } },
  )
  const ready = JSON.parse(await firstLine(child, (l) => l.includes('"ready"'), 'recupera serve'))
  const ui = new URL(ready.uiUrl)
  const api = async (method, input) => {
    const res = await fetch(`${ui.origin}/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${ui.searchParams.get('token')}`,
      },
      body: JSON.stringify({ input }),
    })
    const body = await res.json()
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
    return body.value
  }
  return {
    url: ready.receiverUrl,
    uiOrigin: ui.origin,
    token: ui.searchParams.get('token'),
    pid: child.pid,
    api,
    stop: stopper(child),
  }
}

/** Peak resident set size of a live process, in MiB. */
export function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

/** CPU time (user + system) a live process has used so far, in ms. */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  // utime and stime (fields 14 and 15) in clock ticks, 100 per second on Linux.
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Sources spread over the platforms, each with a known secret. */
export async function createSources(serve, perPlatform) {
  const sources = []
  for (const platform of ['kiwify', 'hotmart', 'shopify', 'nuvemshop']) {
    for (let i = 0; i < perPlatform; i++) {
      const secret = `bench-${platform}-${i}-secret-0123456789`
      const { source } = await serve.api('createSource', {
        platform,
        name: `bench ${platform} ${i}`,
        secret,
      })
      sources.push({ platform, secret, path: source.webhookPath, id: source.id })
    }
  }
  return sources
}
