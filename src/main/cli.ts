// The `recupera` command: `serve` runs the core headless; `source`, `events` and `inspect`
// work on the same data directory (a running serve picks their changes up).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createApp } from './app'
import { runEventsCommand, runInspectCommand, runSourceCommand } from './cli/commands'
import { announceReady, runTunnelCommand, tunnelOptionsFromFlags } from './cli/tunnel-command'
import { defaultDataDir } from './paths'
import { unlimitedRates } from './receiver/limits'

const USAGE = `usage:
  recupera serve [--data-dir DIR] [--port N] [--ui-port N] [--no-tunnel] [--rate-limit off]
                 [--tunnel localtunnel|url|none] [--tunnel-host URL] [--public-url URL]
  recupera source add --platform kiwify|hotmart|nuvemshop|shopify --name NAME [--secret S]
                      [--store-id ID --api-token T] [--checkout-url URL] [--api-base URL]
                      [--client-id ID --client-secret S --account-id ID] (Kiwify API)
                      [--shop-domain D --admin-token T] (Shopify Admin API) [--json]
  recupera source list [--json]
  recupera source remove ID
  recupera source register ID [--url PUBLIC_URL] [--json]   (automatic webhook registration)
  recupera source test ID [--url PUBLIC_URL] [--receiver-port N] [--json]   (signed test event)
  recupera events [--source ID] [--limit N] [--json]
  recupera inspect --platform P [--topic T] FILE [--json]
  recupera tunnel status [--json]
All commands take --data-dir DIR (default: $RECUPERA_DATA_DIR or the desktop app's folder).`

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'serve':
      return serve(rest)
    case 'source':
      return runSourceCommand(rest)
    case 'events':
      return runEventsCommand(rest)
    case 'inspect':
      return runInspectCommand(rest)
    case 'tunnel':
      return runTunnelCommand(rest)
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`)
      return command === undefined ? 1 : 0
    default:
      process.stderr.write(`unknown command ${command}\n${USAGE}\n`)
      return 2
  }
}

function port(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid port ${value}`)
  return n
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'ui-port': { type: 'string' },
      'no-tunnel': { type: 'boolean' },
      tunnel: { type: 'string' },
      'tunnel-host': { type: 'string' },
      'public-url': { type: 'string' },
      'rate-limit': { type: 'string' },
    },
  })
  // Benchmarks switch the receiver's rate limits off (flag or RECUPERA_RATE_LIMIT=off).
  const rateLimit = values['rate-limit'] ?? process.env.RECUPERA_RATE_LIMIT ?? 'on'
  if (rateLimit !== 'on' && rateLimit !== 'off') throw new Error('--rate-limit is on or off')
  const dataDir = values['data-dir'] ?? defaultDataDir()
  const tunnel = tunnelOptionsFromFlags(values)
  const app = await createApp({
    dataDir,
    receiverPort: port(values.port, 4010),
    uiPort: port(values['ui-port'], 4011),
    rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    headless: true,
    limits: rateLimit === 'off' ? unlimitedRates : undefined,
    tunnel,
  })
  const ready = {
    event: 'ready',
    receiverUrl: app.receiverUrl,
    uiUrl: `${app.ui!.url}/?token=${app.ui!.token}`,
    dataDir,
  }
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  // Held up to 3 s for the tunnel, so the ready line can carry publicUrl.
  await announceReady(app, ready)
  await stopped
  await app.close()
  process.stdout.write(`${JSON.stringify({ event: 'stopped' })}\n`)
  return 0
}

export function readBody(file: string): Buffer {
  return readFileSync(file)
}

const isEntry = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]
if (isEntry || process.env.RECUPERA_CLI === '1') {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`recupera: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exit(1)
    },
  )
}
