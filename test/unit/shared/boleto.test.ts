import { describe, expect, it } from 'vitest'
import {
  bankLineToBarcode,
  boletoDigits,
  describeBoleto,
  dueDateFromFactor,
  formatBoletoLine,
  mod10,
  validateBoletoLine,
} from '../../../src/shared/boleto'

/** Banco do Brasil example used by several libraries. */
const BB_LINE = '00190500954014481606906809350314337370000000100'
/** Hotmart boleto fixture (Itaú), R$ 997,00. */
const ITAU_LINE = '34191096693696710054089356830003510720000099700'
/** Kiwify sandbox fixture, as Kiwify formats it. */
const KIWIFY_LINE = '23791.22928 60005.510098 74000.046909 4 83110000300000'
/** A line whose general digit falls on the 0/10/11 -> 1 rule. */
const GENERAL_DIGIT_ONE = '00190000090123456789701234567897110000000010003'
/** Utility slips: value reference 6 (mod 10) and 8 (mod 11). */
const UTILITY_MOD10 = '836800000017234501380005812884627116608013618152'
const UTILITY_MOD11 = '858000000097999000010002123456789010234567890128'

describe('validateBoletoLine', () => {
  it('accepts valid bank slip lines, formatted or not', () => {
    for (const line of [BB_LINE, ITAU_LINE, KIWIFY_LINE, GENERAL_DIGIT_ONE]) {
      expect(validateBoletoLine(line)).toMatchObject({ ok: true, kind: 'bank' })
    }
    expect(validateBoletoLine(KIWIFY_LINE)).toEqual({
      ok: true,
      kind: 'bank',
      digits: '23791229286000551009874000046909483110000300000',
    })
  })

  it('refuses a line with a wrong block check digit', () => {
    const broken = `${BB_LINE.slice(0, 9)}0${BB_LINE.slice(10)}`
    expect(validateBoletoLine(broken)).toEqual({
      ok: false,
      reason: 'check digit of block 1 does not match',
    })
  })

  it('refuses a line with a wrong general check digit', () => {
    const broken = `${ITAU_LINE.slice(0, 32)}9${ITAU_LINE.slice(33)}`
    expect(validateBoletoLine(broken)).toEqual({
      ok: false,
      reason: 'general check digit does not match',
    })
  })

  it('refuses a changed amount (caught by the general digit)', () => {
    const broken = `${ITAU_LINE.slice(0, -3)}800`
    expect(validateBoletoLine(broken)).toMatchObject({ ok: false })
  })

  it('accepts utility slips checked by mod 10 and by mod 11', () => {
    expect(validateBoletoLine(UTILITY_MOD10)).toMatchObject({ ok: true, kind: 'utility' })
    expect(validateBoletoLine(UTILITY_MOD11)).toMatchObject({ ok: true, kind: 'utility' })
  })

  it('refuses a utility slip with a wrong block digit', () => {
    const broken = `${UTILITY_MOD11.slice(0, 23)}9${UTILITY_MOD11.slice(24)}`
    expect(validateBoletoLine(broken)).toMatchObject({ ok: false })
  })

  it('refuses wrong lengths and barcodes', () => {
    expect(validateBoletoLine('123')).toEqual({
      ok: false,
      reason: 'a boleto line has 47 or 48 digits, got 3',
    })
    expect(validateBoletoLine(bankLineToBarcode(BB_LINE))).toMatchObject({ ok: false })
  })
})

describe('formatBoletoLine', () => {
  it('groups a bank line the way banks print it', () => {
    expect(formatBoletoLine(boletoDigits(KIWIFY_LINE))).toBe(KIWIFY_LINE)
    expect(formatBoletoLine(BB_LINE)).toBe('00190.50095 40144.816069 06809.350314 3 37370000000100')
  })

  it('groups a utility line in four blocks with their digit', () => {
    expect(formatBoletoLine(UTILITY_MOD10)).toBe(
      '83680000001-7 23450138000-5 81288462711-6 60801361815-2',
    )
  })
})

describe('dueDateFromFactor', () => {
  it('decodes the old cycle', () => {
    expect(dueDateFromFactor(1000, new Date('2005-01-01'))).toBe('2000-07-03')
    expect(dueDateFromFactor(9999, new Date('2025-01-01'))).toBe('2025-02-21')
  })

  it('rolls over to 1000 on 2025-02-22', () => {
    expect(dueDateFromFactor(1000, new Date('2025-02-20'))).toBe('2025-02-22')
    expect(dueDateFromFactor(1072, new Date('2025-05-01'))).toBe('2025-05-05')
  })

  it('still reads a late old-cycle factor as the past date shortly after the rollover', () => {
    expect(dueDateFromFactor(9990, new Date('2025-03-01'))).toBe('2025-02-12')
  })

  it('has no date for factor zero', () => {
    expect(dueDateFromFactor(0)).toBeNull()
  })
})

describe('describeBoleto', () => {
  it('reads amount and due date of a bank line', () => {
    expect(describeBoleto(ITAU_LINE, new Date('2025-05-01'))).toEqual({
      kind: 'bank',
      digits: ITAU_LINE,
      amountMinor: 99700,
      dueDate: '2025-05-05',
      issuer: '341',
    })
  })

  it('reads the amount of a utility slip with an effective value', () => {
    expect(describeBoleto(UTILITY_MOD10)).toMatchObject({ kind: 'utility', amountMinor: 12345 })
  })

  it('describes nothing for an invalid line', () => {
    expect(describeBoleto('123')).toBeNull()
  })
})

describe('mod10', () => {
  it('sums the digits of doubled products', () => {
    expect(mod10('001905009')).toBe(5)
  })
})
