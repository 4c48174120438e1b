// The installation's localtunnel subdomain: long and random (the public URL is the webhook
// base every platform is told about, so it must be stable across restarts and hard to guess),
// generated once and persisted in the settings table.
import { randomBytes } from 'node:crypto'
import { getState, setState } from '../api/settings'
import type { Db } from '../db/connection'

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const ALNUM = `${LETTERS}0123456789`
export const SUBDOMAIN_LENGTH = 26
const STATE_KEY = 'tunnel.subdomain'

/** localtunnel servers accept `[a-z0-9]{4,63}`; we start with a letter to be a tidy DNS label. */
export const isValidSubdomain = (value: string): boolean => /^[a-z][a-z0-9]{3,62}$/.test(value)

/** Uniform over the alphabet (rejection sampling: no modulo bias). */
export function generateSubdomain(
  length = SUBDOMAIN_LENGTH,
  bytes: (n: number) => Buffer = randomBytes,
): string {
  let out = ''
  while (out.length < length) {
    for (const byte of bytes(length * 2)) {
      if (out.length === length) break
      const alphabet = out.length === 0 ? LETTERS : ALNUM
      const limit = 256 - (256 % alphabet.length)
      if (byte < limit) out += alphabet[byte % alphabet.length]
    }
  }
  return out
}

/** The persisted subdomain, created on first use. */
export function installationSubdomain(db: Db): string {
  const stored = getState(db, STATE_KEY)
  if (stored && isValidSubdomain(stored)) return stored
  const fresh = generateSubdomain()
  setState(db, STATE_KEY, fresh)
  return fresh
}
