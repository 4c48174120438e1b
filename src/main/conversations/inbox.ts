// Inbox and conversation queries. Filtering and search run in SQLite (indexed columns and the
// `inbox_fts` trigram index of migration 0002, kept up to date by search-index.ts), never by loading everything into the renderer.
import { type SqlBool, sql } from 'kysely'
import type {
  ConversationDetail,
  ConversationSummary,
  InboxPage,
  InboxQuery,
  NoteView,
  OrderView,
  TimelineItem,
} from '../../shared/api'
import type { Platform, Stage } from '../../shared/events'
import type { Db } from '../db/connection'
import { iso } from '../util/time'
import { flushSearchIndex } from './search-index'
import { maskDocument, toCommerceEvent, toSummary } from './views'

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 500

function summaries(db: Db) {
  return db.kysely
    .selectFrom('conversations')
    .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
    .selectAll('conversations')
    .select(['contacts.name', 'contacts.email', 'contacts.phone'])
}

/** Conversations matching the filters, before any join or order. */
function filtered(db: Db, q: InboxQuery, search: SearchSubquery | null, dense = false) {
  let query = db.kysely.selectFrom('conversations')
  if (q.status) query = query.where('conversations.status', '=', q.status)
  if (q.stage) query = query.where('conversations.last_stage', '=', q.stage)
  if (q.platform) query = query.where('conversations.last_platform', '=', q.platform)
  if (q.sourceId) query = query.where('conversations.last_source_id', '=', q.sourceId)
  if (search) {
    // Many matches: walk the activity index and stop at the page (the unary + keeps SQLite from
    // choosing the contact_id index); few matches: look them up and sort the handful.
    const column = dense ? sql`+conversations.contact_id` : sql`conversations.contact_id`
    query = query.where(sql<SqlBool>`${column} in (${search})`)
  }
  return query
}

/** Above this many matches a search page is cheaper read in activity order than sorted. */
const DENSE_MATCHES = 500

