// App-wide state: which page is open, the locale, app info and settings, live events.
import type { StateCreator } from 'zustand'
import type { ApiEvent, AppInfo, Locale, Settings } from '../../../shared/api'
import { api } from '../api/client'
import type { StoreState } from '.'

export type Page = 'inbox' | 'sources' | 'followups' | 'settings'

export interface AppSlice {
  page: Page
  locale: Locale
  info: AppInfo | null
  settings: Settings | null
  appError: string | null
  setPage(page: Page): void
  boot(): Promise<void>
  setLocale(locale: Locale): Promise<void>
  /** Saves other settings (abandonment delay, agent name); returns an error message or null. */
  saveSettings(patch: Partial<Settings>): Promise<string | null>
  handleEvent(event: ApiEvent): void
}

export const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set, get) => ({
  page: 'inbox',
  locale: 'pt-BR',
  info: null,
  settings: null,
  appError: null,
  setPage: (page) => set({ page }),
  async boot() {
    const [info, settings] = await Promise.all([api().appInfo(), api().getSettings()])
    if (!info.ok) return set({ appError: info.error.message })
    if (!settings.ok) return set({ appError: settings.error.message })
    set({
      info: info.value,
      settings: settings.value,
      locale: settings.value.locale,
      appError: null,
    })
    await Promise.all([get().loadInbox(), get().loadSources()])
  },
  async saveSettings(patch) {
    const result = await api().updateSettings(patch)
    if (!result.ok) return result.error.message
    set({ settings: result.value })
    return null
  },
  async setLocale(locale) {
    set({ locale })
    const result = await api().updateSettings({ locale })
    if (result.ok) set({ settings: result.value })
  },
  handleEvent(event) {
    switch (event.type) {
      case 'event.created':
        if (event.conversation) get().upsertConversation(event.conversation)
        return
      case 'conversation.updated':
        get().upsertConversation(event.conversation)
        return
      case 'sources.changed':
        void get().loadSources()
        return
      case 'tunnel.status':
        set((s) =>
          s.info
            ? { info: { ...s.info, tunnel: event.status, publicUrl: event.status.publicUrl } }
            : {},
        )
        return
      case 'delivery.logged':
        return
    }
  },
})
