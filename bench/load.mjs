// Load drivers: autocannon (closed-loop throughput, and its fixed `overallRate`), an open-loop
// paced sender (evenly spaced requests, so queueing shows up as latency), and an SSE listener
// that timestamps `event.created` to measure POST → readable through the UI API.
import http from 'node:http'
import autocannon from 'autocannon'

/** Runs autocannon with a fresh signed delivery per request; collects acknowledged keys. */
export async function cannon(url, next, opts) {
  const acked = []
  const statuses = {}
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    overallRate: opts.overallRate,
    ignoreCoordinatedOmission: opts.overallRate !== undefined,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const d = next()
          context.key = d.key
          return { ...req, method: 'POST', path: d.path, headers: d.headers, body: d.body }
        },
        onResponse: (status, _body, context) => {
          statuses[status] = (statuses[status] ?? 0) + 1
          if (status >= 200 && status < 300) acked.push(context.key)
        },
      },
    ],
  })
  return {
    reqPerS: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    statuses,
    acked,
  }
}

const percentile = (sorted, p) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]

/** Evenly spaced requests at `rate`/s for `seconds`, over a keep-alive pool. */
export async function paced(url, next, { rate, seconds, onSent }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })
  const latencies = []
  const acked = []
  let errors = 0
  let sent = 0
  let inFlight = 0
  const start = performance.now()
  const total = rate * seconds
  await new Promise((resolve) => {
    const send = () => {
      const d = next()
      const t0 = performance.now()
      onSent?.(d.key, t0)
      inFlight++
      const req = http.request(
        `${url}${d.path}`,
        {
          method: 'POST',
          agent,
          headers: { ...d.headers, 'content-length': Buffer.byteLength(d.body) },
        },
        (res) => {
          res.resume()
          res.on('end', () => {
            latencies.push(performance.now() - t0)
            if (res.statusCode >= 200 && res.statusCode < 300) acked.push(d.key)
            else errors++
            done()
          })
        },
      )
      req.on('error', () => {
        errors++
        done()
      })
      req.end(d.body)
    }
    const done = () => {
      inFlight--
      if (sent >= total && inFlight === 0) resolve()
    }
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate))
      while (sent < due) {
        sent++
        send()
      }
      if (sent < total) setTimeout(tick, 1)
    }
    tick()
  })
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return {
    reqPerS: latencies.length / ((performance.now() - start) / 1000),
    total: latencies.length,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1),
    errors,
    acked,
  }
}

/** Subscribes to the UI's server-sent events; calls `onCreated(dedupKey, at)` per new event. */
export function listenEvents(uiOrigin, token, onCreated) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${uiOrigin}/api/events`,
      { headers: { authorization: `Bearer ${token}` } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`SSE answered ${res.statusCode}`))
        let buffer = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => {
          const at = performance.now()
          buffer += chunk
          let end = buffer.indexOf('\n\n')
          while (end >= 0) {
            const message = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (message.startsWith('data: ')) {
              const event = JSON.parse(message.slice(6))
              if (event.type === 'event.created') onCreated(event.event.dedupKey, at)
            }
            end = buffer.indexOf('\n\n')
          }
        })
        resolve(() => req.destroy())
      },
    )
    req.on('error', reject)
  })
}

export { percentile }
