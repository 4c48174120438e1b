#!/usr/bin/env node
// Entry point of the `recupera` command: runs the built core (npm ci builds it via `prepare`).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  process.stderr.write('recupera: not built yet. Run `npm ci` (or `npm run build`) first.\n')
  process.exit(1)
}
process.env.RECUPERA_CLI = '1'
await import(cli)
