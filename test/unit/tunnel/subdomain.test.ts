import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import {
  generateSubdomain,
  installationSubdomain,
  isValidSubdomain,
  SUBDOMAIN_LENGTH,
} from '../../../src/main/tunnel/subdomain'

describe('tunnel subdomain', () => {
  it('is long, lowercase alphanumeric and starts with a letter', () => {
    for (let i = 0; i < 200; i++) {
      const sub = generateSubdomain()
      expect(sub).toMatch(/^[a-z][a-z0-9]{25}$/)
      expect(isValidSubdomain(sub)).toBe(true)
    }
    expect(SUBDOMAIN_LENGTH).toBeGreaterThanOrEqual(24)
  })

  it('does not repeat', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generateSubdomain()))
    expect(seen.size).toBe(1000)
  })

  it('skips bytes that would bias the alphabet', () => {
    // 252..255 are above the largest multiple of 36 (and 26): they must be dropped, not wrapped.
    const feed = [255, 254, 0, 253, 1, 252, 2]
    const bytes = (n: number) => Buffer.from(feed.splice(0, n).concat(Array(n).fill(3)))
    expect(generateSubdomain(4, bytes)).toBe('abcd')
  })

  it('uses every character of the alphabet about equally often', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 2000; i++)
      for (const ch of generateSubdomain().slice(1)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
    expect(counts.size).toBe(36)
    const expected = (2000 * 25) / 36
    for (const count of counts.values())
      expect(Math.abs(count - expected) / expected).toBeLessThan(0.15)
  })

  it('is generated once per installation and kept across restarts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'recupera-sub-')), 'recupera.db')
    let db = await openDatabase(file)
    const first = installationSubdomain(db)
    expect(installationSubdomain(db)).toBe(first)
    await db.close()
    db = await openDatabase(file)
    expect(installationSubdomain(db)).toBe(first)
    await db.close()
  })
})
