// Commerce sources as the renderer sees them (secrets only as hints).
import type { StateCreator } from 'zustand'
import type { SourceView } from '../../../shared/api'
import { api } from '../api/client'
import type { StoreState } from '.'

export interface SourcesSlice {
  sources: SourceView[]
  sourcesLoaded: boolean
  sourcesError: string | null
  loadSources(): Promise<void>
}

export const createSourcesSlice: StateCreator<StoreState, [], [], SourcesSlice> = (set) => ({
  sources: [],
  sourcesLoaded: false,
  sourcesError: null,
  async loadSources() {
    const result = await api().listSources()
    if (!result.ok) return set({ sourcesError: result.error.message, sourcesLoaded: true })
    set({ sources: result.value, sourcesLoaded: true, sourcesError: null })
  },
})
