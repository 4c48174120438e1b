// `recupera serve` with a tunnel and `recupera tunnel status`, as a user runs them (the built
// CLI as child processes), against the test localtunnel server on 127.0.0.1.
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { type LocaltunnelServer, startLocaltunnelServer } from '../helpers/localtunnel-server'
import { BIN, type Served, startServe, tempDataDir } from '../helpers/serve'

let served: Served | null = null
let server: LocaltunnelServer | null = null
afterEach(async () => {
  await served?.stop()
  await server?.close()
  served = null
  server = null
})

function tunnelStatus(dataDir: string): Record<string, unknown> {
  const run = spawnSync(
    process.execPath,
    [BIN, 'tunnel', 'status', '--json', '--data-dir', dataDir],
    {
      encoding: 'utf8',
      env: { ...process.env, RECUPERA_LOG: 'silent' },
    },
  )
  expect(run.status).toBe(0)
  return JSON.parse(run.stdout) as Record<string, unknown>
}

function nextTunnelLine(
  child: Served['child'],
  state: string,
  timeoutMs = 10_000,
): Promise<object> {
  return new Promise((resolve, reject) => {
    let buffer = ''
    const timer = setTimeout(() => reject(new Error(`no tunnel line "${state}"`)), timeoutMs)
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      for (const line of buffer.split('\n')) {
        if (!line.includes('"event":"tunnel"')) continue
        const parsed = JSON.parse(line) as { state: string }
        if (parsed.state !== state) continue
        clearTimeout(timer)
        resolve(parsed)
      }
    })
  })
}

describe('recupera serve --tunnel', () => {
  it('puts publicUrl in the ready line when the tunnel is up quickly, and reports it', async () => {
    server = await startLocaltunnelServer()
    const dataDir = tempDataDir()
    served = await startServe(['--tunnel', 'localtunnel', '--tunnel-host', server.url], dataDir)
    expect(served.ready.publicUrl).toMatch(
      new RegExp(`^http://[a-z][a-z0-9]{25}\\.localhost:${server.port}$`),
    )

    const status = tunnelStatus(dataDir)
    expect(status).toMatchObject({
      running: true,
      provider: 'localtunnel',
      state: 'up',
      publicUrl: served.ready.publicUrl,
    })

    const down = nextTunnelLine(served.child, 'down')
    await server.kill()
    expect(await down).toMatchObject({ event: 'tunnel', provider: 'localtunnel', publicUrl: null })

    await served.stop()
    expect(tunnelStatus(dataDir)).toMatchObject({ running: false, state: 'off' })
  })

  it('prints the ready line within about 3 s when the tunnel server is unreachable', async () => {
    const started = Date.now()
    served = await startServe(['--tunnel', 'localtunnel', '--tunnel-host', 'http://127.0.0.1:1'])
    expect(Date.now() - started).toBeLessThan(6000)
    expect(served.ready.publicUrl).toBeUndefined()
    const health = await fetch(`${served.ready.receiverUrl}/health`)
    expect(health.status).toBe(200)
  })

  it('refuses --tunnel url without --public-url', () => {
    const run = spawnSync(
      process.execPath,
      [
        BIN,
        'serve',
        '--data-dir',
        tempDataDir(),
        '--port',
        '0',
        '--ui-port',
        '0',
        '--tunnel',
        'url',
      ],
      { encoding: 'utf8', env: { ...process.env, RECUPERA_LOG: 'silent' } },
    )
    expect(run.status).not.toBe(0)
    expect(run.stderr).toMatch(/--public-url/)
  })

  it('says not running when no serve ever ran on the data dir', () => {
    expect(tunnelStatus(tempDataDir())).toMatchObject({ running: false })
  })
})
