#!/usr/bin/env node
// `npm start`: the desktop app where Electron can run; elsewhere (no Electron binary and no way
// to download it, e.g. a server or CI) it says so and starts the same core headless with
// `recupera serve`. The probe runs in a child so a failed download stays out of the way.
import { spawn, spawnSync } from 'node:child_process'

console.error('Preparing Electron (the first run downloads it)…')
const probe = spawnSync(
  process.execPath,
  [
    '-e',
    "const p = require('electron'); require('child_process').execFileSync(p, ['--version']); process.stdout.write(p)",
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 },
)
const electronPath = probe.status === 0 ? probe.stdout.trim() : null
let child
if (electronPath) {
  child = spawn(electronPath, ['.'], { stdio: 'inherit' })
} else {
  console.error('Electron cannot run on this machine: starting Recupera headless instead.')
  console.error('Open the "uiUrl" printed below in your browser.')
  child = spawn(process.execPath, ['bin/recupera.mjs', 'serve', ...process.argv.slice(2)], {
    stdio: 'inherit',
  })
}
// Ctrl-C or a service manager stopping `npm start` stops the app cleanly too.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
