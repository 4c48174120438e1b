// In-process fan-out of live API events to whichever transports are attached (SSE clients,
// the Electron window). Listeners must not throw into the ingest path.
import type { ApiEvent } from '../../shared/api'

export type ApiEventListener = (event: ApiEvent) => void
export type ApiEventType = ApiEvent['type']

export class EventBus {
  /** Each listener with the event types it wants (null: all of them). */
  private readonly listeners = new Map<ApiEventListener, ReadonlySet<ApiEventType> | null>()

  /**
   * `types` narrows what a listener receives; an internal listener that names its types lets
   * the ingest path skip building events that no one would read (see hasListeners).
   */
  subscribe(listener: ApiEventListener, types?: readonly ApiEventType[]): () => void {
    this.listeners.set(listener, types ? new Set(types) : null)
    return () => this.listeners.delete(listener)
  }

  /** Whether an event of this type would reach anyone: building one costs database reads. */
  hasListeners(type: ApiEventType): boolean {
    for (const types of this.listeners.values()) {
      if (!types || types.has(type)) return true
    }
    return false
  }

  emit(event: ApiEvent): void {
    for (const [listener, types] of this.listeners) {
      if (types && !types.has(event.type)) continue
      try {
        listener(event)
      } catch {
        // A broken subscriber must never break ingest.
      }
    }
  }
}
