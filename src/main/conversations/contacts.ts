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

// Runs for every stored event: cached prepared statements, and the contact found together with
// its conversation (one statement instead of up to four).
const CONTACT_WITH_CONVERSATION = `SELECT contacts.*, conversations.id AS conversation_id
  FROM contacts LEFT JOIN conversations ON conversations.contact_id = contacts.id`
/** Phone first, then e-mail; the oldest contact when several match (as index order gave). */
const BY_PHONE_OR_EMAIL = `${CONTACT_WITH_CONVERSATION}
  WHERE contacts.phone_key = @phoneKey OR contacts.email = @email
  ORDER BY coalesce(contacts.phone_key = @phoneKey, 0) DESC, contacts.rowid LIMIT 1`
const BY_ANONYMOUS_KEY = `${CONTACT_WITH_CONVERSATION}
  WHERE contacts.anonymous_key = ? ORDER BY contacts.rowid LIMIT 1`

type FoundContact = ContactRow & { conversation_id: string | null }

export function resolveContact(db: Db, event: NormalizedEvent, now: number): ContactLink {
  const { customer } = event
  const phoneKey = customer.phone ? phoneMatchKey(customer.phone) : null
  const email = customer.email?.trim().toLowerCase() || null
  const anon = phoneKey || email ? null : anonymousKey(event)
  const existing = (
    anon
      ? db.statement(BY_ANONYMOUS_KEY).get(anon)
      : db.statement(BY_PHONE_OR_EMAIL).get({ phoneKey, email })
  ) as FoundContact | undefined
  if (existing) {
    fillMissing(db, existing, event, phoneKey, email, now)
    if (existing.conversation_id)
      return { contactId: existing.id, conversationId: existing.conversation_id, created: false }
    return {
      contactId: existing.id,
      conversationId: createConversation(db, existing.id, now),
      created: true,
    }
  }
  const contactId = timeOrderedId()
  db.insert('contacts', {
    id: contactId,
    name: customer.name,
    email,
    phone: customer.phone,
    phone_key: phoneKey,
    document: customer.document,
    anonymous_key: anon,
    created_at: now,
    updated_at: now,
  })
  return { contactId, conversationId: createConversation(db, contactId, now), created: true }
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
  db.update('contacts', contact.id, { ...patch, updated_at: now })
}

/**
 * A checkout started anonymously (Shopify sends `email: null` until the buyer types it) and a
 * later update says who the buyer is. Without this, the recovery card would stay in a
 * conversation nobody can reply to. If the buyer is already a contact, the anonymous contact's
 * events, orders and notes move there and it is removed; otherwise it simply gets the name.
 */
export function identifyAnonymous(
  db: Db,
  link: { contactId: string; conversationId: string },
  event: NormalizedEvent,
  now: number,
): { contactId: string; conversationId: string } {
  const contact = db.statement('SELECT * FROM contacts WHERE id = ?').get(link.contactId) as
    | ContactRow
    | undefined
  const phoneKey = event.customer.phone ? phoneMatchKey(event.customer.phone) : null
  const email = event.customer.email?.trim().toLowerCase() || null
  if (!contact?.anonymous_key || (!phoneKey && !email)) return link
  const known = db.statement(BY_PHONE_OR_EMAIL).get({ phoneKey, email }) as FoundContact | undefined
  if (!known) {
    db.update('contacts', contact.id, { anonymous_key: null, updated_at: now })
    fillMissing(db, { ...contact, anonymous_key: null }, event, phoneKey, email, now)
    return link
  }
  const conversationId = known.conversation_id ?? createConversation(db, known.id, now)
  const move = { to: known.id, conversation: conversationId, from: contact.id }
  db.statement(
    'UPDATE events SET contact_id = @to, conversation_id = @conversation WHERE contact_id = @from',
  ).run(move)
  db.statement('UPDATE orders SET contact_id = @to WHERE contact_id = @from').run(move)
  db.statement('UPDATE notes SET conversation_id = @conversation WHERE conversation_id = @old').run(
    {
      conversation: conversationId,
      old: link.conversationId,
    },
  )
  db.statement('DELETE FROM contacts WHERE id = ?').run(contact.id)
  db.statement('INSERT OR IGNORE INTO search_dirty (contact_id) VALUES (?)').run(known.id)
  fillMissing(db, known, event, phoneKey, email, now)
  return { contactId: known.id, conversationId }
}

function createConversation(db: Db, contactId: string, now: number): string {
  const id = timeOrderedId()
  db.insert('conversations', {
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
  })
  return id
}

/**
 * A UUIDv7 (time first, then random): new contacts and conversations land at the end of their
 * primary-key and foreign-key indexes. A random UUID dirties a random page of each of those
 * indexes per insert, and every dirty page is written to the WAL and fsynced at COMMIT.
 */
export function timeOrderedId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0')
  // randomUUID's `xxxxxxxx-xxxx-4xxx-Nxxx-…`: keep its random bits and variant after the version.
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomUUID().slice(15)}`
}
