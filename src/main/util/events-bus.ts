// In-process fan-out of live API events to whichever transports are attached (SSE clients,
// the Electron window). Listeners must not throw into the ingest path.
import type { ApiEvent } from '../../shared/api'

export type ApiEventListener = (event: ApiEvent) => void

export class EventBus {
  private readonly listeners = new Set<ApiEventListener>()

  subscribe(listener: ApiEventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(event: ApiEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch {
        // A broken subscriber must never break ingest.
      }
    }
  }
}
