// Money as integer minor units. Platforms send decimal strings (Shopify, Nuvemshop), decimal
// numbers (Hotmart) or cents (Kiwify); converting through floating point loses cents
// (0.1 + 0.2), so decimals are parsed digit by digit. Pure: used by main and renderer.

const FALLBACK_EXPONENTS: Readonly<Record<string, number>> = {
  BRL: 2,
  USD: 2,
  EUR: 2,
  ARS: 2,
  MXN: 2,
  CLP: 0,
  COP: 2,
  JPY: 0,
  KRW: 0,
  PYG: 0,
  BHD: 3,
  KWD: 3,
}

const exponentCache = new Map<string, number>()

/** Digits after the decimal point for an ISO 4217 currency (BRL 2, JPY 0, BHD 3). */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase()
  const cached = exponentCache.get(code)
  if (cached !== undefined) return cached
  let exponent = FALLBACK_EXPONENTS[code] ?? 2
  try {
    const options = new Intl.NumberFormat('en', { style: 'currency', currency: code })
    exponent = options.resolvedOptions().maximumFractionDigits ?? exponent
  } catch {
    // Malformed code or an ICU without currency data: the small table decides.
  }
  exponentCache.set(code, exponent)
  return exponent
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/

/**
 * A decimal amount (`"19.99"`, `97.0`, `"-30.00"`) to integer minor units of `currency`.
 * Returns null for anything that is not a plain dot-decimal (`"1.999,90"`, `"1,999.90"`,
 * `"R$ 10"`, `""`), for more decimals than the currency has (unless they are zeros), and for
 * amounts beyond Number.MAX_SAFE_INTEGER minor units.
 */
export function toMinorUnits(value: unknown, currency = 'BRL'): number | null {
  const text = decimalText(value)
  if (text === null) return null
  const match = DECIMAL.exec(text)
  if (!match) return null
  const [, sign, whole, fraction = ''] = match
  const exponent = currencyExponent(currency)
  const kept = fraction.slice(0, exponent)
  if (/[^0]/.test(fraction.slice(exponent))) return null
  const digits = (whole + kept.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '')
  const minor = Number(digits)
  if (!Number.isSafeInteger(minor)) return null
  return sign === '-' && minor !== 0 ? -minor : minor
}

function decimalText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null
    // Shortest round-trip form: 97 -> "97", 149.5 -> "149.5"; exponent forms are refused.
    return String(value)
  }
  if (typeof value === 'bigint') return value.toString()
  return null
}

/** Minor units back to an exact decimal string (`1999, 'BRL'` -> `"19.99"`). */
export function minorToDecimal(minor: number, currency = 'BRL'): string {
  const exponent = currencyExponent(currency)
  const sign = minor < 0 ? '-' : ''
  const digits = Math.abs(Math.trunc(minor))
    .toString()
    .padStart(exponent + 1, '0')
  if (exponent === 0) return sign + digits
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

/**
 * Display an amount (`123456, 'BRL', 'pt-BR'` -> `R$\u00A01.234,56`). `signDisplay:'negative'`
 * keeps a negative zero from printing as `-R$ 0,00`; the decimal string keeps big amounts exact.
 */
export function formatMoney(minor: number, currency = 'BRL', locale = 'pt-BR'): string {
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    signDisplay: 'negative',
  })
  // Intl accepts exact decimal strings (NumberFormat v3); the cast covers older lib typings.
  return format.format(minorToDecimal(minor, currency) as unknown as number)
}
