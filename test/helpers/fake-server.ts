// A tiny real HTTP server on 127.0.0.1 for fake platform APIs: records every request (method,
// path, headers, body) and answers through a route function.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Recorded {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

export interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface FakeServer {
  url: string
  requests: Recorded[]
  close(): Promise<void>
}

export async function startFakeServer(route: (req: Recorded) => Answer): Promise<FakeServer> {
  const requests: Recorded[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake')
      const recorded: Recorded = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(recorded)
      let answer: Answer
      try {
        answer = route(recorded)
      } catch (error) {
        answer = { status: 500, body: { message: String(error) } }
      }
      const text =
        answer.body === undefined
          ? ''
          : typeof answer.body === 'string'
            ? answer.body
            : JSON.stringify(answer.body)
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
      res.end(text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function jsonBody(req: Recorded): Record<string, unknown> | null {
  try {
    return JSON.parse(req.body) as Record<string, unknown>
  } catch {
    return null
  }
}
