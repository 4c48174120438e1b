#!/usr/bin/env node
// Builds desktop installers. electron-builder rebuilds better-sqlite3 for Electron's ABI;
// afterwards the Node build is restored so `npm test` keeps working on this machine.
import { spawnSync } from 'node:child_process'

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1
let code = run('npx', ['electron-vite', 'build'])
if (code === 0) code = run('npx', ['electron-builder', '--publish', 'never'])
run('npm', ['rebuild', 'better-sqlite3'])
process.exit(code)
