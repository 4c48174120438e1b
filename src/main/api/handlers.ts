// One handler per operation of the contract. Each receives input already validated by its
// schema; errors become `{ok:false, error:{code,message}}` in dispatch(), never exceptions
// across a transport.
import type {
  ApiInputs,
  ApiMethod,
  ApiOutputs,
  ApiResult,
  AppInfo,
  Settings,
} from '../../shared/api'
import { getConversation, getSummary, listInbox, toNote } from '../conversations/inbox'
import type { Db } from '../db/connection'
import { listDeliveries } from '../ingest/delivery-log'
import { type RegistrationService, sourceOperations } from '../registration'
import { SourceError, type Sources } from '../sources/sources'
import type { EventBus } from '../util/events-bus'
import type { Clock } from '../util/time'
import { inputSchemas } from './schemas'
import { loadSettings, saveSettings } from './settings'

export interface HandlerDeps {
  db: Db
  sources: Sources
  bus: EventBus
  clock: Clock
  info: () => AppInfo
  /** Base URL for webhook URLs: the public one when a tunnel is up. */
  webhookBase: () => string
  /** Registration, health, test events, rotation: see src/main/registration. */
  registration: RegistrationService
}

export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiInputs[M]) => ApiOutputs[M] | Promise<ApiOutputs[M]>
}

export class ApiFailure extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID_INPUT' | 'PLATFORM_ERROR',
    message: string,
  ) {
    super(message)
  }
}

const notFound = (what: string): never => {
  throw new ApiFailure('NOT_FOUND', `${what} not found`)
}

export function createHandlers(deps: HandlerDeps): ApiHandlers {
  const { db, sources, bus, clock } = deps
  const summaryOrThrow = (id: string) => getSummary(db, id) ?? notFound('conversation')
  const updateConversation = (id: string, patch: Record<string, unknown>) => {
    const { changes } = db.run(
      db.kysely.updateTable('conversations').set(patch).where('id', '=', id),
    )
    if (changes === 0) notFound('conversation')
    const summary = summaryOrThrow(id)
    bus.emit({ type: 'conversation.updated', conversation: summary })
    return summary
  }
  return {
    appInfo: () => deps.info(),
    getSettings: () => loadSettings(db),
    updateSettings: (patch: Partial<Settings>) => saveSettings(db, patch),
    listSources: () => sources.rows().map((row) => sources.view(row, deps.webhookBase())),
    ...sourceOperations(deps.registration),
    revealSecret: ({ id }) => ({ secrets: sources.secretsOf(sources.row(id)) }),
    listDeliveries: ({ sourceId, limit }) => listDeliveries(db, sourceId, limit ?? 100),
    listInbox: (query) => listInbox(db, query),
    getConversation: ({ id }) => getConversation(db, id) ?? notFound('conversation'),
    setConversationStatus: ({ id, status }) => updateConversation(id, { status }),
    assignConversation: ({ id, assignee }) => updateConversation(id, { assignee }),
    markRead: ({ id }) => updateConversation(id, { unread: 0 }),
    addNote: ({ conversationId, body }) => {
      summaryOrThrow(conversationId)
      const now = clock()
      const author = loadSettings(db).agentName || null
      const { lastInsertRowid } = db.run(
        db.kysely
          .insertInto('notes')
          .values({ conversation_id: conversationId, body, author, created_at: now }),
      )
      updateConversation(conversationId, { last_activity_at: now })
      return toNote({ id: Number(lastInsertRowid), body, author, created_at: now })
    },
  }
}

/** The single entry both transports use: validate, run, and turn errors into data. */
export async function dispatch(
  handlers: ApiHandlers,
  method: string,
  input: unknown,
): Promise<ApiResult<unknown>> {
  if (!Object.hasOwn(inputSchemas, method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `unknown method ${method}` } }
  }
  const m = method as ApiMethod
  const parsed = inputSchemas[m].safeParse(input === null ? undefined : input)
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
      .join('; ')
    return { ok: false, error: { code: 'INVALID_INPUT', message } }
  }
  try {
    const handler = handlers[m] as (input: unknown) => unknown
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof ApiFailure || error instanceof SourceError) {
      return { ok: false, error: { code: error.code, message: error.message } }
    }
    return {
      ok: false,
      error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
    }
  }
}
