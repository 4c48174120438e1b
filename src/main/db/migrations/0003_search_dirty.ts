// Takes inbox-search maintenance off the acknowledgement path. Migration 0002's triggers did
// trigram indexing inside the ingest transaction (an FTS insert per new contact, then a delete
// and insert again for its first order id), roughly doubling the cost of storing an event.
// Now contact and event writes only record the contact id in `search_dirty` (durable: written
// in the same transaction, so a crash loses nothing), and src/main/conversations/search-index.ts
// rebuilds the search documents of dirty contacts in one batched transaction shortly after the
// commit (and at start, and before every inbox read). Deletions stay immediate (0002's trigger):
// they are rare and not on the ingest path.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table search_dirty (contact_id text primary key) without rowid`.execute(db)
  await sql`drop trigger contacts_search_ai`.execute(db)
  await sql`drop trigger contacts_search_au`.execute(db)
  await sql`drop trigger events_search_ai`.execute(db)
  await sql`
    create trigger contacts_search_dirty_ai after insert on contacts begin
      insert or ignore into search_dirty (contact_id) values (new.id);
    end`.execute(db)
  await sql`
    create trigger contacts_search_dirty_au after update of name, email, phone on contacts begin
      insert or ignore into search_dirty (contact_id) values (new.id);
    end`.execute(db)
  // A contact's document lists its order ids: a new event may bring a new one.
  await sql`
    create trigger events_search_dirty_ai after insert on events
    when new.contact_id is not null and new.order_id is not null begin
      insert or ignore into search_dirty (contact_id) values (new.contact_id);
    end`.execute(db)
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward only')
}
