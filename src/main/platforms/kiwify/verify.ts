// Kiwify proof of origin: `signature` query parameter appended to the registered URL, the
// lowercase hex HMAC-SHA1 of the raw body keyed with the webhook's token (never on the wire).
import { matchesAnyHmac, mismatch, noSecret, usableSecrets } from '../crypto'
import type { VerifyInput, VerifyResult } from '../types'

export function verifyKiwify(input: VerifyInput): VerifyResult {
  if (usableSecrets(input.secrets).length === 0) return noSecret
  const signatures = input.query.getAll('signature')
  if (signatures.length === 0) return { ok: false, reason: 'missing signature query parameter' }
  if (signatures.length > 1) {
    return { ok: false, reason: 'signature query parameter sent more than once' }
  }
  const signature = signatures[0].trim()
  if (!/^[0-9a-fA-F]{40}$/.test(signature)) {
    return { ok: false, reason: 'signature is not 40 hex characters' }
  }
  const provided = Buffer.from(signature, 'hex')
  return matchesAnyHmac('sha1', input.raw, provided, input.secrets) ? { ok: true } : mismatch
}
