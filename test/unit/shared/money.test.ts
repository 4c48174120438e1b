import { describe, expect, it } from 'vitest'
import {
  currencyExponent,
  formatMoney,
  minorToDecimal,
  toMinorUnits,
} from '../../../src/shared/money'

describe('toMinorUnits', () => {
  it('parses decimal strings to cents without floating point', () => {
    expect(toMinorUnits('19.99')).toBe(1999)
    expect(toMinorUnits('0.10')).toBe(10)
    expect(toMinorUnits('2629.95', 'USD')).toBe(262995)
    expect(toMinorUnits('0.07')).toBe(7)
    // 1.005 * 100 is 100.49999999999999 in floating point.
    expect(toMinorUnits('1.00', 'BRL')).toBe(100)
    expect(toMinorUnits('4.35')).toBe(435)
  })

  it('parses Hotmart decimal numbers in currency units', () => {
    expect(toMinorUnits(97.0)).toBe(9700)
    expect(toMinorUnits('97.0')).toBe(9700)
    expect(toMinorUnits(149.5)).toBe(14950)
    expect(toMinorUnits(1500)).toBe(150000)
    expect(toMinorUnits(0.1)).toBe(10)
  })

  it('keeps negative amounts (Shopify refund adjustments) and whole numbers', () => {
    expect(toMinorUnits('-30.00')).toBe(-3000)
    expect(toMinorUnits('1840')).toBe(184000)
    expect(toMinorUnits('-0.00')).toBe(0)
  })

  it('refuses Brazilian-formatted and thousands-separated amounts', () => {
    expect(toMinorUnits('1.999,90')).toBeNull()
    expect(toMinorUnits('1,999.90')).toBeNull()
    expect(toMinorUnits('19,99')).toBeNull()
    expect(toMinorUnits('R$ 10,00')).toBeNull()
  })

  it('refuses garbage', () => {
    for (const bad of [
      '',
      'abc',
      '1.2.3',
      '.5',
      '5.',
      '1e3',
      NaN,
      Infinity,
      null,
      undefined,
      {},
      [],
    ]) {
      expect(toMinorUnits(bad)).toBeNull()
    }
  })

  it('refuses more decimals than the currency has unless they are zeros', () => {
    expect(toMinorUnits('19.999')).toBeNull()
    expect(toMinorUnits('19.990')).toBe(1999)
    expect(toMinorUnits('100', 'JPY')).toBe(100)
    expect(toMinorUnits('100.5', 'JPY')).toBeNull()
    expect(toMinorUnits('1.234', 'BHD')).toBe(1234)
  })

  it('refuses amounts beyond the safe integer range', () => {
    expect(toMinorUnits('90071992547409.93')).toBeNull()
    expect(toMinorUnits('9007199254740.99')).toBe(900719925474099)
  })
})

describe('currencyExponent', () => {
  it('knows BRL and USD have cents and JPY has none', () => {
    expect(currencyExponent('BRL')).toBe(2)
    expect(currencyExponent('usd')).toBe(2)
    expect(currencyExponent('JPY')).toBe(0)
  })
})

describe('formatMoney', () => {
  it('prints pt-BR reais with a no-break space', () => {
    expect(formatMoney(123456, 'BRL', 'pt-BR')).toBe('R$\u00A01.234,56')
    expect(formatMoney(1840, 'BRL')).toBe('R$\u00A018,40')
  })

  it('never prints a negative zero', () => {
    expect(formatMoney(-0, 'BRL', 'pt-BR')).toBe('R$\u00A00,00')
    expect(formatMoney(0, 'BRL', 'pt-BR')).toBe('R$\u00A00,00')
  })

  it('prints negatives with a sign', () => {
    expect(formatMoney(-1050, 'BRL', 'pt-BR')).toBe('-R$\u00A010,50')
  })

  it('formats other currencies and locales', () => {
    expect(formatMoney(262995, 'USD', 'en-US')).toBe('$2,629.95')
    expect(formatMoney(1500, 'JPY', 'ja-JP')).toBe('￥1,500')
  })

  it('keeps amounts beyond double precision exact', () => {
    expect(minorToDecimal(900719925474099, 'BRL')).toBe('9007199254740.99')
    expect(formatMoney(900719925474099, 'USD', 'en-US')).toBe('$9,007,199,254,740.99')
  })
})
