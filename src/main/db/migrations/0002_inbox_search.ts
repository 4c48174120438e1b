// Inbox search and paging. One search document per contact (name, e-mail, phone digits, the
// order ids seen for it) in `inbox_search`, indexed by an FTS5 trigram table so any substring
// of 3+ characters (a name fragment, the last 8 digits of a phone, part of an order id) is an
// index lookup, not a scan of 500k events. Triggers keep it in sync, so the ingest path needs no
// change: contacts insert/update/delete and event inserts maintain the document.
// Also: an index for the inbox order (activity, id) and a partial index for the unread count.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table inbox_search (
      id integer primary key autoincrement,
      contact_id text not null unique,
      name text not null default '',
      email text not null default '',
      phone text not null default '',
      orders text not null default ''
    )`.execute(db)
  await sql`
    create virtual table inbox_fts using fts5(
      name, email, phone, orders,
      content='inbox_search', content_rowid='id',
      tokenize='trigram remove_diacritics 1'
    )`.execute(db)

  // External-content FTS: the index follows the document table.
  await sql`
    create trigger inbox_search_ai after insert on inbox_search begin
      insert into inbox_fts (rowid, name, email, phone, orders)
      values (new.id, new.name, new.email, new.phone, new.orders);
    end`.execute(db)
  await sql`
    create trigger inbox_search_ad after delete on inbox_search begin
      insert into inbox_fts (inbox_fts, rowid, name, email, phone, orders)
      values ('delete', old.id, old.name, old.email, old.phone, old.orders);
    end`.execute(db)
  await sql`
    create trigger inbox_search_au after update on inbox_search begin
      insert into inbox_fts (inbox_fts, rowid, name, email, phone, orders)
      values ('delete', old.id, old.name, old.email, old.phone, old.orders);
      insert into inbox_fts (rowid, name, email, phone, orders)
      values (new.id, new.name, new.email, new.phone, new.orders);
    end`.execute(db)

  // The document follows contacts and events. Phone is stored as digits only, so a search
  // typed in any format matches on digits.
  await sql`
    create trigger contacts_search_ai after insert on contacts begin
      insert into inbox_search (contact_id, name, email, phone)
      values (new.id, coalesce(new.name, ''), coalesce(new.email, ''), ${digits(sql`new.phone`)});
    end`.execute(db)
  await sql`
    create trigger contacts_search_au after update of name, email, phone on contacts begin
      update inbox_search
      set name = coalesce(new.name, ''), email = coalesce(new.email, ''),
          phone = ${digits(sql`new.phone`)}
      where contact_id = new.id;
    end`.execute(db)
  await sql`
    create trigger contacts_search_ad after delete on contacts begin
      delete from inbox_search where contact_id = old.id;
    end`.execute(db)
  // Only a new order id touches the index: later events of the same order cost one lookup.
  await sql`
    create trigger events_search_ai after insert on events
    when new.contact_id is not null and new.order_id is not null begin
      update inbox_search set orders = trim(orders || ' ' || new.order_id)
      where contact_id = new.contact_id and instr(' ' || orders || ' ', ' ' || new.order_id || ' ') = 0;
    end`.execute(db)

  // Backfill a database that already has contacts (one pass over events, not one per contact).
  await sql`
    insert into inbox_search (contact_id, name, email, phone, orders)
    select c.id, coalesce(c.name, ''), coalesce(c.email, ''), ${digits(sql`c.phone`)},
      coalesce(o.orders, '')
    from contacts c left join (
      select contact_id, group_concat(order_id, ' ') as orders from (
        select distinct contact_id, order_id from events
        where contact_id is not null and order_id is not null)
      group by contact_id
    ) o on o.contact_id = c.id`.execute(db)

  await sql`create index conversations_by_activity_id on conversations (last_activity_at, id)`.execute(
    db,
  )
  await sql`create index conversations_unread on conversations (unread) where unread > 0`.execute(
    db,
  )
}

/** Digits of an E.164 phone in SQL (`+5511987654321` → `5511987654321`). */
function digits(column: ReturnType<typeof sql>) {
  return sql`replace(replace(replace(replace(coalesce(${column}, ''), '+', ''), ' ', ''), '-', ''), '(', '')`
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward only')
}
