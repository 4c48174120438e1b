// Inbox search and paging on a real SQLite file: triggers mark contacts whose search document
// changed, and listInbox brings the trigram index up to date before it searches.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listInbox } from '../../src/main/conversations/inbox'
import { flushSearchIndex } from '../../src/main/conversations/search-index'
import { type Db, openDatabase } from '../../src/main/db/connection'

let db: Db
afterEach(async () => {
  await db.close()
})

const open = async () => {
  db = await openDatabase(join(mkdtempSync(join(tmpdir(), 'recupera-inbox-')), 'recupera.db'))
  db.sqlite
    .prepare(
      `insert into sources (id, platform, name, webhook_key, secrets_enc, created_at, updated_at)
       values ('s1', 'kiwify', 'Kiwify', 'k1', 'x', 0, 0)`,
    )
    .run()
}

let seq = 0
function person(name: string | null, email: string | null, phone: string | null, at: number) {
  const id = `c${++seq}`
  db.sqlite
    .prepare(
      'insert into contacts (id, name, email, phone, created_at, updated_at) values (?, ?, ?, ?, 0, 0)',
    )
    .run(id, name, email, phone)
  db.sqlite
    .prepare(
      `insert into conversations (id, contact_id, status, last_activity_at, last_stage, unread, created_at)
       values (?, ?, 'open', ?, 'pix_generated', ?, 0)`,
    )
    .run(`v${id}`, id, at, at % 2)
  return id
}

function event(contactId: string, orderId: string) {
  db.sqlite
    .prepare(
      `insert into events (source_id, platform, stage, event_type, occurred_at, received_at,
        dedup_key, order_id, contact_id, conversation_id, items_json)
       values ('s1', 'kiwify', 'pix_generated', 'pix_created', 0, 0, ?, ?, ?, ?, '[]')`,
    )
    .run(`${orderId}:${++seq}`, orderId, contactId, `v${contactId}`)
}

const titles = (search: string) => listInbox(db, { search }).items.map((c) => c.title)

describe('inbox search', () => {
  it('finds by name fragment without accents, e-mail, phone in any format and order id', async () => {
    await open()
    const joao = person('João da Silva', 'joao@example.com', '+5511987654321', 3)
    person('Maria Souza', 'maria@loja.com.br', '+5521912345678', 2)
    person(null, 'semnome@example.com', null, 1)
    event(joao, 'HP0970394859')
    event(joao, 'HP0970394859')

    expect(titles('joao da')).toEqual(['João da Silva'])
    expect(titles('SILVA')).toEqual(['João da Silva'])
    expect(titles('loja.com')).toEqual(['Maria Souza'])
    expect(titles('(11) 98765-4321')).toEqual(['João da Silva'])
    expect(titles('11 8765-4321')).toEqual(['João da Silva'])
    expect(titles('+55 21 91234 5678')).toEqual(['Maria Souza'])
    expect(titles('0970394')).toEqual(['João da Silva'])
    expect(titles('semnome')).toEqual(['semnome@example.com'])
    expect(titles('zz')).toEqual([])
    expect(titles('Ma')).toEqual(['Maria Souza'])
    expect(titles('"')).toEqual([])
    flushSearchIndex(db)
    const row = db.sqlite.prepare('select orders from inbox_search where contact_id = ?').get(joao)
    expect(row).toEqual({ orders: 'HP0970394859' })
  })

  it('backfills the index when the migration runs on a database that already has data', async () => {
    await open()
    const ana = person('Ana Lima', 'ana@example.com', '+5541988887777', 1)
    event(ana, 'PED-1')
    event(ana, 'PED-2')
    const file = db.sqlite.name
    // Back to a database from before 0002 (and 0003, which replaced its triggers).
    db.sqlite.exec(`
      drop trigger contacts_search_dirty_ai; drop trigger contacts_search_dirty_au;
      drop trigger contacts_search_ad; drop trigger events_search_dirty_ai;
      drop table search_dirty; drop table inbox_fts; drop table inbox_search;
      drop index conversations_by_activity_id; drop index conversations_unread;
      delete from kysely_migration where name in ('0002_inbox_search', '0003_search_dirty');`)
    await db.close()
    db = await openDatabase(file)
    expect(db.sqlite.prepare('select orders from inbox_search').get()).toEqual({
      orders: 'PED-1 PED-2',
    })
    expect(titles('8888-7777')).toEqual(['Ana Lima'])
    expect(titles('PED-2')).toEqual(['Ana Lima'])
  })

  it('follows contact updates and deletions', async () => {
    await open()
    const id = person(null, null, null, 1)
    db.sqlite.prepare("update contacts set name = 'Ana Lima' where id = ?").run(id)
    expect(titles('ana lima')).toEqual(['Ana Lima'])
    db.sqlite.prepare('delete from contacts where id = ?').run(id)
    expect(titles('ana lima')).toEqual([])
    expect(db.sqlite.prepare('select count(*) n from inbox_search').get()).toEqual({ n: 0 })
  })

  it('pages by last activity and counts unread conversations regardless of filters', async () => {
    await open()
    for (let i = 1; i <= 25; i++) person(`Pessoa ${i}`, null, null, i)
    const first = listInbox(db, { limit: 10 })
    expect(first.total).toBe(25)
    expect(first.unreadConversations).toBe(13)
    expect(first.items[0]!.title).toBe('Pessoa 25')
    const last = listInbox(db, { limit: 10, offset: 20 })
    expect(last.items.map((c) => c.title)).toEqual([
      'Pessoa 5',
      'Pessoa 4',
      'Pessoa 3',
      'Pessoa 2',
      'Pessoa 1',
    ])
    const filtered = listInbox(db, { search: 'Pessoa 1', status: 'open' })
    expect(filtered.total).toBe(11)
    expect(filtered.unreadConversations).toBe(13)
  })
})
