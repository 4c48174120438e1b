// The open conversation: its timeline, orders and contact, refreshed live when the inbox learns
// it changed, and the agent's commands on it (status, assignee, notes, read marker).
import type { StateCreator } from 'zustand'
import type {
  ApiResult,
  ConversationDetail,
  ConversationStatus,
  ConversationSummary,
} from '../../../shared/api'
import { api } from '../api/client'
import type { StoreState } from '.'

const REFRESH_DEBOUNCE_MS = 60

export interface ConversationSlice {
  conversation: ConversationDetail | null
  conversationLoading: boolean
  conversationError: string | null
  openConversation(id: string | null): Promise<void>
  /** Called by the inbox when the open conversation's summary changed. */
  conversationChanged(summary: ConversationSummary): void
  setConversationStatus(status: ConversationStatus): Promise<void>
  assignConversation(assignee: string | null): Promise<void>
  addNote(body: string): Promise<boolean>
}

const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden'

export const createConversationSlice: StateCreator<StoreState, [], [], ConversationSlice> = (
  set,
  get,
) => {
  let request = 0
  let refreshTimer: ReturnType<typeof setTimeout> | null = null

  const load = async (id: string) => {
    const mine = ++request
    const result = await api().getConversation({ id })
    if (mine !== request || get().selectedConversationId !== id) return
    if (!result.ok) {
      return set({ conversationLoading: false, conversationError: result.error.message })
    }
    set({ conversation: result.value, conversationLoading: false, conversationError: null })
    // The agent is looking at it: whatever arrived is read.
    if (result.value.conversation.unread > 0 && visible()) void markRead(id)
  }

  const markRead = async (id: string) => {
    const result = await api().markRead({ id })
    if (result.ok) get().upsertConversation(result.value)
  }

  const command = async (
    run: (id: string) => Promise<ApiResult<ConversationSummary>>,
  ): Promise<ConversationSummary | null> => {
    const id = get().selectedConversationId
    if (!id) return null
    const result = await run(id)
    if (!result.ok) {
      set({ conversationError: result.error.message })
      return null
    }
    get().upsertConversation(result.value)
    return result.value
  }

  return {
    conversation: null,
    conversationLoading: false,
    conversationError: null,

    async openConversation(id) {
      if (refreshTimer) clearTimeout(refreshTimer)
      if (!id) {
        request++
        return set({ conversation: null, conversationLoading: false, conversationError: null })
      }
      const current = get().conversation
      set({
        conversation: current?.conversation.id === id ? current : null,
        conversationLoading: true,
        conversationError: null,
      })
      await load(id)
    },

    conversationChanged(summary) {
      const detail = get().conversation
      if (!detail || detail.conversation.id !== summary.id) return
      if (detail.conversation.lastActivityAt === summary.lastActivityAt) {
        set({ conversation: { ...detail, conversation: summary } })
        return
      }
      // New activity (an event or a note): fetch the timeline again, once per burst.
      if (refreshTimer) clearTimeout(refreshTimer)
      refreshTimer = setTimeout(() => {
        refreshTimer = null
        if (get().selectedConversationId === summary.id) void load(summary.id)
      }, REFRESH_DEBOUNCE_MS)
    },

    async setConversationStatus(status) {
      await command((id) => api().setConversationStatus({ id, status }))
    },

    async assignConversation(assignee) {
      await command((id) => api().assignConversation({ id, assignee }))
    },

    async addNote(body) {
      const id = get().selectedConversationId
      if (!id || body.trim() === '') return false
      const result = await api().addNote({ conversationId: id, body })
      if (!result.ok) {
        set({ conversationError: result.error.message })
        return false
      }
      await load(id)
      return true
    },
  }
}
