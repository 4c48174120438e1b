// Hotmart proof of origin: no HMAC, the account's hottok itself travels in `X-HOTMART-HOTTOK`
// (some deliveries put a top-level `hottok` in the body instead; the header wins). Since the
// secret is on the wire, it is compared through hashes and never echoed in a reason.

import { matchesAnyToken, noSecret, readHeader, usableSecrets } from '../crypto'
import { asObject, asString, tryParseJson } from '../json'
import type { VerifyInput, VerifyResult } from '../types'

export const HOTMART_HOTTOK_HEADER = 'x-hotmart-hottok'

export function verifyHotmart(input: VerifyInput): VerifyResult {
  if (usableSecrets(input.secrets).length === 0) return noSecret
  const header = readHeader(input.headers, HOTMART_HOTTOK_HEADER)
  if (header.kind === 'duplicated') {
    return { ok: false, reason: 'X-HOTMART-HOTTOK header sent more than once' }
  }
  const token =
    header.kind === 'value' && header.value !== '' ? header.value : bodyHottok(input.raw)
  if (token === null) {
    return { ok: false, reason: 'missing X-HOTMART-HOTTOK header and body hottok' }
  }
  return matchesAnyToken(token, input.secrets)
    ? { ok: true }
    : { ok: false, reason: 'hottok mismatch' }
}

/** Top-level `hottok` of a JSON body, or of a form-encoded legacy (v1) body. */
export function bodyHottok(raw: Buffer): string | null {
  const parsed = tryParseJson(raw)
  if (parsed.ok) return asString(asObject(parsed.value)?.hottok)
  const text = raw.toString('utf8')
  if (!text.includes('hottok=')) return null
  return asString(new URLSearchParams(text).get('hottok'))
}
