#!/usr/bin/env node
// `npm run bench`: builds if needed, runs the ingest benchmark (bench/ingest.mjs), writes the
// "Ingest" section of docs/benchmarks.md and prints one JSON summary as the last line.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!existsSync(new URL('../out/main/cli.js', import.meta.url))) {
  const built = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  })
  if (built.status !== 0) process.exit(1)
}
const { runIngestBench } = await import('../bench/ingest.mjs')
const started = Date.now()
const { summary, details } = await runIngestBench({
  duration: Number(process.env.BENCH_DURATION ?? 10),
  write: process.env.BENCH_WRITE !== '0',
})
const checks = details.checks
const lost = checks.throughput.missing + checks.fixedRate.missing
process.stderr.write(
  `bench done in ${Math.round((Date.now() - started) / 1000)} s; acknowledged but missing: ${lost}\n`,
)
console.log(JSON.stringify(summary))
process.exit(lost > 0 ? 1 : 0)
