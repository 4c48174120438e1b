// The comparison and header-reading pieces every verifier shares. Comparisons run in constant
// time over every configured secret (no early exit), so timing tells nothing about which
// secret or how many bytes matched.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { Headers, VerifyResult } from './types'

export type HmacAlgorithm = 'sha1' | 'sha256'

export function hmac(algorithm: HmacAlgorithm, secret: string, raw: Buffer): Buffer {
  return createHmac(algorithm, secret).update(raw).digest()
}

/** True when `provided` equals the HMAC of `raw` under any of the secrets. */
export function matchesAnyHmac(
  algorithm: HmacAlgorithm,
  raw: Buffer,
  provided: Buffer,
  secrets: readonly string[],
): boolean {
  let matched = false
  for (const secret of usableSecrets(secrets)) {
    const expected = hmac(algorithm, secret, raw)
    if (expected.length === provided.length && timingSafeEqual(expected, provided)) matched = true
  }
  return matched
}

/**
 * Plain shared tokens (Hotmart hottok): both sides are hashed first so the buffers have equal
 * length whatever the token lengths, and the comparison leaks neither content nor length.
 */
export function matchesAnyToken(provided: string, secrets: readonly string[]): boolean {
  const providedHash = createHash('sha256').update(provided).digest()
  let matched = false
  for (const secret of usableSecrets(secrets)) {
    const expected = createHash('sha256').update(secret).digest()
    if (timingSafeEqual(expected, providedHash)) matched = true
  }
  return matched
}

export function usableSecrets(secrets: readonly string[]): string[] {
  return secrets.filter((s) => typeof s === 'string' && s !== '')
}

export const noSecret: VerifyResult = { ok: false, reason: 'no secret configured for this source' }
export const mismatch: VerifyResult = { ok: false, reason: 'signature mismatch' }

export type HeaderRead =
  | { kind: 'missing' }
  | { kind: 'duplicated'; name: string }
  | { kind: 'value'; name: string; value: string }

/** First of `names` present (lower-case names); a repeated header is reported, not guessed. */
export function readHeader(headers: Headers, ...names: string[]): HeaderRead {
  for (const name of names) {
    const value = headers[name] ?? headers[findKey(headers, name) ?? name]
    if (value === undefined) continue
    if (Array.isArray(value)) {
      if (value.length === 1) return { kind: 'value', name, value: value[0].trim() }
      return { kind: 'duplicated', name }
    }
    return { kind: 'value', name, value: value.trim() }
  }
  return { kind: 'missing' }
}

// Node lower-cases header names; callers that build headers by hand may not.
function findKey(headers: Headers, name: string): string | undefined {
  return Object.keys(headers).find((key) => key.toLowerCase() === name)
}

/** A header's single value or null (for informational headers like topics and ids). */
export function headerValue(headers: Headers, ...names: string[]): string | null {
  const read = readHeader(headers, ...names)
  return read.kind === 'value' && read.value !== '' ? read.value : null
}
