import { describe, expect, it } from 'vitest'
import { parseJsonExact, tryParseJson } from '../../../src/main/platforms/json'

describe('parseJsonExact', () => {
  it('keeps integers above 2^53 exact as strings', () => {
    expect(
      parseJsonExact('{"id":820982911946154508,"n":[9007199254740993,-9223372036854775808]}'),
    ).toEqual({
      id: '820982911946154508',
      n: ['9007199254740993', '-9223372036854775808'],
    })
  })

  it('keeps safe integers as numbers', () => {
    expect(parseJsonExact('{"a":9007199254740991,"b":0,"c":-12,"d":1763247745737}')).toEqual({
      a: 9007199254740991,
      b: 0,
      c: -12,
      d: 1763247745737,
    })
  })

  it('keeps decimals as their exact source text', () => {
    expect(parseJsonExact('{"value":97.0,"x":149.5,"e":1e3,"big":0.30000000000000004}')).toEqual({
      value: '97.0',
      x: '149.5',
      e: '1e3',
      big: '0.30000000000000004',
    })
  })

  it('leaves numbers inside strings alone, escapes included', () => {
    const text = '{"s":"9007199254740993 and 1.5","q":"a \\" 1.5 \\\\","n":1.5}'
    expect(parseJsonExact(text)).toEqual({
      s: '9007199254740993 and 1.5',
      q: 'a " 1.5 \\',
      n: '1.5',
    })
  })

  it('reads UTF-8 buffers with accents and a BOM', () => {
    expect(parseJsonExact(Buffer.from('\uFEFF{"nome":"João Conceição"}', 'utf8'))).toEqual({
      nome: 'João Conceição',
    })
  })

  it('still rejects invalid JSON', () => {
    for (const bad of ['{"a":01}', '{"a":-}', '{"a":1.}', '{a:1}', '', '{"a":"1}']) {
      expect(() => parseJsonExact(bad)).toThrow(SyntaxError)
    }
  })
})

describe('tryParseJson', () => {
  it('returns failure as data', () => {
    expect(tryParseJson('<html>')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^body is not JSON/),
    })
    expect(tryParseJson('[1]')).toEqual({ ok: true, value: [1] })
  })
})
