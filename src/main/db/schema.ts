// The Database interface Kysely types every query against. SQLite types, honestly:
// 0|1 flags, epoch-ms integers for times, text ids, integer minor units for money.
import type { Generated, Insertable, Selectable } from 'kysely'

type Flag = 0 | 1

export interface SourcesTable {
  id: string
  platform: string
  name: string
  webhook_key: string
  /** JSON array of one or two secrets, encrypted by the SecretBox. */
  secrets_enc: string
  /** JSON object of platform API credentials (tokens, client secrets), encrypted. */
  credentials_enc: string | null
  store_id: string | null
  api_base: string | null
  checkout_url: string | null
  enabled: Flag
  created_at: number
  updated_at: number
  last_event_at: number | null
  /** Set when the same event arrived under two delivery ids (two webhooks for one source). */
  duplicate_config_at: number | null
  duplicate_config_detail: string | null
  /** JSON: platform subscription ids and the URL they point to. */
  registration_json: string | null
  registration_status: string | null
  registration_checked_at: number | null
}

export interface DeliveriesTable {
  id: Generated<number>
  source_id: string
  received_at: number
  event_type: string | null
  verified: Flag
  /** Why it was refused, unsupported or malformed; null when stored fine. */
  reason: string | null
  outcome: string
  http_status: number
  dedup_key: string | null
  delivery_id: string | null
  body: Buffer | null
  body_size: number
}

export interface EventsTable {
  id: Generated<number>
  source_id: string
  platform: string
  stage: string
  event_type: string
  occurred_at: number
  received_at: number
  dedup_key: string
  delivery_id: string | null
  order_id: string | null
  order_key: string | null
  contact_id: string | null
  conversation_id: string | null
  customer_name: string | null
  customer_email: string | null
  customer_phone: string | null
  customer_phone_raw: string | null
  customer_document: string | null
  platform_customer_id: string | null
  items_json: string
  total_minor: number | null
  currency: string | null
  payment_method: string | null
  payment_gateway: string | null
  pix_code: string | null
  pix_expires_at: number | null
  boleto_line: string | null
  boleto_url: string | null
  boleto_expires_at: number | null
  refusal_reason: string | null
  checkout_url: string | null
  product_name: string | null
  test: Flag
}

export interface OrdersTable {
  id: Generated<number>
  source_id: string
  order_key: string
  order_id: string | null
  stage: string
  /** Event time of the event that set `stage`: later events by this clock win. */
  stage_at: number
  last_event_id: number
  total_minor: number | null
  currency: string | null
  contact_id: string | null
  checkout_url: string | null
  updated_at: number
}

export interface ContactsTable {
  id: string
  name: string | null
  email: string | null
  phone: string | null
  /** DDD + last 8 digits + m/l: matches WhatsApp ids that lack the ninth digit. */
  phone_key: string | null
  document: string | null
  /** `platform:customer-or-order id` for anonymous buyers. */
  anonymous_key: string | null
  created_at: number
  updated_at: number
}

export interface ConversationsTable {
  id: string
  contact_id: string
  status: string
  assignee: string | null
  last_activity_at: number
  last_stage: string | null
  last_total_minor: number | null
  last_currency: string | null
  last_platform: string | null
  last_source_id: string | null
  unread: number
  created_at: number
}

export interface NotesTable {
  id: Generated<number>
  conversation_id: string
  body: string
  author: string | null
  created_at: number
}

export interface JobsTable {
  id: Generated<number>
  kind: string
  /** Idempotency: one pending job per key (e.g. `abandon:<source>:<token>`). */
  unique_key: string | null
  run_at: number
  payload: string
  attempts: number
  last_error: string | null
  created_at: number
}

export interface SettingsTable {
  key: string
  value: string
}

export interface Database {
  sources: SourcesTable
  deliveries: DeliveriesTable
  events: EventsTable
  orders: OrdersTable
  contacts: ContactsTable
  conversations: ConversationsTable
  notes: NotesTable
  jobs: JobsTable
  settings: SettingsTable
}

export type SourceRow = Selectable<SourcesTable>
export type EventRow = Selectable<EventsTable>
export type NewEvent = Insertable<EventsTable>
export type ConversationRow = Selectable<ConversationsTable>
export type ContactRow = Selectable<ContactsTable>
export type DeliveryRow = Selectable<DeliveriesTable>
