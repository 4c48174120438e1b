// The app checkpoints the WAL from a worker thread, so no COMMIT on the main thread has to.
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'

describe('background checkpoints', () => {
  it('moves committed pages into the database file without the writer checkpointing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'recupera-ckpt-')), 'recupera.db')
    const db = await openDatabase(file, { backgroundCheckpoints: true })
    try {
      expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000)
      db.sqlite.exec('create table blobs (b blob)')
      const before = statSync(file).size
      const insert = db.sqlite.prepare('insert into blobs (b) values (?)')
      for (let i = 0; i < 300; i++) db.tx(() => insert.run(Buffer.alloc(2000, i)))
      // 300 commits stay far below the writer's own threshold: only the worker can have copied.
      await expect.poll(() => statSync(file).size, { timeout: 5000 }).toBeGreaterThan(before)
      expect(db.sqlite.prepare('select count(*) n from blobs').get()).toEqual({ n: 300 })
    } finally {
      await db.close()
    }
  })

  it('is off unless asked for (CLI commands and tests keep SQLite’s own checkpoints)', async () => {
    const db = await openDatabase(join(mkdtempSync(join(tmpdir(), 'recupera-ckpt-')), 'r.db'))
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    await db.close()
  })
})
