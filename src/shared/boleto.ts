// Boleto digitable lines ("linha digitável"): check digits, display grouping, due date and
// amount. A mistyped or corrupted line is refused at the bank, so it must never reach a buyer;
// the due-date factor rolled over on 2025-02-22 (9999 -> 1000), which naive decoders get wrong.
// Pure: used by main and renderer.

export type BoletoKind = 'bank' | 'utility'

export type BoletoValidation =
  | { ok: true; kind: BoletoKind; digits: string }
  | { ok: false; reason: string }

/** Keeps the digits of a typed or formatted line (`23791.22928 60005…` -> `2379122928…`). */
export function boletoDigits(line: string): string {
  return line.replace(/\D/g, '')
}

/** Mod 10 with weights 2,1,2,1… from the right, summing the digits of each product. */
export function mod10(digits: string): number {
  let sum = 0
  let weight = 2
  for (let i = digits.length - 1; i >= 0; i--) {
    const product = Number(digits[i]) * weight
    sum += product > 9 ? product - 9 : product
    weight = weight === 2 ? 1 : 2
  }
  return (10 - (sum % 10)) % 10
}

function mod11Sum(digits: string): number {
  let sum = 0
  let weight = 2
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += Number(digits[i]) * weight
    weight = weight === 9 ? 2 : weight + 1
  }
  return sum % 11
}

/** Bank slip general digit: 0, 10 and 11 become 1. */
export function mod11Bank(digits: string): number {
  const dv = 11 - mod11Sum(digits)
  return dv === 0 || dv === 10 || dv === 11 ? 1 : dv
}

/** Utility slip (arrecadação) mod 11: 10 and 11 become 0. */
export function mod11Utility(digits: string): number {
  const dv = 11 - mod11Sum(digits)
  return dv >= 10 ? 0 : dv
}

/** The 44-digit barcode of a 47-digit bank line. */
export function bankLineToBarcode(digits: string): string {
  return (
    digits.slice(0, 4) +
    digits.slice(32, 47) +
    digits.slice(4, 9) +
    digits.slice(10, 20) +
    digits.slice(21, 31)
  )
}

export function validateBoletoLine(line: string | null | undefined): BoletoValidation {
  const digits = boletoDigits(line ?? '')
  if (digits.length === 47) return validateBank(digits)
  if (digits.length === 48) return validateUtility(digits)
  if (digits.length === 44) return { ok: false, reason: 'a 44-digit barcode, not a typed line' }
  return { ok: false, reason: `a boleto line has 47 or 48 digits, got ${digits.length}` }
}

function validateBank(digits: string): BoletoValidation {
  const blocks: Array<[number, number]> = [
    [0, 9],
    [10, 20],
    [21, 31],
  ]
  for (const [index, [from, checkAt]] of blocks.entries()) {
    if (mod10(digits.slice(from, checkAt)) !== Number(digits[checkAt])) {
      return { ok: false, reason: `check digit of block ${index + 1} does not match` }
    }
  }
  const barcode = bankLineToBarcode(digits)
  if (mod11Bank(barcode.slice(0, 4) + barcode.slice(5)) !== Number(barcode[4])) {
    return { ok: false, reason: 'general check digit does not match' }
  }
  return { ok: true, kind: 'bank', digits }
}

function validateUtility(digits: string): BoletoValidation {
  if (digits[0] !== '8') return { ok: false, reason: 'a 48-digit line must start with 8' }
  const reference = digits[2]
  const check =
    reference === '6' || reference === '7'
      ? mod10
      : reference === '8' || reference === '9'
        ? mod11Utility
        : null
  if (!check) return { ok: false, reason: 'unknown value reference in the third digit' }
  for (let block = 0; block < 4; block++) {
    const start = block * 12
    if (check(digits.slice(start, start + 11)) !== Number(digits[start + 11])) {
      return { ok: false, reason: `check digit of block ${block + 1} does not match` }
    }
  }
  const barcode = utilityLineToBarcode(digits)
  if (check(barcode.slice(0, 3) + barcode.slice(4)) !== Number(barcode[3])) {
    return { ok: false, reason: 'general check digit does not match' }
  }
  return { ok: true, kind: 'utility', digits }
}

function utilityLineToBarcode(digits: string): string {
  return [0, 12, 24, 36].map((start) => digits.slice(start, start + 11)).join('')
}

/**
 * Display grouping: bank `00190.00009 01234.567890 12345.678901 2 12340000010000`,
 * utility `83640000001-1 …` (four blocks with their digit). Other input comes back as digits.
 */
export function formatBoletoLine(line: string): string {
  const d = boletoDigits(line)
  if (d.length === 47) {
    return `${d.slice(0, 5)}.${d.slice(5, 10)} ${d.slice(10, 15)}.${d.slice(15, 21)} ${d.slice(21, 26)}.${d.slice(26, 32)} ${d[32]} ${d.slice(33)}`
  }
  if (d.length === 48) {
    return [0, 12, 24, 36].map((s) => `${d.slice(s, s + 11)}-${d[s + 11]}`).join(' ')
  }
  return d
}

const DAY_MS = 86_400_000
const FACTOR_BASE_MS = Date.UTC(1997, 9, 7)
const FACTOR_CYCLE_DAYS = 9000

/**
 * Due date (`YYYY-MM-DD`) of a due-date factor. Factors restart at 1000 on 2025-02-22, so the
 * same factor names a date every 9000 days: take the one between 3000 days before and 5500
 * days after `today`. Factor 0 means "no due date".
 */
export function dueDateFromFactor(factor: number, today: Date = new Date()): string | null {
  if (!Number.isInteger(factor) || factor < 1000 || factor > 9999) return null
  const todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  for (let cycle = 0; cycle < 10; cycle++) {
    const dateMs = FACTOR_BASE_MS + (factor + cycle * FACTOR_CYCLE_DAYS) * DAY_MS
    const offsetDays = (dateMs - todayMs) / DAY_MS
    if (offsetDays >= -3000 && offsetDays <= 5500)
      return new Date(dateMs).toISOString().slice(0, 10)
  }
  return null
}

export interface BoletoDescription {
  kind: BoletoKind
  digits: string
  /** Minor units (centavos); null when the slip leaves it open or gives a reference value. */
  amountMinor: number | null
  /** `YYYY-MM-DD`; bank slips only. */
  dueDate: string | null
  /** Bank code (bank slips) or segment (utility slips). */
  issuer: string
}

/** Reads amount and due date from a valid line; null when it does not validate. */
export function describeBoleto(line: string, today: Date = new Date()): BoletoDescription | null {
  const valid = validateBoletoLine(line)
  if (!valid.ok) return null
  const d = valid.digits
  if (valid.kind === 'bank') {
    const amount = Number(d.slice(37))
    return {
      kind: 'bank',
      digits: d,
      amountMinor: amount === 0 ? null : amount,
      dueDate: dueDateFromFactor(Number(d.slice(33, 37)), today),
      issuer: d.slice(0, 3),
    }
  }
  const barcode = utilityLineToBarcode(d)
  const effective = d[2] === '6' || d[2] === '8'
  const amount = Number(barcode.slice(4, 15))
  return {
    kind: 'utility',
    digits: d,
    amountMinor: effective && amount > 0 ? amount : null,
    dueDate: null,
    issuer: d[1],
  }
}
