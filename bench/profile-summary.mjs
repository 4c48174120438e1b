// Summarizes a .cpuprofile (node --cpu-prof): top functions by self time and by inclusive time.
// Usage: node bench/profile-summary.mjs FILE [N]
import { readFileSync } from 'node:fs'

const [file, top = '30'] = process.argv.slice(2)
const profile = JSON.parse(readFileSync(file, 'utf8'))
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const dt = new Map()
profile.samples.forEach((id, i) => {
  dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
})
const label = (n) => {
  const f = n.callFrame
  const where = f.url ? `${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}` : ''
  return `${f.functionName || '(anon)'} ${where}`
}
const self = new Map()
const incl = new Map()
let total = 0
for (const [id, t] of dt) {
  total += t
  const n = byId.get(id)
  self.set(label(n), (self.get(label(n)) ?? 0) + t)
  const seen = new Set()
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur))
    if (seen.has(l)) continue
    seen.add(l)
    incl.set(l, (incl.get(l) ?? 0) + t)
  }
}
const show = (title, map) => {
  console.log(`\n${title} (total ${Math.round(total / 1000)} ms)`)
  for (const [l, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
    console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${l}`)
}
show('self', self)
show('inclusive', incl)
