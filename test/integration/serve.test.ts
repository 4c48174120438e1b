import { request } from 'node:http'
// `recupera serve` as a user runs it: the built CLI as a child process.
import { afterEach, describe, expect, it } from 'vitest'
import { callApi, type Served, startServe } from '../helpers/serve'

function rawPost(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end('{}')
  })
}

let served: Served | null = null
afterEach(async () => {
  await served?.stop()
  served = null
})

describe('recupera serve', () => {
  it('prints one ready line with the receiver, the UI address and the data dir', async () => {
    const started = Date.now()
    served = await startServe()
    expect(Date.now() - started).toBeLessThan(5000)
    expect(served.ready.event).toBe('ready')
    expect(served.ready.receiverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(served.ready.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
    const health = await fetch(`${served.ready.receiverUrl}/health`)
    expect(health.status).toBe(200)
  })

  it('refuses the API without the token, with a wrong token and with a foreign Host', async () => {
    served = await startServe()
    const url = `${served.uiOrigin}/api/appInfo`
    const post = (headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      })
    expect((await post({})).status).toBe(401)
    expect((await post({ authorization: 'Bearer wrong' })).status).toBe(401)
    // fetch() will not send a forged Host header; a raw request does, as a rebinding page would.
    const rebinding = await rawPost(url, {
      authorization: `Bearer ${served.token}`,
      host: 'evil.example:80',
    })
    expect(rebinding).toBe(403)
    expect(await rawPost(url, { authorization: `Bearer ${served.token}` })).toBe(200)
    const info = await callApi<{ dataDir: string }>(served, 'appInfo')
    expect(info.dataDir).toBe(served.ready.dataDir)
  })

  it('answers invalid input as data with a code', async () => {
    served = await startServe()
    const response = await fetch(`${served.uiOrigin}/api/createSource`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${served.token}` },
      body: JSON.stringify({ input: { platform: 'ebay', name: '' } }),
    })
    const body = (await response.json()) as { ok: boolean; error: { code: string } }
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('closes cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      served = await startServe()
      expect(await served.stop(signal)).toBe(0)
      // The last line proves close() finished (database closed), not just that the process ended.
      expect(served.stdout().trim().split('\n').at(-1)).toBe('{"event":"stopped"}')
    }
  })
})
