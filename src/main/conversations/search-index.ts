// Keeps the inbox search documents (`inbox_search`, indexed by `inbox_fts`, migration 0002) in
// step with contacts and events, off the acknowledgement path: writes only mark the contact in
// `search_dirty` (triggers of migration 0003, inside the ingest transaction), and the documents
// of dirty contacts are rebuilt here in one batched transaction ~20 ms after the commit. So
// search may lag a write by ~20 ms, except through listInbox, which flushes first.
import type { Db } from '../db/connection'
import { createLogger } from '../util/log'

const log = createLogger('search-index')

/**
 * How long after a commit the index catches up: long enough to batch a burst of deliveries
 * (a refresh costs a transaction, and a busy contact is rebuilt once, not per event), short
 * enough that search feels live. Reads through listInbox flush first anyway.
 */
export const SEARCH_REFRESH_DELAY_MS = 20

/** Digits of an E.164 phone (`+5511987654321` → `5511987654321`), as migration 0002 stores it. */
const PHONE_DIGITS = `replace(replace(replace(replace(coalesce(c.phone, ''), '+', ''), ' ', ''), '-', ''), '(', '')`

// One document per dirty contact: name, e-mail, phone digits and its order ids in the order
// they first appeared. Events are reached through the conversation (indexed), not contact_id
// (not indexed). Unchanged documents are not rewritten, so a repeat event costs no FTS work.
const REBUILD = `
  insert into inbox_search (contact_id, name, email, phone, orders)
  select c.id, coalesce(c.name, ''), coalesce(c.email, ''), ${PHONE_DIGITS},
    coalesce((
      select group_concat(order_id, ' ' order by first_id) from (
        select e.order_id, min(e.id) as first_id from events e
        where e.conversation_id in (select id from conversations where contact_id = c.id)
          and e.contact_id = c.id and e.order_id is not null
        group by e.order_id)
    ), '')
  from search_dirty d join contacts c on c.id = d.contact_id
  where true
  on conflict (contact_id) do update set
    name = excluded.name, email = excluded.email, phone = excluded.phone, orders = excluded.orders
  where name is not excluded.name or email is not excluded.email
    or phone is not excluded.phone or orders is not excluded.orders`

/**
 * Rebuilds the documents of every dirty contact in one transaction; returns how many contacts
 * were dirty. Durability: if this commit were lost, so would be the clearing of `search_dirty`,
 * and the next refresh redoes the work.
 */
export function refreshSearchIndex(db: Db): number {
  // This commit needs no fsync of its own (the ingest commits keep synchronous=FULL): losing it
  // in a power cut also loses the clearing of `search_dirty`, so the work is simply redone. The
  // next FULL commit syncs the WAL up to and including it.
  db.sqlite.pragma('synchronous = NORMAL')
  try {
    return db.tx(() => {
      db.statement(REBUILD).run()
      return db.statement('DELETE FROM search_dirty').run().changes
    })
  } finally {
    db.sqlite.pragma('synchronous = FULL')
  }
}

/** Brings the index up to date if anything is pending: readers call this for consistent reads. */
export function flushSearchIndex(db: Db): void {
  if (db.statement('SELECT 1 FROM search_dirty LIMIT 1').get()) refreshSearchIndex(db)
}

/** Runs refreshSearchIndex shortly after commits, once per burst; catches up at start. */
export class SearchIndexer {
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly db: Db,
    private readonly delayMs = SEARCH_REFRESH_DELAY_MS,
  ) {
    // Work left by a crash or by a process that stopped before its timer fired.
    flushSearchIndex(db)
  }

  /** Called after each commit; cheap when a refresh is already due. */
  schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      if (!this.db.sqlite.open) return
      try {
        flushSearchIndex(this.db)
      } catch (error) {
        // The dirty marks stay: the next refresh (or read) retries. Never crash the receiver.
        log.warn('search index refresh failed', { error: String(error) })
      }
    }, this.delayMs)
    this.timer.unref()
  }

  /** Before closing the database: do what is due now rather than leave it for the next start. */
  close(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    flushSearchIndex(this.db)
  }
}
