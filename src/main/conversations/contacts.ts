// Attaches each event to one contact and its conversation. Matching order: phone (any
// Brazilian variant, by DDD + last 8 digits), then e-mail, then an anonymous key (platform
// customer or order), so buyers without phone and e-mail still get a conversation.
import { randomUUID } from 'node:crypto'
import type { NormalizedEvent } from '../../shared/events'
import { phoneMatchKey } from '../../shared/phone'
import type { Db } from '../db/connection'
import type { ContactRow } from '../db/schema'

export interface ContactLink {
  contactId: string
  conversationId: string
  created: boolean
}

export function anonymousKey(event: NormalizedEvent): string {
  const id = event.customer.platformCustomerId
  if (id) return `${event.platform}:customer:${id}`
  return `${event.platform}:order:${event.orderKey ?? event.orderId ?? event.dedupKey}`
}

export function resolveContact(db: Db, event: NormalizedEvent, now: number): ContactLink {
  const { customer } = event
  const phoneKey = customer.phone ? phoneMatchKey(customer.phone) : null
  const email = customer.email?.trim().toLowerCase() || null
  const anon = phoneKey || email ? null : anonymousKey(event)
  const existing = findContact(db, phoneKey, email, anon)
  if (existing) {
    fillMissing(db, existing, event, phoneKey, email, now)
    const conversation = db.first(
      db.kysely.selectFrom('conversations').select('id').where('contact_id', '=', existing.id),
    )
    if (conversation)
      return { contactId: existing.id, conversationId: conversation.id, created: false }
    return {
      contactId: existing.id,
      conversationId: createConversation(db, existing.id, now),
      created: true,
    }
  }
  const contactId = randomUUID()
  db.run(
    db.kysely.insertInto('contacts').values({
      id: contactId,
      name: customer.name,
      email,
      phone: customer.phone,
      phone_key: phoneKey,
      document: customer.document,
      anonymous_key: anon,
      created_at: now,
      updated_at: now,
    }),
  )
  return { contactId, conversationId: createConversation(db, contactId, now), created: true }
}

function findContact(
  db: Db,
  phoneKey: string | null,
  email: string | null,
  anon: string | null,
): ContactRow | undefined {
  const by = (column: 'phone_key' | 'email' | 'anonymous_key', value: string) =>
    db.first(db.kysely.selectFrom('contacts').selectAll().where(column, '=', value).limit(1))
  return (
    (phoneKey ? by('phone_key', phoneKey) : undefined) ??
    (email ? by('email', email) : undefined) ??
    (anon ? by('anonymous_key', anon) : undefined)
  )
}

/** A later event may know what an earlier one did not (a cart without phone, then a PIX). */
function fillMissing(
  db: Db,
  contact: ContactRow,
  event: NormalizedEvent,
  phoneKey: string | null,
  email: string | null,
  now: number,
): void {
  const patch: Partial<ContactRow> = {}
  if (!contact.name && event.customer.name) patch.name = event.customer.name
  if (!contact.email && email) patch.email = email
  if (!contact.phone && event.customer.phone) {
    patch.phone = event.customer.phone
    patch.phone_key = phoneKey
  }
  if (!contact.document && event.customer.document) patch.document = event.customer.document
  if (Object.keys(patch).length === 0) return
  db.run(
    db.kysely
      .updateTable('contacts')
      .set({ ...patch, updated_at: now })
      .where('id', '=', contact.id),
  )
}

function createConversation(db: Db, contactId: string, now: number): string {
  const id = randomUUID()
  db.run(
    db.kysely.insertInto('conversations').values({
      id,
      contact_id: contactId,
      status: 'open',
      assignee: null,
      last_activity_at: now,
      last_stage: null,
      last_total_minor: null,
      last_currency: null,
      last_platform: null,
      last_source_id: null,
      unread: 0,
      created_at: now,
    }),
  )
  return id
}
