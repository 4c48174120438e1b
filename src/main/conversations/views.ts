// Row → view mappers for the inbox and the conversation timeline. The renderer receives
// documents masked and events in the shared CommerceEvent shape.
import type { ConversationStatus, ConversationSummary } from '../../shared/api'
import type {
  CommerceEvent,
  LineItem,
  NormalizedEvent,
  PaymentMethod,
  Platform,
  Stage,
} from '../../shared/events'
import type { ContactRow, ConversationRow, EventRow } from '../db/schema'
import { iso, isoOrNull } from '../util/time'

export type SummaryRow = ConversationRow & Pick<ContactRow, 'name' | 'email' | 'phone'>

export function toSummary(row: SummaryRow): ConversationSummary {
  return {
    id: row.id,
    contactId: row.contact_id,
    title: row.name || row.phone || row.email || '—',
    contactName: row.name,
    contactPhone: row.phone,
    contactEmail: row.email,
    status: row.status as ConversationStatus,
    assignee: row.assignee,
    lastActivityAt: iso(row.last_activity_at),
    lastStage: row.last_stage as Stage | null,
    lastTotalMinor: row.last_total_minor,
    lastCurrency: row.last_currency,
    lastPlatform: row.last_platform as Platform | null,
    unread: row.unread,
  }
}

/** A stored event as the API shows it: the document masked, ids as strings. */
export function toCommerceEvent(row: EventRow): CommerceEvent {
  const event = toNormalizedEvent(row)
  const document = event.customer.document
  return {
    ...event,
    id: String(row.id),
    sourceId: row.source_id,
    receivedAt: iso(row.received_at),
    contactId: row.contact_id,
    conversationId: row.conversation_id,
    customer: { ...event.customer, document: document ? maskDocument(document) : null },
  }
}

/** A stored event back in the adapters' shape, unmasked: for events derived from it. */
export function toNormalizedEvent(row: EventRow): NormalizedEvent {
  return {
    platform: row.platform as Platform,
    stage: row.stage as Stage,
    eventType: row.event_type,
    occurredAt: iso(row.occurred_at),
    dedupKey: row.dedup_key,
    deliveryId: row.delivery_id,
    orderId: row.order_id,
    orderKey: row.order_key,
    customer: {
      name: row.customer_name,
      email: row.customer_email,
      phone: row.customer_phone,
      phoneRaw: row.customer_phone_raw,
      document: row.customer_document,
      platformCustomerId: row.platform_customer_id,
    },
    items: JSON.parse(row.items_json) as LineItem[],
    totalMinor: row.total_minor,
    currency: row.currency,
    payment: {
      method: row.payment_method as PaymentMethod | null,
      gateway: row.payment_gateway,
      pixCode: row.pix_code,
      pixExpiresAt: isoOrNull(row.pix_expires_at),
      boletoLine: row.boleto_line,
      boletoUrl: row.boleto_url,
      boletoExpiresAt: isoOrNull(row.boleto_expires_at),
      refusalReason: row.refusal_reason,
    },
    checkoutUrl: row.checkout_url,
    productName: row.product_name,
    test: row.test === 1,
  }
}

/** CPF `***.456.789-**`, CNPJ `**.345.678/0001-**`: enough to confirm, not to reuse. */
export function maskDocument(doc: string): string {
  const d = doc.replace(/[^0-9A-Za-z]/g, '')
  if (d.length === 11) return `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**`
  if (d.length === 14) return `**.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-**`
  return d.length > 4 ? `${'*'.repeat(d.length - 4)}${d.slice(-4)}` : '****'
}
