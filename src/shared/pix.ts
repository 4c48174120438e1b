// PIX "copia e cola" (EMV BR Code): TLV parsing, the CRC-16 check and a short description.
// A code with a bad CRC is refused by every bank app, so the app must never send one to a
// buyer; this module is what decides. Pure: used by main and renderer.

export interface EmvField {
  id: string
  value: string
}

export type EmvParse = { ok: true; fields: EmvField[] } | { ok: false; reason: string }

/** Splits `ID(2) LEN(2) VALUE` fields; lengths count characters. */
export function parseEmv(text: string): EmvParse {
  const fields: EmvField[] = []
  let at = 0
  while (at < text.length) {
    const id = text.slice(at, at + 2)
    const lengthText = text.slice(at + 2, at + 4)
    if (!/^\d\d$/.test(id) || !/^\d\d$/.test(lengthText)) {
      return { ok: false, reason: `broken field header at position ${at}` }
    }
    const length = Number(lengthText)
    const value = text.slice(at + 4, at + 4 + length)
    if (value.length !== length) return { ok: false, reason: `field ${id} is cut short` }
    fields.push({ id, value })
    at += 4 + length
  }
  return { ok: true, fields }
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) as 4 uppercase hex digits. */
export function crc16(input: string | Uint8Array): string {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  let crc = 0xffff
  for (const byte of bytes) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0')
}

export type PixValidation = { ok: true } | { ok: false; reason: string }

const PIX_GUI = 'br.gov.bcb.pix'

/** Checks structure, the PIX merchant account, currency, country and the CRC. */
export function validatePixCode(code: string | null | undefined): PixValidation {
  const text = code?.trim() ?? ''
  if (text === '') return { ok: false, reason: 'empty PIX code' }
  const parsed = parseEmv(text)
  if (!parsed.ok) return parsed
  const fields = parsed.fields
  if (fields[0]?.id !== '00' || fields[0].value !== '01') {
    return { ok: false, reason: 'does not start with payload format 01' }
  }
  const last = fields[fields.length - 1]
  if (last?.id !== '63' || last.value.length !== 4)
    return { ok: false, reason: 'CRC field missing' }
  const expected = crc16(text.slice(0, -4))
  if (last.value.toUpperCase() !== expected) return { ok: false, reason: 'CRC does not match' }
  const account = pixAccount(fields)
  if (!account) return { ok: false, reason: 'no br.gov.bcb.pix merchant account' }
  if (!account.key && !account.url) return { ok: false, reason: 'PIX account has no key or URL' }
  const currency = value(fields, '53')
  if (currency !== null && currency !== '986') return { ok: false, reason: 'currency is not BRL' }
  if (value(fields, '58') !== 'BR') return { ok: false, reason: 'country is not BR' }
  const amount = value(fields, '54')
  if (amount !== null && !/^\d+(\.\d{1,2})?$/.test(amount)) {
    return { ok: false, reason: 'amount is not a decimal number' }
  }
  return { ok: true }
}

function value(fields: readonly EmvField[], id: string): string | null {
  return fields.find((f) => f.id === id)?.value ?? null
}

/** Merchant account templates live in 26–51; PIX is the one whose GUI is br.gov.bcb.pix. */
function pixAccount(
  fields: readonly EmvField[],
): { key: string | null; url: string | null } | null {
  for (const field of fields) {
    const id = Number(field.id)
    if (id < 26 || id > 51) continue
    const sub = parseEmv(field.value)
    if (!sub.ok) continue
    if (value(sub.fields, '00')?.toLowerCase() !== PIX_GUI) continue
    return { key: value(sub.fields, '01'), url: value(sub.fields, '25') }
  }
  return null
}

export interface PixDescription {
  /** Minor units (centavos); null when the code leaves the amount to the payer. */
  amountMinor: number | null
  merchantName: string | null
  city: string | null
  /** `***` (no txid) is reported as null. */
  txid: string | null
  /** Static codes carry the key; dynamic ones a location URL. */
  key: string | null
  url: string | null
  dynamic: boolean
}

/** Reads what a valid code says; null when the code does not validate. */
export function describePix(code: string | null | undefined): PixDescription | null {
  if (!validatePixCode(code).ok) return null
  const parsed = parseEmv((code ?? '').trim())
  if (!parsed.ok) return null
  const fields = parsed.fields
  const account = pixAccount(fields) ?? { key: null, url: null }
  const additional = parseEmv(value(fields, '62') ?? '')
  const txid = additional.ok ? value(additional.fields, '05') : null
  const amount = value(fields, '54')
  return {
    amountMinor: amount === null ? null : decimalToCents(amount),
    merchantName: value(fields, '59'),
    city: value(fields, '60'),
    txid: txid === '***' ? null : txid,
    key: account.key,
    url: account.url,
    dynamic: account.url !== null,
  }
}

function decimalToCents(amount: string): number {
  const [whole, fraction = ''] = amount.split('.')
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}
