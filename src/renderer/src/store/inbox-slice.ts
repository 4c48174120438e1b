// The inbox list: the current page of conversation summaries, kept ordered by last activity
// and updated live as events arrive.
import type { StateCreator } from 'zustand'
import type { ConversationSummary, InboxQuery } from '../../../shared/api'
import { api } from '../api/client'
import type { StoreState } from '.'

export interface InboxSlice {
  conversations: ConversationSummary[]
  conversationTotal: number
  inboxQuery: InboxQuery
  inboxLoading: boolean
  inboxError: string | null
  selectedConversationId: string | null
  loadInbox(query?: InboxQuery): Promise<void>
  upsertConversation(summary: ConversationSummary): void
  selectConversation(id: string | null): void
}

const byActivity = (a: ConversationSummary, b: ConversationSummary) =>
  b.lastActivityAt.localeCompare(a.lastActivityAt) || a.id.localeCompare(b.id)

export const createInboxSlice: StateCreator<StoreState, [], [], InboxSlice> = (set, get) => ({
  conversations: [],
  conversationTotal: 0,
  inboxQuery: {},
  inboxLoading: false,
  inboxError: null,
  selectedConversationId: null,
  async loadInbox(query) {
    const q = query ?? get().inboxQuery
    set({ inboxLoading: true, inboxQuery: q })
    const result = await api().listInbox({ ...q, limit: 200 })
    if (!result.ok) return set({ inboxLoading: false, inboxError: result.error.message })
    set({
      inboxLoading: false,
      inboxError: null,
      conversations: result.value.items,
      conversationTotal: result.value.total,
    })
  },
  upsertConversation(summary) {
    set((s) => {
      const exists = s.conversations.some((c) => c.id === summary.id)
      const next = exists
        ? s.conversations.map((c) => (c.id === summary.id ? summary : c))
        : [summary, ...s.conversations]
      return {
        conversations: next.sort(byActivity),
        conversationTotal: exists ? s.conversationTotal : s.conversationTotal + 1,
      }
    })
  },
  selectConversation: (id) => set({ selectedConversationId: id }),
})
