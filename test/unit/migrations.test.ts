import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { assertOrdered, SchemaTooNewError } from '../../src/main/db/migrate'
import { migrations } from '../../src/main/db/migrations'

const dbFile = () => join(mkdtempSync(join(tmpdir(), 'recupera-mig-')), 'recupera.db')

describe('migrations', () => {
  it('are listed in order with numbered names', () => {
    expect(() => assertOrdered(migrations.map(([name]) => name))).not.toThrow()
    expect(() => assertOrdered(['0001_a', '0003_b'])).toThrow(/out of order/)
  })

  it('run on an empty database and are a no-op when run again', async () => {
    const file = dbFile()
    const first = await openDatabase(file)
    const tables = first.sqlite
      .prepare("select name from sqlite_master where type='table'")
      .all() as { name: string }[]
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'sources',
        'events',
        'deliveries',
        'orders',
        'contacts',
        'conversations',
        'jobs',
      ]),
    )
    first.sqlite.prepare("insert into settings (key, value) values ('ui.locale', '\"en\"')").run()
    await first.close()

    const second = await openDatabase(file)
    const applied = second.sqlite.prepare('select name from kysely_migration').all()
    expect(applied).toHaveLength(migrations.length)
    expect(second.sqlite.prepare("select value from settings where key='ui.locale'").get()).toEqual(
      { value: '"en"' },
    )
    await second.close()
  })

  it('sets WAL, foreign keys and synchronous=FULL (power-loss durability)', async () => {
    const db = await openDatabase(dbFile())
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    await db.close()
  })

  it('refuses a database written by a newer version with a clear message', async () => {
    const file = dbFile()
    const db = await openDatabase(file)
    db.sqlite
      .prepare(
        "insert into kysely_migration (name, timestamp) values ('9999_future', '2030-01-01')",
      )
      .run()
    await db.close()
    await expect(openDatabase(file)).rejects.toThrow(SchemaTooNewError)
    await expect(openDatabase(file)).rejects.toThrow(/newer version of Recupera/)
  })
})
