// Writes one section of docs/benchmarks.md ("Ingest", "Inbox"), leaving the others as they are.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

const FILE = new URL('../docs/benchmarks.md', import.meta.url)

export function machine() {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    load: loadavg()[0].toFixed(1),
  }
}

/** Replaces the `## <heading>` section (up to the next `## `) or appends it. */
export function writeSection(heading, markdown) {
  const section = `## ${heading}\n\n${markdown.trim()}\n`
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n'
  const start = text.search(new RegExp(`^## ${heading}\\s*$`, 'm'))
  if (start >= 0) {
    const rest = text.slice(start + 1)
    const next = rest.search(/^## /m)
    const end = next >= 0 ? start + 1 + next : text.length
    text = `${text.slice(0, start)}${section}${next >= 0 ? '\n' : ''}${text.slice(end)}`
  } else {
    text = `${text.trimEnd()}\n\n${section}`
  }
  writeFileSync(FILE, text)
}

const ms = (v) => (Number.isFinite(v) ? `${Math.round(v * 10) / 10}` : '—')
const int = (v) => (Number.isFinite(v) ? `${Math.round(v)}` : '—')

export function table(rows) {
  const head =
    '| run | offered | req/s | p50 ms | p99 ms | max ms | errors / non-2xx |\n|---|---|---|---|---|---|---|'
  const lines = rows.map(
    (r) =>
      `| ${r.name} | ${r.offered} | ${int(r.reqPerS)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} |`,
  )
  return [head, ...lines].join('\n')
}
