// A localtunnel server on 127.0.0.1 for tests, speaking the protocol the real client expects:
// `GET /?new` or `GET /<subdomain>` answers `{id, port, max_conn_count, url}`; the client then
// opens raw TCP sockets to `port`; public requests with Host `<id>.localhost` are forwarded
// over those sockets. Public URLs are `http://<id>.localhost:<port>` (the app's probe resolves
// *.localhost to 127.0.0.1, as browsers do). It can be killed and restarted on the same port,
// hold a subdomain as taken, and drop a client silently (its sockets stay open: a zombie).
import { randomBytes } from 'node:crypto'
import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http'
import {
  type AddressInfo,
  createServer as createTcpServer,
  type Socket,
  type Server as TcpServer,
} from 'node:net'

interface Client {
  id: string
  tcp: TcpServer
  idle: Socket[]
  waiting: ((socket: Socket) => void)[]
  sockets: Set<Socket>
  releaseTimer?: NodeJS.Timeout
}

export interface LocaltunnelServer {
  /** The `host` to give the client: http://127.0.0.1:<port> */
  url: string
  port: number
  /** Subdomains handed out so far, in order (a taken one shows as a random id). */
  assigned: string[]
  /** Makes the subdomain look held by someone else: requests for it get a random id. */
  hold(subdomain: string): void
  release(subdomain: string): void
  /** Forgets the client but leaves its sockets open, as a server that lost track of it. */
  dropSilently(subdomain: string): void
  connected(subdomain: string): number
  kill(): Promise<void>
  restart(): Promise<void>
  close(): Promise<void>
}

const MAX_CONN = 4
const RELEASE_AFTER_MS = 300

export async function startLocaltunnelServer(): Promise<LocaltunnelServer> {
  const clients = new Map<string, Client>()
  const held = new Set<string>()
  const zombies = new Set<Socket>()
  const zombieServers = new Set<TcpServer>()
  const assigned: string[] = []
  let http: Server | null = null
  let port = 0

  const forget = (client: Client) => {
    clients.delete(client.id)
    client.tcp.close()
  }

  const register = async (wanted: string | null): Promise<object> => {
    const free = wanted && !clients.has(wanted) && !held.has(wanted)
    const id = free ? wanted : randomBytes(5).toString('hex')
    const client: Client = { id, tcp: createTcpServer(), idle: [], waiting: [], sockets: new Set() }
    client.tcp.on('connection', (socket) => {
      clearTimeout(client.releaseTimer)
      client.sockets.add(socket)
      socket.on('error', () => {})
      socket.once('close', () => {
        client.sockets.delete(socket)
        client.idle = client.idle.filter((s) => s !== socket)
        // Like the real server: a client with no socket left is forgotten after a grace.
        if (client.sockets.size === 0 && clients.get(id) === client)
          client.releaseTimer = setTimeout(() => forget(client), RELEASE_AFTER_MS)
      })
      const next = client.waiting.shift()
      if (next) next(socket)
      else client.idle.push(socket)
    })
    await new Promise<void>((resolve) => client.tcp.listen(0, '127.0.0.1', resolve))
    clients.set(id, client)
    assigned.push(id)
    const tcpPort = (client.tcp.address() as AddressInfo).port
    return { id, port: tcpPort, max_conn_count: MAX_CONN, url: `http://${id}.localhost:${port}` }
  }

  const takeSocket = (client: Client): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = client.idle.shift()
      if (socket) return resolve(socket)
      const timer = setTimeout(() => reject(new Error('no tunnel socket')), 5000)
      client.waiting.push((s) => {
        clearTimeout(timer)
        resolve(s)
      })
    })

  const forward = async (client: Client, req: IncomingMessage, res: ServerResponse) => {
    const socket = await takeSocket(client)
    // One request per socket: the client opens a fresh socket when this one closes.
    const upstream = request(
      {
        method: req.method,
        path: req.url,
        headers: { ...req.headers, connection: 'close' },
        createConnection: () => socket,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
        answer.once('end', () => socket.destroy())
      },
    )
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end()
    })
    req.pipe(upstream)
  }

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const host = (req.headers.host ?? '').split(':')[0]!
    const sub = host.endsWith('.localhost') ? host.slice(0, -'.localhost'.length) : null
    const json = (status: number, body: object): void =>
      void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (sub !== null) {
      const client = clients.get(sub)
      if (client) forward(client, req, res).catch(() => json(504, { message: 'tunnel timeout' }))
      else json(404, { message: `no active client for '${sub}'` })
      return
    }
    const url = new URL(req.url ?? '/', 'http://server')
    const wanted = url.searchParams.has('new') ? null : url.pathname.slice(1)
    if (wanted !== null && !/^[a-z0-9]{4,63}$/.test(wanted)) {
      json(403, { message: 'invalid subdomain' })
      return
    }
    register(wanted).then(
      (body) => json(200, body),
      () => json(500, { message: 'failed' }),
    )
  }

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      http = createServer(handle)
      http.once('error', reject)
      http.listen(port, '127.0.0.1', () => {
        port = (http!.address() as AddressInfo).port
        resolve()
      })
    })

  const kill = async () => {
    for (const client of clients.values()) {
      for (const socket of client.sockets) socket.destroy()
      clearTimeout(client.releaseTimer)
      forget(client)
    }
    for (const socket of zombies) socket.destroy()
    zombies.clear()
    for (const tcp of zombieServers) tcp.close()
    zombieServers.clear()
    const server = http
    http = null
    if (server) {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }

  await listen()
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    assigned,
    hold: (subdomain) => void held.add(subdomain),
    release: (subdomain) => void held.delete(subdomain),
    dropSilently(subdomain) {
      const client = clients.get(subdomain)
      if (!client) return
      // Its sockets stay open and new ones are still accepted, so the client sees nothing
      // wrong; public requests for it get 404 from now on.
      clients.delete(subdomain)
      for (const socket of client.sockets) zombies.add(socket)
      client.tcp.removeAllListeners('connection')
      client.tcp.on('connection', (socket) => {
        socket.on('error', () => {})
        zombies.add(socket)
      })
      zombieServers.add(client.tcp)
    },
    connected: (subdomain) => clients.get(subdomain)?.sockets.size ?? 0,
    kill,
    restart: listen,
    close: kill,
  }
}
