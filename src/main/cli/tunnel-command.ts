// The tunnel's part of the command line: `serve`'s tunnel flags and its stdout lines (the ready
// line carries publicUrl when the tunnel comes up quickly; later states follow as
// `{"event":"tunnel",…}` lines), and `recupera tunnel status`, which reads the status a running
// serve persists in the data directory.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { TunnelStatus } from '../../shared/api'
import type { App } from '../app'
import { openDatabase } from '../db/connection'
import { defaultDataDir } from '../paths'
import { isLive, normalizeUrl, readTunnelStatus, type TunnelOptions } from '../tunnel'

const out = (line: string) => process.stdout.write(`${line}\n`)

/** How long `serve` holds its ready line for the tunnel to come up. */
export const READY_WAIT_MS = 3000

export interface TunnelFlags {
  tunnel?: string
  'no-tunnel'?: boolean
  'tunnel-host'?: string
  'public-url'?: string
}

export function tunnelOptionsFromFlags(flags: TunnelFlags): TunnelOptions {
  // --no-tunnel is --tunnel none; an explicit --tunnel wins (test helpers add --no-tunnel).
  const provider =
    flags.tunnel ?? (flags['no-tunnel'] ? 'none' : flags['public-url'] ? 'url' : 'localtunnel')
  if (provider !== 'localtunnel' && provider !== 'url' && provider !== 'none')
    throw new Error(`--tunnel is localtunnel, url or none (got ${provider})`)
  if (provider === 'url') {
    if (!flags['public-url']) throw new Error('--tunnel url needs --public-url URL')
    return { provider, publicUrl: normalizeUrl(flags['public-url']) }
  }
  if (provider === 'localtunnel' && flags['tunnel-host']) {
    return { provider, host: normalizeUrl(flags['tunnel-host']) }
  }
  return { provider }
}

const tunnelLine = (status: TunnelStatus) =>
  JSON.stringify({
    event: 'tunnel',
    state: status.state,
    provider: status.provider,
    publicUrl: status.state === 'up' ? status.publicUrl : null,
    ...(status.lastError ? { lastError: status.lastError } : {}),
    reconnects: status.reconnects,
  })

/**
 * Prints the ready line (with publicUrl if the tunnel is up within READY_WAIT_MS, or as soon as
 * a first attempt failed), then one tunnel line now and on every later state change.
 */
export async function announceReady(app: App, ready: Record<string, unknown>): Promise<void> {
  const first = await app.tunnel.settled(READY_WAIT_MS)
  const publicUrl = app.tunnel.publicUrl()
  out(JSON.stringify(publicUrl ? { ...ready, publicUrl } : ready))
  if (first.provider === 'none') return
  let last = ''
  const print = (status: TunnelStatus) => {
    const line = tunnelLine(status)
    if (line !== last) out(line)
    last = line
  }
  print(app.tunnel.status())
  app.tunnel.onStatus(print)
}

export async function runTunnelCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  const { values } = parseArgs({
    args: rest,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
  })
  if (sub !== 'status') {
    process.stderr.write('usage: recupera tunnel status [--json] [--data-dir DIR]\n')
    return 2
  }
  const db = await openDatabase(join(values['data-dir'] ?? defaultDataDir(), 'recupera.db'))
  try {
    const record = readTunnelStatus(db)
    const running = record !== null && isLive(record)
    const status = record?.status ?? null
    if (values.json) {
      out(
        JSON.stringify({
          running,
          ...(status ?? { provider: null, publicUrl: null }),
          // A stale record is history, not the tunnel's state.
          state: running ? status!.state : 'off',
          lastKnownState: status?.state ?? null,
          heartbeatAt: record?.heartbeatAt ?? null,
          pid: running ? record!.pid : null,
        }),
      )
      return 0
    }
    if (!running || !status) {
      out(`not running${record ? ` (last seen ${record.heartbeatAt})` : ''}`)
      return 0
    }
    const rows: [string, string][] = [
      ['provider', status.provider],
      ['state', status.state],
      ['public URL', status.publicUrl ?? '-'],
      ['last probe', status.lastProbeAt ?? '-'],
      ['reconnects', String(status.reconnects)],
      ['last error', status.lastError ?? '-'],
    ]
    for (const [label, value] of rows) out(`${label.padEnd(11)} ${value}`)
    return 0
  } finally {
    await db.close()
  }
}
