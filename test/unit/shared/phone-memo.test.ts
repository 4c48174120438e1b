import { describe, expect, it } from 'vitest'
import { normalizePhone, phoneMatchKey, toE164 } from '../../../src/shared/phone'

describe('phone normalization memo', () => {
  it('answers a repeated number the same way as the first time', () => {
    const first = normalizePhone('(41) 8888-7777')
    expect(normalizePhone('(41) 8888-7777')).toEqual(first)
    expect(first).toEqual({
      ok: true,
      e164: '+5541988887777',
      kind: 'mobile',
      ninthDigitAdded: true,
    })
  })

  it('gives the E.164 it produced the answer a fresh normalization would', () => {
    expect(toE164('(41) 8888-7777')).toBe('+5541988887777')
    expect(normalizePhone('+5541988887777')).toEqual({
      ok: true,
      e164: '+5541988887777',
      kind: 'mobile',
      ninthDigitAdded: false,
    })
    expect(phoneMatchKey('554188887777')).toBe(phoneMatchKey('+5541988887777'))
  })

  it('keys on the separate DDD too', () => {
    expect(toE164('98765-4321', { ddd: '11' })).toBe('+5511987654321')
    expect(toE164('98765-4321', { ddd: '21' })).toBe('+5521987654321')
    expect(normalizePhone('98765-4321').ok).toBe(false)
  })

  it('stays correct after more distinct numbers than it remembers', () => {
    for (let i = 0; i < 2500; i++) toE164(`11 9${String(10000000 + i)}`)
    expect(toE164('11 910000000')).toBe('+5511910000000')
    expect(toE164('11 910002499')).toBe('+5511910002499')
  })
})
