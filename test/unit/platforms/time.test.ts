import { describe, expect, it } from 'vitest'
import { brasiliaToUtc, epochMsToUtc, isoToUtc } from '../../../src/main/platforms/time'

describe('platform timestamps', () => {
  it('reads Kiwify Brasília wall-clock times as UTC−3', () => {
    expect(brasiliaToUtc('2026-06-08 15:42')).toBe('2026-06-08T18:42:00.000Z')
    expect(brasiliaToUtc('2026-12-31 22:30')).toBe('2027-01-01T01:30:00.000Z')
  })

  it('reads Kiwify PIX expirations written DD/MM/YYYY HH:mm', () => {
    expect(brasiliaToUtc('12/06/2026 15:42')).toBe('2026-06-12T18:42:00.000Z')
  })

  it('reads a date alone as the end of that day in Brasília', () => {
    expect(brasiliaToUtc('12/06/2026')).toBe('2026-06-13T02:59:59.999Z')
  })

  it('refuses impossible dates instead of rolling them over', () => {
    expect(brasiliaToUtc('31/02/2026')).toBeNull()
    expect(brasiliaToUtc('2026-13-01 10:00')).toBeNull()
    expect(brasiliaToUtc('amanhã')).toBeNull()
  })

  it('reads zoned ISO values as they are', () => {
    expect(brasiliaToUtc('2026-06-05T15:44:25.411Z')).toBe('2026-06-05T15:44:25.411Z')
  })

  it('reads offsets with and without a colon', () => {
    expect(isoToUtc('2022-02-23T12:25:18+0000')).toBe('2022-02-23T12:25:18.000Z')
    expect(isoToUtc('2024-11-05T21:22:02-05:00')).toBe('2024-11-06T02:22:02.000Z')
    expect(isoToUtc('2024-11-05 21:22')).toBeNull()
  })

  it('reads Hotmart epoch milliseconds', () => {
    expect(epochMsToUtc(1745952563393)).toBe('2025-04-29T18:49:23.393Z')
    expect(epochMsToUtc(0)).toBeNull()
    expect(epochMsToUtc('x')).toBeNull()
  })
})
