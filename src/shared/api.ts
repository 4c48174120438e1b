// The one API contract between the renderer and the core. Two transports carry it (IPC in
// Electron, HTTP + server-sent events headless); both are checked against these types, and
// the core validates every input at the boundary (src/main/api/schemas.ts).
import type { CommerceEvent, Platform, Stage } from './events'

export type Locale = 'pt-BR' | 'en'

export type ApiErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  | 'UNKNOWN_METHOD'
  | 'PLATFORM_ERROR'
  | 'INTERNAL'

export interface ApiError {
  code: ApiErrorCode
  message: string
}

/** Errors cross every transport as data: Electron's invoke drops custom error types. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export type TunnelState = 'off' | 'connecting' | 'up' | 'down'

export interface TunnelStatus {
  provider: 'localtunnel' | 'url' | 'none'
  state: TunnelState
  publicUrl: string | null
  lastProbeAt: string | null
  lastError: string | null
  reconnects: number
}

export interface AppInfo {
  version: string
  dataDir: string
  receiverUrl: string
  publicUrl: string | null
  tunnel: TunnelStatus
  headless: boolean
}

export interface Settings {
  locale: Locale
  /** Minutes after a Shopify checkout without an order before it counts as abandoned. */
  abandonDelayMinutes: number
  /** Name the agent is known by (notes, assignee). */
  agentName: string
}

export interface SourceView {
  id: string
  platform: Platform
  name: string
  enabled: boolean
  webhookPath: string
  /** Public URL when a tunnel is up, else the local receiver URL. */
  webhookUrl: string
  /** Last 4 characters only: the secret itself needs `revealSecret`. */
  secretHint: string
  /** A second secret is accepted during a rotation. */
  rotating: boolean
  storeId: string | null
  apiBase: string | null
  checkoutUrl: string | null
  hasCredentials: boolean
  createdAt: string
  lastEventAt: string | null
  duplicateConfig: { at: string; detail: string } | null
  /** Automatic registration state as last checked (see RegistrationView). */
  registrationStatus: string | null
  /** Which platform API credentials are stored (names only, never values). */
  credentialFields: string[]
}

export interface CreateSourceInput {
  platform: Platform
  name: string
  /** Omitted for Kiwify: the app generates the token. */
  secret?: string
  storeId?: string
  apiToken?: string
  apiBase?: string
  checkoutUrl?: string
  /** Kiwify API (automatic registration): client credentials and the account id. */
  clientId?: string
  clientSecret?: string
  accountId?: string
  /** Shopify: `minha-loja.myshopify.com` and an Admin API access token. */
  shopDomain?: string
  adminToken?: string
}

export interface UpdateSourceInput {
  id: string
  name?: string
  enabled?: boolean
  checkoutUrl?: string | null
  apiBase?: string | null
  storeId?: string | null
  /** Platform credentials to set (merged into the stored ones; empty string removes one). */
  credentials?: Partial<
    Record<
      'apiToken' | 'clientId' | 'clientSecret' | 'accountId' | 'shopDomain' | 'adminToken',
      string
    >
  >
}

/**
 * Webhook registration on the platform. `status`: 'registered', 'manual' (the owner pastes the
 * URL), 'needs_manual_update' (the public URL changed: paste the new one), 'unregistered',
 * 'incomplete: …' (a check found missing or stale webhooks) or 'failed: …'.
 */
export interface RegistrationView {
  sourceId: string
  mode: 'automatic' | 'manual'
  status: string | null
  url: string | null
  subscriptions: { id: string; topic: string }[]
  checkedAt: string | null
  problems: string[]
  /** 'local_url': the URL only works on this computer (no tunnel): the platform cannot reach it. */
  warning: 'local_url' | null
}

export type HealthWarningCode =
  | 'disabled'
  | 'tunnel_down'
  | 'local_url'
  | 'no_events'
  | 'refusals'
  | 'duplicate_config'
  | 'registration_failed'
  | 'needs_manual_update'
  | 'rotating'
  | 'no_credentials'

export interface HealthWarning {
  code: HealthWarningCode
  /** Hours without events (`no_events`), refusals in 24 h (`refusals`), or details. */
  hours?: number
  count?: number
  detail?: string
}

export interface SourceHealth {
  sourceId: string
  tunnel: TunnelStatus
  webhookUrl: string
  lastEventAt: string | null
  lastDeliveryAt: string | null
  deliveries24h: { total: number; stored: number; duplicate: number; refused: number }
  /** Latest refused deliveries in the last 24 h, newest first, with the reason. */
  refusals: { at: string; outcome: string; httpStatus: number; reason: string | null }[]
  duplicateConfig: { at: string; detail: string } | null
  registration: RegistrationView
  warnings: HealthWarning[]
}

export interface TestEventResult {
  /** Where the test was posted: the public URL when a tunnel is up, else the local receiver. */
  url: string
  via: 'public' | 'local'
  httpStatus: number
  outcome: string | null
  reason: string | null
  /** Why the public URL could not be used, when it fell back to the local receiver. */
  publicError: string | null
}

