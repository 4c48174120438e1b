// Liveness of a public URL, seen from outside: `GET <publicUrl>/health` must reach our own
// receiver (answering `{service: 'recupera-receiver'}`), not some page of the tunnel server.
// `*.localhost` is resolved to 127.0.0.1 here, as browsers do and Node does not, so test tunnel
// servers can hand out `http://<sub>.localhost:<port>` URLs that work offline.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'

export interface PlainResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

export interface RequestOptions {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  timeoutMs?: number
}

const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost')

const lookup: LookupFunction = (hostname, options, callback) => {
  if (!isLocalhostName(hostname)) return dnsLookup(hostname, options, callback)
  const address: LookupAddress = { address: '127.0.0.1', family: 4 }
  if (options.all) (callback as (e: null, a: LookupAddress[]) => void)(null, [address])
  else callback(null, address.address, address.family)
}

/** One request on a fresh connection (no pooled socket can go stale between probes). */
export function requestUrl(url: string, options: RequestOptions = {}): Promise<PlainResponse> {
  const target = new URL(url)
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: options.method ?? 'GET',
        headers: { connection: 'close', ...options.headers },
        agent: false,
        lookup,
        timeout: options.timeoutMs ?? 5000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer in ${options.timeoutMs ?? 5000} ms`)))
    req.on('error', reject)
    req.end(options.body)
  })
}

export type Probe = (publicUrl: string) => Promise<void>

/** Resolves when the receiver answered through `publicUrl`; rejects with the reason otherwise. */
export function probeHealth(timeoutMs = 5000): Probe {
  return async (publicUrl) => {
    const url = `${publicUrl.replace(/\/+$/, '')}/health`
    // loca.lt shows browsers a reminder page; this header skips it for any client.
    const res = await requestUrl(url, {
      timeoutMs,
      headers: { accept: 'application/json', 'bypass-tunnel-reminder': '1' },
    })
    if (res.status !== 200) throw new Error(`health answered ${res.status}`)
    let service: unknown
    try {
      service = (JSON.parse(res.body) as { service?: unknown }).service
    } catch {
      throw new Error('health answer is not JSON (not our receiver)')
    }
    if (service !== 'recupera-receiver') throw new Error('health answered by another service')
  }
}
