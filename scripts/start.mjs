#!/usr/bin/env node
// `npm start`: the desktop app where Electron can run; elsewhere (no Electron binary, e.g. a
// server or this CI) it says so and starts the same core headless with `recupera serve`.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
let electronPath = null
try {
  electronPath = require('electron')
} catch {
  electronPath = null
}
const works =
  electronPath && spawnSync(electronPath, ['--version'], { stdio: 'ignore' }).status === 0
if (works) {
  spawn(electronPath, ['.'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0))
} else {
  console.error('Electron is not available on this machine: starting Recupera headless.')
  console.error('Open the "uiUrl" printed below in your browser.')
  spawn(process.execPath, ['bin/recupera.mjs', 'serve', ...process.argv.slice(2)], {
    stdio: 'inherit',
  }).on('exit', (code) => process.exit(code ?? 0))
}
