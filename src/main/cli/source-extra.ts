// `recupera source register ID` and `recupera source test ID`: automatic webhook registration
// and a signed test delivery, from the command line, on the same data directory. The public
// URL comes from --url, else from a running serve's live tunnel, else the local receiver.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../db/connection'
import { defaultDataDir } from '../paths'
import { Registration } from '../registration/registration'
import { sendTestEvent } from '../registration/test-event'
import { createSecretBox, keyFileStore } from '../secrets/secret-box'
import { Sources } from '../sources/sources'
import { isLive, readTunnelStatus } from '../tunnel/status-store'
import { systemClock } from '../util/time'

const out = (line: string) => process.stdout.write(`${line}\n`)

export async function runSourceExtra(sub: 'register' | 'test', args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      url: { type: 'string' },
      'receiver-port': { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  const id = positionals[0]
  if (!id) {
    process.stderr.write(`usage: recupera source ${sub} ID [--url PUBLIC_URL] [--json]\n`)
    return 2
  }
  const dataDir = values['data-dir'] ?? defaultDataDir()
  const db = await openDatabase(join(dataDir, 'recupera.db'))
  try {
    const sources = new Sources(db, createSecretBox(keyFileStore(dataDir)), systemClock)
    const tunnel = readTunnelStatus(db)
    const livePublic = tunnel && isLive(tunnel) ? tunnel.status.publicUrl : null
    const local = `http://127.0.0.1:${values['receiver-port'] ?? 4010}`
    if (sub === 'register') {
      const base = values.url ?? livePublic ?? local
      const view = await new Registration({ sources, clock: systemClock }).registerSource(id, base)
      out(values.json ? JSON.stringify(view) : `${view.status}  ${view.url ?? ''}`)
      if (view.warning === 'local_url' && !values.json)
        out('warning: this URL only works on this computer; start the tunnel (or pass --url)')
      return view.status?.startsWith('failed') ? 1 : 0
    }
    const result = await sendTestEvent(
      sources.get(id),
      { publicUrl: values.url ?? livePublic, receiverUrl: local },
      systemClock,
    )
    out(
      values.json
        ? JSON.stringify(result)
        : `${result.httpStatus} ${result.outcome ?? ''} via ${result.url}${result.reason ? ` (${result.reason})` : ''}`,
    )
    return result.httpStatus >= 200 && result.httpStatus < 300 ? 0 : 1
  } finally {
    await db.close()
  }
}
