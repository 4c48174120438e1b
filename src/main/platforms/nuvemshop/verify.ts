// Nuvemshop proof of origin: lowercase hex HMAC-SHA256 of the raw body with the app client
// secret, in `x-linkedstore-hmac-sha256`.
import { matchesAnyHmac, mismatch, noSecret, readHeader, usableSecrets } from '../crypto'
import type { VerifyInput, VerifyResult } from '../types'

export const NUVEMSHOP_HMAC_HEADER = 'x-linkedstore-hmac-sha256'

export function verifyNuvemshop(input: VerifyInput): VerifyResult {
  if (usableSecrets(input.secrets).length === 0) return noSecret
  const header = readHeader(input.headers, NUVEMSHOP_HMAC_HEADER)
  if (header.kind === 'missing') {
    return { ok: false, reason: 'missing X-Linkedstore-Hmac-Sha256 header' }
  }
  if (header.kind === 'duplicated') {
    return { ok: false, reason: 'X-Linkedstore-Hmac-Sha256 header sent more than once' }
  }
  if (!/^[0-9a-fA-F]{64}$/.test(header.value)) {
    return { ok: false, reason: 'signature is not 64 hex characters' }
  }
  const provided = Buffer.from(header.value, 'hex')
  return matchesAnyHmac('sha256', input.raw, provided, input.secrets) ? { ok: true } : mismatch
}
