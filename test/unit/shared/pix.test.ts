import { describe, expect, it } from 'vitest'
import { crc16, describePix, parseEmv, validatePixCode } from '../../../src/shared/pix'

/** Banco Central's static example (key, no amount, no txid). */
const BCB_EXAMPLE =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D'
/** Kiwify sandbox fixture: dynamic code with an amount and a txid. */
const KIWIFY_PIX =
  '00020101021226840014br.gov.bcb.pix2562pix-h.stone.com.br/pix/v2/ee77b9e9-67fb-4b62-829b-b6537068aa7b5204000053039865406970.005802BR5924Pagar.me Pagamentos S.A.6014RIO DE JANEIRO622905253b6997c1ef2f4b2597b6e11de6304ED77'

/** Rebuilds a code with a correct CRC after editing its body. */
function withCrc(body: string): string {
  return body + crc16(body)
}

describe('crc16', () => {
  it('computes CRC-16/CCITT-FALSE', () => {
    expect(crc16('123456789')).toBe('29B1')
    expect(crc16('')).toBe('FFFF')
  })

  it('matches the Banco Central example', () => {
    expect(crc16(BCB_EXAMPLE.slice(0, -4))).toBe('1D3D')
  })
})

describe('validatePixCode', () => {
  it('accepts the Banco Central example and real platform codes', () => {
    expect(validatePixCode(BCB_EXAMPLE)).toEqual({ ok: true })
    expect(validatePixCode(KIWIFY_PIX)).toEqual({ ok: true })
  })

  it('refuses a code whose CRC does not match', () => {
    expect(validatePixCode(BCB_EXAMPLE.replace('Fulano', 'Fulana'))).toEqual({
      ok: false,
      reason: 'CRC does not match',
    })
    expect(validatePixCode(`${BCB_EXAMPLE.slice(0, -4)}0000`)).toMatchObject({ ok: false })
  })

  it('refuses a code cut short', () => {
    expect(validatePixCode(BCB_EXAMPLE.slice(0, 60))).toMatchObject({ ok: false })
  })

  it('refuses a code without a PIX merchant account', () => {
    const body = '0002015204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***6304'
    expect(validatePixCode(withCrc(body))).toEqual({
      ok: false,
      reason: 'no br.gov.bcb.pix merchant account',
    })
  })

  it('refuses a currency other than BRL', () => {
    const body = BCB_EXAMPLE.slice(0, -4).replace('5303986', '5303840')
    expect(validatePixCode(withCrc(body))).toEqual({ ok: false, reason: 'currency is not BRL' })
  })

  it('refuses empty input', () => {
    expect(validatePixCode('')).toEqual({ ok: false, reason: 'empty PIX code' })
    expect(validatePixCode(null)).toMatchObject({ ok: false })
  })
})

describe('describePix', () => {
  it('reads amount, merchant, city and txid of a dynamic code', () => {
    expect(describePix(KIWIFY_PIX)).toEqual({
      amountMinor: 97000,
      merchantName: 'Pagar.me Pagamentos S.A.',
      city: 'RIO DE JANEIRO',
      txid: '3b6997c1ef2f4b2597b6e11de',
      key: null,
      url: 'pix-h.stone.com.br/pix/v2/ee77b9e9-67fb-4b62-829b-b6537068aa7b',
      dynamic: true,
    })
  })

  it('reads the key of a static code and reports *** as no txid', () => {
    expect(describePix(BCB_EXAMPLE)).toMatchObject({
      amountMinor: null,
      key: '123e4567-e12b-12d1-a456-426655440000',
      txid: null,
      dynamic: false,
    })
  })

  it('describes nothing for an invalid code', () => {
    expect(describePix('garbage')).toBeNull()
  })
})

describe('parseEmv', () => {
  it('splits fields by id and length', () => {
    expect(parseEmv('0002015802BR')).toEqual({
      ok: true,
      fields: [
        { id: '00', value: '01' },
        { id: '58', value: 'BR' },
      ],
    })
  })
})