export interface RotatedSecret {
  source: SourceView
  /** The new secret (shown once); the old one stays valid until confirmRotation. */
  secret: string
  registration: RegistrationView | null
}

export interface CreatedSource {
  source: SourceView
  /** Shown once at creation, so the wizard can copy it. */
  secret: string
}

export interface DeliveryView {
  id: number
  receivedAt: string
  eventType: string | null
  verified: boolean
  reason: string | null
  outcome: string
  httpStatus: number
  dedupKey: string | null
}

export type ConversationStatus = 'open' | 'resolved'

export interface ConversationSummary {
  id: string
  contactId: string
  title: string
  contactName: string | null
  contactPhone: string | null
  contactEmail: string | null
  status: ConversationStatus
  assignee: string | null
  lastActivityAt: string
  lastStage: Stage | null
  lastTotalMinor: number | null
  lastCurrency: string | null
  lastPlatform: Platform | null
  unread: number
}

export interface InboxQuery {
  search?: string
  stage?: Stage
  platform?: Platform
  sourceId?: string
  status?: ConversationStatus
  limit?: number
  offset?: number
}

export interface InboxPage {
  items: ConversationSummary[]
  total: number
  /** Conversations with unread activity, ignoring filters (the tray badge). */
  unreadConversations: number
}

export interface ContactView {
  id: string
  name: string | null
  email: string | null
  phone: string | null
  /** Masked (`***.456.789-**`); the full document is never sent to the renderer. */
  documentMasked: string | null
}

export interface OrderView {
  sourceId: string
  platform: Platform
  orderId: string | null
  orderKey: string
  stage: Stage
  stageAt: string
  totalMinor: number | null
  currency: string | null
  checkoutUrl: string | null
}

export interface NoteView {
  id: number
  body: string
  author: string | null
  createdAt: string
}

export type TimelineItem =
  | { kind: 'event'; at: string; event: CommerceEvent }
  | { kind: 'note'; at: string; note: NoteView }

export interface ConversationDetail {
  conversation: ConversationSummary
  contact: ContactView
  timeline: TimelineItem[]
  orders: OrderView[]
  /** Approved minus refunded, per currency. */
  lifetimeValue: { currency: string; minor: number }[]
  platforms: Platform[]
}

/** Input of each operation (`undefined` when it takes none). */
export interface ApiInputs {
  appInfo: undefined
  getSettings: undefined
  updateSettings: Partial<Settings>
  listSources: undefined
  createSource: CreateSourceInput
  removeSource: { id: string }
  revealSecret: { id: string }
  updateSource: UpdateSourceInput
  registerSource: { id: string }
  unregisterSource: { id: string }
  checkRegistration: { id: string }
  sourceHealth: { id: string }
  sendTestEvent: { id: string }
  rotateSecret: { id: string; secret?: string }
  confirmRotation: { id: string }
  listDeliveries: { sourceId: string; limit?: number }
  listInbox: InboxQuery
  getConversation: { id: string }
  setConversationStatus: { id: string; status: ConversationStatus }
  assignConversation: { id: string; assignee: string | null }
  addNote: { conversationId: string; body: string }
  markRead: { id: string }
}

/** Output of each operation. */
export interface ApiOutputs {
  appInfo: AppInfo
  getSettings: Settings
  updateSettings: Settings
  listSources: SourceView[]
  createSource: CreatedSource
  removeSource: { removed: boolean }
  revealSecret: { secrets: string[] }
  updateSource: SourceView
  registerSource: RegistrationView
  unregisterSource: RegistrationView
  checkRegistration: RegistrationView
  sourceHealth: SourceHealth
  sendTestEvent: TestEventResult
  rotateSecret: RotatedSecret
  confirmRotation: SourceView
  listDeliveries: DeliveryView[]
  listInbox: InboxPage
  getConversation: ConversationDetail
  setConversationStatus: ConversationSummary
  assignConversation: ConversationSummary
  addNote: NoteView
  markRead: ConversationSummary
}

export type ApiMethod = keyof ApiInputs & keyof ApiOutputs

/** Live events the renderer may subscribe to. */
export type ApiEvent =
  | { type: 'event.created'; event: CommerceEvent; conversation: ConversationSummary | null }
  | { type: 'conversation.updated'; conversation: ConversationSummary }
  | { type: 'sources.changed' }
  | { type: 'delivery.logged'; sourceId: string; delivery: DeliveryView }
  | { type: 'tunnel.status'; status: TunnelStatus }

type Call<M extends ApiMethod> = ApiInputs[M] extends undefined
  ? (input?: undefined) => Promise<ApiResult<ApiOutputs[M]>>
  : (input: ApiInputs[M]) => Promise<ApiResult<ApiOutputs[M]>>

/** What the renderer holds: one method per operation, plus live events. */
export type RecuperaApi = { [M in ApiMethod]: Call<M> } & {
  subscribe(listener: (event: ApiEvent) => void): () => void
}