export function listInbox(db: Db, q: InboxQuery): InboxPage {
  // The search index trails writes by a few ms (search-index.ts): catch up so reads see them.
  if (q.search) flushSearchIndex(db)
  const search = searchSubquery(q.search)
  const total = Number(
    db.first(filtered(db, q, search).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0,
  )
  // Ids first, rows second: OFFSET then skips index entries, not joined rows.
  const ids = db
    .all(
      filtered(db, q, search, total > DENSE_MATCHES)
        .select('conversations.id')
        // Both descending, so SQLite walks conversations_by_activity_id backwards: no sort.
        .orderBy('conversations.last_activity_at', 'desc')
        .orderBy('conversations.id', 'desc')
        .limit(Math.min(q.limit ?? DEFAULT_LIMIT, MAX_LIMIT))
        .offset(q.offset ?? 0),
    )
    .map((r) => r.id)
  const rows =
    ids.length === 0
      ? []
      : db.all(
          summaries(db)
            .where('conversations.id', 'in', ids)
            .orderBy('conversations.last_activity_at', 'desc')
            .orderBy('conversations.id', 'desc'),
        )
  const unread =
    db.first(
      db.kysely
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('unread', '>', 0),
    )?.n ?? 0
  return { items: rows.map(toSummary), total, unreadConversations: Number(unread) }
}

type SearchSubquery = ReturnType<typeof sql>

/**
 * The contact ids a search matches, by name, e-mail, phone digits (any format: the last 8
 * digits, so a number typed with or without the ninth digit or the country code matches) and
 * order id. Terms of 3+ characters use the trigram index; shorter ones scan the small search
 * documents.
 */
export function searchSubquery(raw: string | undefined): SearchSubquery | null {
  const term = raw?.trim().replace(/^#/, '') ?? ''
  if (term === '') return null
  const digits = term.replace(/\D/g, '')
  const phoneLike = /^[\d\s()+.-]+$/.test(term) && digits.length >= 3
  const phoneKey = digits.length > 8 ? digits.slice(-8) : digits
  if ([...term].length < 3) {
    const like = `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    return sql`select contact_id from inbox_search where name like ${like} escape '\\'
      or email like ${like} escape '\\' or orders like ${like} escape '\\'`
  }
  const parts = [`{name email orders} : ${phrase(term)}`]
  if (phoneLike && phoneKey.length >= 3) parts.push(`phone : ${phrase(phoneKey)}`)
  return sql`select s.contact_id from inbox_fts f join inbox_search s on s.id = f.rowid
    where inbox_fts match ${parts.join(' OR ')}`
}

/** An FTS5 string literal: the trigram tokenizer matches it as a substring. */
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`

/** summaries() for one id, hand-written: announcing calls it once per stored event. */
const SUMMARY_BY_ID = `SELECT conversations.*, contacts.name, contacts.email, contacts.phone
  FROM conversations INNER JOIN contacts ON contacts.id = conversations.contact_id
  WHERE conversations.id = ?`

export function getSummary(db: Db, id: string): ConversationSummary | null {
  const row = db.statement(SUMMARY_BY_ID).get(id) as SummaryRow | undefined
  return row ? toSummary(row) : null
}

type SummaryRow = Parameters<typeof toSummary>[0]

export function getConversation(db: Db, id: string): ConversationDetail | null {
  const row = db.first(summaries(db).where('conversations.id', '=', id))
  if (!row) return null
  const contact = db.first(
    db.kysely.selectFrom('contacts').selectAll().where('id', '=', row.contact_id),
  )!
  const events = db.all(
    db.kysely
      .selectFrom('events')
      .selectAll()
      .where('conversation_id', '=', id)
      .orderBy('occurred_at')
      .orderBy('id'),
  )
  const notes = db.all(
    db.kysely
      .selectFrom('notes')
      .selectAll()
      .where('conversation_id', '=', id)
      .orderBy('created_at'),
  )
  const timeline: TimelineItem[] = [
    ...events.map((e) => ({
      kind: 'event' as const,
      at: iso(e.occurred_at),
      event: toCommerceEvent(e),
    })),
    ...notes.map((n) => ({ kind: 'note' as const, at: iso(n.created_at), note: toNote(n) })),
  ].sort((a, b) => a.at.localeCompare(b.at))
  const orders = listOrders(db, row.contact_id)
  return {
    conversation: toSummary(row),
    contact: {
      id: contact.id,
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      documentMasked: contact.document ? maskDocument(contact.document) : null,
    },
    timeline,
    orders,
    lifetimeValue: lifetimeValue(orders),
    platforms: [...new Set(events.map((e) => e.platform as Platform))],
  }
}

function listOrders(db: Db, contactId: string): OrderView[] {
  const rows = db.all(
    db.kysely
      .selectFrom('orders')
      .innerJoin('sources', 'sources.id', 'orders.source_id')
      .selectAll('orders')
      .select('sources.platform')
      .where('orders.contact_id', '=', contactId)
      .orderBy('orders.stage_at', 'desc'),
  )
  return rows.map((o) => ({
    sourceId: o.source_id,
    platform: o.platform as Platform,
    orderId: o.order_id,
    orderKey: o.order_key,
    stage: o.stage as Stage,
    stageAt: iso(o.stage_at),
    totalMinor: o.total_minor,
    currency: o.currency,
    checkoutUrl: o.checkout_url,
  }))
}

const PAID: ReadonlySet<Stage> = new Set(['purchase_approved', 'subscription_renewed'])

function lifetimeValue(orders: OrderView[]): { currency: string; minor: number }[] {
  const totals = new Map<string, number>()
  for (const o of orders) {
    if (!PAID.has(o.stage) || o.totalMinor === null || !o.currency) continue
    totals.set(o.currency, (totals.get(o.currency) ?? 0) + o.totalMinor)
  }
  return [...totals].map(([currency, minor]) => ({ currency, minor }))
}

export function toNote(n: {
  id: number
  body: string
  author: string | null
  created_at: number
}): NoteView {
  return { id: n.id, body: n.body, author: n.author, createdAt: iso(n.created_at) }
}
