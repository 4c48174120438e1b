#!/usr/bin/env node
// `npm test`: builds the app (the e2e and crash tests run the built `recupera`), runs vitest
// and Playwright, and ends with the line CI reads: `N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1

rmSync('.reports', { recursive: true, force: true })
mkdirSync('.reports', { recursive: true })

const skipBuild = process.argv.includes('--no-build')
if (!skipBuild && run('npx', ['electron-vite', 'build', '--logLevel', 'warn']) !== 0) {
  console.log('build failed')
  console.log('0 passed, 1 failed')
  process.exit(1)
}

const vitestCode = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.reports/vitest.json',
])
const playwrightCode = run('npx', ['playwright', 'test'])

let passed = 0
let failed = 0
if (existsSync('.reports/vitest.json')) {
  const v = JSON.parse(readFileSync('.reports/vitest.json', 'utf8'))
  passed += v.numPassedTests
  failed += v.numFailedTests
  // A suite that failed to load counts as a failure even when it reported no test.
  if (v.numFailedTestSuites > 0 && v.numFailedTests === 0) failed += v.numFailedTestSuites
} else if (vitestCode !== 0) failed += 1
if (existsSync('.reports/playwright.json')) {
  const p = JSON.parse(readFileSync('.reports/playwright.json', 'utf8'))
  passed += p.stats.expected + p.stats.flaky
  failed += p.stats.unexpected
  if (p.errors?.length && p.stats.unexpected === 0) failed += p.errors.length
} else if (playwrightCode !== 0) failed += 1

if ((vitestCode !== 0 || playwrightCode !== 0) && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
