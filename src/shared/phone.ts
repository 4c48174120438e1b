// Phone numbers to E.164, Brazil first (platforms.md §4). libphonenumber alone misreads the
// shapes Brazilian checkouts send (`5511…` without `+`, `0055…`, trunk 0 + carrier code, no
// DDD) and never adds the ninth digit, so digits are pre-normalized here and libphonenumber
// only confirms. Pure: used by main and renderer.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/** The 67 Brazilian area codes (DDD). libphonenumber accepts some others as shared cost. */
const DDDS = new Set(
  [
    '11-19',
    '21',
    '22',
    '24',
    '27',
    '28',
    '31-35',
    '37',
    '38',
    '41-49',
    '51',
    '53-55',
    '61-69',
    '71',
    '73-75',
    '77',
    '79',
    '81-89',
    '91-99',
  ].flatMap(expandRange),
)

function expandRange(range: string): string[] {
  const [from, to = from] = range.split('-').map(Number)
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i))
}

export function isValidDdd(ddd: string): boolean {
  return DDDS.has(ddd)
}

export type PhoneKind = 'mobile' | 'landline' | 'other'

/** Shared between callers (see the memo in normalizePhone): treat as read-only. */
export type PhoneResult = Readonly<
  | { ok: true; e164: string; kind: PhoneKind; ninthDigitAdded: boolean }
  | { ok: false; reason: string }
>

export interface PhoneOptions {
  /** DDD sent in a separate field (Hotmart subscriber `dddCell`), or known from context. */
  ddd?: string | null
}

/**
 * Any phone a platform sends to E.164. Brazilian shapes: `(11) 99999-9999`, `11999999999`,
 * `5511999999999`, `+55 11 …`, `0055 11 …`, `0 21 11 98765-4321`, DDD in `opts.ddd`.
 * Numbers with another `+` country code are kept when libphonenumber says they are valid.
 */
export function normalizePhone(
  raw: string | null | undefined,
  opts: PhoneOptions = {},
): PhoneResult {
  if (raw == null || raw.trim() === '') return fail('no phone')
  // libphonenumber's isValid is the slow part of ingest, and the same customers' numbers come
  // back across events (normalizing, then matching contacts): remember recent answers.
  const key = opts.ddd ? `${raw}\u0000${opts.ddd}` : raw
  const known = memo.get(key)
  if (known) return known
  const result = normalizeUncached(raw, opts)
  remember(key, result)
  // Contact matching normalizes the E.164 just produced again: E.164 in, same number out.
  if (result.ok && !memo.has(result.e164))
    remember(result.e164, { ...result, ninthDigitAdded: false })
  return result
}

function remember(key: string, result: PhoneResult): void {
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string)
  memo.set(key, result)
}

/** Bounded, oldest entry out first: enough for a busy hour's repeat customers. */
const MEMO_SIZE = 2000
const memo = new Map<string, PhoneResult>()

function normalizeUncached(raw: string, opts: PhoneOptions): PhoneResult {
  const text = raw.trim()
  if (/[a-z]/i.test(text)) return fail('phone contains letters')
  const digits = text.replace(/\D/g, '')
  if (digits === '') return fail('no digits in phone')
  if (text.startsWith('+')) return international(digits)
  if (digits.startsWith('00')) return international(digits.slice(2))
  return brazilianNational(nationalDigits(digits), opts)
}

/** E.164 or null; for callers that only need the number. */
export function toE164(raw: string | null | undefined, opts: PhoneOptions = {}): string | null {
  const result = normalizePhone(raw, opts)
  return result.ok ? result.e164 : null
}

function fail(reason: string): PhoneResult {
  return { ok: false, reason }
}

function international(digits: string): PhoneResult {
  if (digits.startsWith('55')) return brazilianNational(digits.slice(2), {})
  const parsed = parsePhoneNumberFromString(`+${digits}`)
  if (!parsed?.isValid()) return fail('not a valid international number')
  const type = parsed.getType()
  const kind: PhoneKind =
    type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' ? 'landline' : 'other'
  return { ok: true, e164: parsed.number, kind, ninthDigitAdded: false }
}

/** Strips the trunk 0 (with its carrier code) and a `55` country code typed without `+`. */
function nationalDigits(digits: string): string {
  if (digits.startsWith('0')) {
    const rest = digits.slice(1)
    return rest.length >= 12 ? rest.slice(2) : rest
  }
  // 12–13 digits starting 55 carry the country code; 10–11 starting 55 are DDD 55.
  if ((digits.length === 12 || digits.length === 13) && digits.startsWith('55')) {
    return digits.slice(2)
  }
  return digits
}

function brazilianNational(national: string, opts: PhoneOptions): PhoneResult {
  let withDdd = national
  if (national.length === 8 || national.length === 9) {
    const ddd = opts.ddd?.replace(/\D/g, '').replace(/^0+/, '') ?? ''
    if (ddd === '') return fail('phone has no DDD (area code)')
    withDdd = ddd + national
  }
  if (withDdd.length !== 10 && withDdd.length !== 11) return fail('wrong number of digits')
  const ddd = withDdd.slice(0, 2)
  if (!isValidDdd(ddd)) return fail(`${ddd} is not a Brazilian DDD`)
  const subscriber = classify(withDdd.slice(2))
  if (!subscriber) return fail('not a Brazilian mobile or landline number')
  const e164 = `+55${ddd}${subscriber.number}`
  if (!parsePhoneNumberFromString(e164)?.isValid()) return fail('not a valid Brazilian number')
  return { ok: true, e164, kind: subscriber.kind, ninthDigitAdded: subscriber.added }
}

function classify(number: string): { number: string; kind: PhoneKind; added: boolean } | null {
  if (number.length === 9)
    return number[0] === '9' ? { number, kind: 'mobile', added: false } : null
  if (/^[2-5]/.test(number)) return { number, kind: 'landline', added: false }
  // Old-style 8-digit mobile: the ninth digit became universal in 2016.
  if (/^[6-9]/.test(number)) return { number: `9${number}`, kind: 'mobile', added: true }
  return null
}

/**
 * A key to match one person's number across sources: DDD + last 8 digits + mobile/landline,
 * so a WhatsApp id without the ninth digit (`554188887777`) meets `+5541988887777`.
 * Non-Brazilian numbers key on their E.164. Null when the input is not a usable number.
 */
export function phoneMatchKey(e164OrRaw: string | null | undefined): string | null {
  const result = normalizePhone(e164OrRaw)
  if (!result.ok) return null
  if (!result.e164.startsWith('+55')) return result.e164
  const ddd = result.e164.slice(3, 5)
  const last8 = result.e164.slice(-8)
  return `${ddd}${last8}${result.kind === 'mobile' ? 'm' : 'l'}`
}

/**
 * For display: a Brazilian number in a pt-BR interface reads `(11) 98765-4321`; otherwise the
 * international form (`+55 11 98765 4321`). Unparseable input is returned as it came.
 */
export function formatPhone(e164: string, locale = 'pt-BR'): string {
  const parsed = parsePhoneNumberFromString(e164)
  if (!parsed) return e164
  if (parsed.country === 'BR' && locale.toLowerCase().startsWith('pt-br')) {
    return parsed.formatNational()
  }
  return parsed.formatInternational()
}
