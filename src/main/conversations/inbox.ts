// Inbox and conversation queries. Filtering and search run in SQLite (indexed columns), never
// by loading everything into the renderer.
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
import { maskDocument, toCommerceEvent, toSummary } from './views'

function summaries(db: Db) {
  return db.kysely
    .selectFrom('conversations')
    .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
    .selectAll('conversations')
    .select(['contacts.name', 'contacts.email', 'contacts.phone'])
}

export function listInbox(db: Db, q: InboxQuery): InboxPage {
  let query = summaries(db)
  if (q.status) query = query.where('conversations.status', '=', q.status)
  if (q.stage) query = query.where('conversations.last_stage', '=', q.stage)
  if (q.platform) query = query.where('conversations.last_platform', '=', q.platform)
  if (q.sourceId) query = query.where('conversations.last_source_id', '=', q.sourceId)
  const term = q.search?.trim()
  if (term) {
    const like = `%${term.toLowerCase().replace(/[%_]/g, '')}%`
    const digits = term.replace(/\D/g, '')
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['contacts.name']), 'like', like),
        eb('contacts.email', 'like', like),
        ...(digits.length >= 4 ? [eb('contacts.phone', 'like', `%${digits.slice(-8)}%`)] : []),
        eb(
          'conversations.contact_id',
          'in',
          eb.selectFrom('events').select('contact_id').where('order_id', '=', term),
        ),
      ]),
    )
  }
  const total =
    db.first(query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0
  const rows = db.all(
    query
      .orderBy('conversations.last_activity_at', 'desc')
      .orderBy('conversations.id')
      .limit(Math.min(q.limit ?? 100, 500))
      .offset(q.offset ?? 0),
  )
  return { items: rows.map(toSummary), total: Number(total) }
}

export function getSummary(db: Db, id: string): ConversationSummary | null {
  const row = db.first(summaries(db).where('conversations.id', '=', id))
  return row ? toSummary(row) : null
}

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
      .where('contact_id', '=', row.contact_id)
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
