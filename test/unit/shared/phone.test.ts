import { describe, expect, it } from 'vitest'
import {
  formatPhone,
  isValidDdd,
  normalizePhone,
  phoneMatchKey,
  toE164,
} from '../../../src/shared/phone'

describe('normalizePhone (Brazil)', () => {
  it.each([
    ['(11) 99999-9999', '+5511999999999'],
    ['11999999999', '+5511999999999'],
    ['5511999999999', '+5511999999999'],
    ['+55 11 98765-4321', '+5511987654321'],
    ['+55 (11) 98765 4321', '+5511987654321'],
    ['0055 11 98765-4321', '+5511987654321'],
    ['0 21 11 98765-4321', '+5511987654321'],
    ['011 98765-4321', '+5511987654321'],
    ['(13) 3559-3019', '+551335593019'],
    ['+551335593019', '+551335593019'],
    ['551335593019', '+551335593019'],
  ])('reads %s as %s', (raw, e164) => {
    expect(toE164(raw)).toBe(e164)
  })

  it('inserts the ninth digit into an old 8-digit mobile and says so', () => {
    expect(normalizePhone('(41) 8888-7777')).toEqual({
      ok: true,
      e164: '+5541988887777',
      kind: 'mobile',
      ninthDigitAdded: true,
    })
    expect(toE164('554188887777')).toBe('+5541988887777')
  })

  it('keeps 8-digit numbers starting 2 to 5 as landlines', () => {
    expect(normalizePhone('1155555555')).toMatchObject({
      ok: true,
      e164: '+551155555555',
      kind: 'landline',
    })
  })

  it('reads 10 and 11 digits starting with 55 as DDD 55', () => {
    expect(toE164('55991234567')).toBe('+5555991234567')
    expect(toE164('5532123456')).toBe('+555532123456')
  })

  it('takes the DDD from a separate field', () => {
    expect(toE164('98765-4321', { ddd: '11' })).toBe('+5511987654321')
    expect(toE164('87654321', { ddd: '021' })).toBe('+5521987654321')
  })

  it('refuses a number without DDD instead of storing +55 and 9 digits', () => {
    expect(normalizePhone('98765-4321')).toEqual({
      ok: false,
      reason: 'phone has no DDD (area code)',
    })
    expect(toE164('+55 98765-4321')).toBeNull()
  })

  it('refuses area codes that are not Brazilian DDDs', () => {
    expect(normalizePhone('(10) 5467-4999')).toEqual({
      ok: false,
      reason: '10 is not a Brazilian DDD',
    })
    expect(toE164('(20) 98765-4321')).toBeNull()
    expect(toE164('(23) 98765-4321')).toBeNull()
  })

  it('refuses 9-digit numbers that do not start with 9, and numbers starting 0 or 1', () => {
    expect(toE164('11887654321')).toBeNull()
    expect(toE164('1112345678')).toBeNull()
  })

  it('refuses anonymised or garbled phones', () => {
    expect(toE164('+55 11 99344-078a')).toBeNull()
    expect(toE164('555-555-BILL')).toBeNull()
    expect(toE164('')).toBeNull()
    expect(toE164(null)).toBeNull()
    expect(toE164('12345')).toBeNull()
  })

  it('accepts the Hotmart panel test phone', () => {
    expect(toE164('99999999900')).toBe('+5599999999900')
  })
})

describe('normalizePhone (other countries)', () => {
  it('keeps a valid number with another country code', () => {
    expect(toE164('+1 613 555 0135')).toBe('+16135550135')
    expect(toE164('+54 9 11 2665-3230')).toBe('+5491126653230')
    expect(toE164('00 1 613 555 0135')).toBe('+16135550135')
  })

  it('refuses a number libphonenumber does not consider valid', () => {
    expect(normalizePhone('+41945968750')).toEqual({
      ok: false,
      reason: 'not a valid international number',
    })
  })
})

describe('isValidDdd', () => {
  it('knows the 67 DDDs', () => {
    const all = Array.from({ length: 90 }, (_, i) => String(i + 10)).filter(isValidDdd)
    expect(all).toHaveLength(67)
    expect(isValidDdd('11')).toBe(true)
    expect(isValidDdd('20')).toBe(false)
    expect(isValidDdd('52')).toBe(false)
  })
})

describe('phoneMatchKey', () => {
  it('matches a WhatsApp id missing the ninth digit with the full number', () => {
    expect(phoneMatchKey('554188887777')).toBe(phoneMatchKey('+5541988887777'))
    expect(phoneMatchKey('+5541988887777')).toBe('4188887777m')
  })

  it('keeps a mobile and a landline with the same last digits apart', () => {
    expect(phoneMatchKey('+551133334444')).toBe('1133334444l')
    expect(phoneMatchKey('+551133334444')).not.toBe(phoneMatchKey('+5511933334444'))
  })

  it('keys foreign numbers on their E.164 and refuses junk', () => {
    expect(phoneMatchKey('+16135550135')).toBe('+16135550135')
    expect(phoneMatchKey('abc')).toBeNull()
  })
})

describe('formatPhone', () => {
  it('shows a Brazilian number in national form in pt-BR', () => {
    expect(formatPhone('+5511987654321', 'pt-BR')).toBe('(11) 98765-4321')
    expect(formatPhone('+551335593019', 'pt-BR')).toBe('(13) 3559-3019')
  })

  it('shows the international form elsewhere', () => {
    expect(formatPhone('+5511987654321', 'en-US')).toBe('+55 11 98765 4321')
    expect(formatPhone('+16135550135', 'pt-BR')).toBe('+1 613 555 0135')
  })

  it('returns unparseable input unchanged', () => {
    expect(formatPhone('not a phone')).toBe('not a phone')
  })
})
