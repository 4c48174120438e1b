#!/usr/bin/env node
// Profiles `recupera serve` (built CLI) under the throughput run (b) of the ingest bench:
// 50 connections, closed loop, rate limits off. Writes a .cpuprofile and prints its summary,
// and the CPU time per request. BENCH_PROFILE=0 skips the profiler (its overhead) for a quick
// before/after of one change. Usage: node bench/profile.mjs [seconds] [outDir]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deliveries } from './bodies.mjs'
import { cannon } from './load.mjs'
import { cpuMs, createSources, startRecupera } from './processes.mjs'

const seconds = Number(process.argv[2] ?? 10)
const outDir = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'recupera-prof-'))
const dataDir = mkdtempSync(join(tmpdir(), 'recupera-prof-data-'))
const profiling = process.env.BENCH_PROFILE !== '0'
const serve = await startRecupera(
  dataDir,
  ['--rate-limit', 'off'],
  profiling ? ['--cpu-prof', '--cpu-prof-dir', outDir] : [],
)
const sources = await createSources(serve, 2)
const tag = `p${Date.now().toString(36)}`
await cannon(serve.url, deliveries(sources, `${tag}w`), { connections: 50, duration: 2 })
const cpu0 = cpuMs(serve.pid)
// BENCH_RATE=1000: run (c)'s shape instead (20 connections, autocannon overallRate).
const rate = Number(process.env.BENCH_RATE ?? 0)
const shape = rate > 0 ? { connections: 20, overallRate: rate } : { connections: 50 }
const run = await cannon(serve.url, deliveries(sources, tag), { ...shape, duration: seconds })
const cpuUsPerReq = Math.round(((cpuMs(serve.pid) - cpu0) * 1000) / run.total)
// SIGINT lets node write the profile on its way out.
await serve.stop('SIGINT')
process.stderr.write(
  `${Math.round(run.reqPerS)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${cpuUsPerReq} µs CPU per request\n`,
)
if (!profiling) process.exit(0)
const file = join(
  outDir,
  readdirSync(outDir).find((f) => f.endsWith('.cpuprofile')),
)
process.stderr.write(`profile: ${file}\n`)
spawnSync(
  process.execPath,
  [new URL('profile-summary.mjs', import.meta.url).pathname, file, '40'],
  {
    stdio: 'inherit',
  },
)
