// Commerce sources as the renderer sees them (secrets only as hints), their health, and the
// actions the source wizard and the source cards call. Every API call lives here.
import type { StateCreator } from 'zustand'
import type {
  ApiResult,
  CreatedSource,
  CreateSourceInput,
  RegistrationView,
  RotatedSecret,
  SourceHealth,
  SourceView,
  TestEventResult,
  UpdateSourceInput,
} from '../../../shared/api'
import type { CommerceEvent } from '../../../shared/events'
import { api } from '../api/client'
import type { StoreState } from '.'

/** What the wizard waits for after a test event: the card, or (Nuvemshop) a verified delivery. */
export type TestArrival =
  | { kind: 'event'; event: CommerceEvent }
  | { kind: 'delivery'; outcome: string; verified: boolean; reason: string | null }

export interface SourcesSlice {
  sources: SourceView[]
  sourcesLoaded: boolean
  sourcesError: string | null
  health: Record<string, SourceHealth>
  loadSources(): Promise<void>
  createSource(input: CreateSourceInput): Promise<ApiResult<CreatedSource>>
  updateSource(input: UpdateSourceInput): Promise<ApiResult<SourceView>>
  removeSource(id: string): Promise<ApiResult<{ removed: boolean }>>
  revealSecret(id: string): Promise<ApiResult<{ secrets: string[] }>>
  registerSource(id: string): Promise<ApiResult<RegistrationView>>
  checkRegistration(id: string): Promise<ApiResult<RegistrationView>>
  sendTestEvent(id: string): Promise<ApiResult<TestEventResult>>
  rotateSecret(id: string, secret?: string): Promise<ApiResult<RotatedSecret>>
  confirmRotation(id: string): Promise<ApiResult<SourceView>>
  loadHealth(id: string): Promise<void>
  /** Calls back when a new event (or delivery) for the source arrives; returns unsubscribe. */
  watchSource(id: string, onArrival: (arrival: TestArrival) => void): () => void
}

export const createSourcesSlice: StateCreator<StoreState, [], [], SourcesSlice> = (set, get) => {
  /** Runs a call and refreshes the list when it changed something. */
  const mutate = async <T>(call: Promise<ApiResult<T>>): Promise<ApiResult<T>> => {
    const result = await call
    if (result.ok) await get().loadSources()
    return result
  }
  return {
    sources: [],
    sourcesLoaded: false,
    sourcesError: null,
    health: {},
    async loadSources() {
      const result = await api().listSources()
      if (!result.ok) return set({ sourcesError: result.error.message, sourcesLoaded: true })
      set({ sources: result.value, sourcesLoaded: true, sourcesError: null })
    },
    createSource: (input) => mutate(api().createSource(input)),
    updateSource: (input) => mutate(api().updateSource(input)),
    removeSource: (id) => mutate(api().removeSource({ id })),
    revealSecret: (id) => api().revealSecret({ id }),
    registerSource: (id) => mutate(api().registerSource({ id })),
    checkRegistration: (id) => mutate(api().checkRegistration({ id })),
    sendTestEvent: (id) => api().sendTestEvent({ id }),
    rotateSecret: (id, secret) => mutate(api().rotateSecret(secret ? { id, secret } : { id })),
    confirmRotation: (id) => mutate(api().confirmRotation({ id })),
    async loadHealth(id) {
      const result = await api().sourceHealth({ id })
      if (result.ok) set((s) => ({ health: { ...s.health, [id]: result.value } }))
      // Health and the list share facts (last event, registration): keep them in step.
      await get().loadSources()
    },
    watchSource(id, onArrival) {
      return api().subscribe((event) => {
        if (event.type === 'event.created' && event.event.sourceId === id)
          onArrival({ kind: 'event', event: event.event })
        if (event.type === 'delivery.logged' && event.sourceId === id)
          onArrival({
            kind: 'delivery',
            outcome: event.delivery.outcome,
            verified: event.delivery.verified,
            reason: event.delivery.reason,
          })
      })
    },
  }
}
