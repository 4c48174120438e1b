// The inbox list: a sparse window over the server's ordered conversation list. `inboxRows` has
// one slot per conversation matching the filters (null until its page is fetched), so the
// virtualized list can scroll 50,000 rows while only the visible pages are ever loaded. Live
// updates move a conversation to its place by last activity without a reload.
import type { StateCreator } from 'zustand'
import type { ConversationSummary, InboxQuery } from '../../../shared/api'
import { api } from '../api/client'
import type { StoreState } from '.'

export const INBOX_PAGE = 100
const COUNTS_DEBOUNCE_MS = 400

/** Filters and search; paging is the slice's business. */
export type InboxFilters = Omit<InboxQuery, 'limit' | 'offset'>

export interface InboxSlice {
  inboxRows: (ConversationSummary | null)[]
  conversationTotal: number
  /** Conversations with unread activity, all filters ignored (for the tray badge). */
  unreadConversations: number
  inboxQuery: InboxFilters
  inboxLoading: boolean
  inboxLoaded: boolean
  inboxError: string | null
  selectedConversationId: string | null
  loadInbox(query?: InboxFilters): Promise<void>
  /** Fetches the pages covering rows start..end that are not loaded yet. */
  ensureInboxRange(start: number, end: number): void
  upsertConversation(summary: ConversationSummary): void
  selectConversation(id: string | null): void
}

/** Server order: last activity, then id, both descending. */
export const byActivity = (a: ConversationSummary, b: ConversationSummary) =>
  b.lastActivityAt.localeCompare(a.lastActivityAt) || b.id.localeCompare(a.id)

/** Whether a summary belongs in a list with these filters (search is the server's call). */
export function matchesFilters(c: ConversationSummary, q: InboxFilters): boolean {
  if (q.status && c.status !== q.status) return false
  if (q.stage && c.lastStage !== q.stage) return false
  if (q.platform && c.lastPlatform !== q.platform) return false
  return true
}

/** Writes a fetched page at its offset; drops copies of the same ids elsewhere. */
function placePage(
  rows: (ConversationSummary | null)[],
  items: ConversationSummary[],
  offset: number,
  total: number,
): (ConversationSummary | null)[] {
  const next = resize(rows, total)
  const ids = new Set(items.map((c) => c.id))
  for (let i = 0; i < next.length; i++) {
    const row = next[i]
    if (row && ids.has(row.id) && (i < offset || i >= offset + items.length)) next[i] = null
  }
  items.forEach((item, i) => {
    if (offset + i < next.length) next[offset + i] = item
  })
  return next
}

function resize(rows: (ConversationSummary | null)[], total: number) {
  const next = rows.slice(0, total)
  while (next.length < total) next.push(null)
  return next
}

export const createInboxSlice: StateCreator<StoreState, [], [], InboxSlice> = (set, get) => {
  let generation = 0
  const inFlight = new Set<number>()
  /** The first page being fetched, so a second identical request joins it. */
  let loading: { key: string; promise: Promise<void> } | null = null
  let countsTimer: ReturnType<typeof setTimeout> | null = null

  const fetchPage = async (page: number) => {
    const gen = generation
    inFlight.add(page)
    const offset = page * INBOX_PAGE
    const result = await api().listInbox({ ...get().inboxQuery, limit: INBOX_PAGE, offset })
    if (gen !== generation) return
    inFlight.delete(page)
    if (!result.ok) return set({ inboxError: result.error.message })
    const { items, total, unreadConversations } = result.value
    set((s) => ({
      inboxRows: placePage(s.inboxRows, items, offset, total),
      conversationTotal: total,
      unreadConversations,
    }))
  }

  const loadFirstPage = async (q: InboxFilters) => {
    const gen = ++generation
    inFlight.clear()
    set({ inboxLoading: true, inboxQuery: q })
    const result = await api().listInbox({ ...q, limit: INBOX_PAGE, offset: 0 })
    if (gen !== generation) return
    if (!result.ok) return set({ inboxLoading: false, inboxError: result.error.message })
    const { items, total, unreadConversations } = result.value
    set({
      inboxLoading: false,
      inboxLoaded: true,
      inboxError: null,
      inboxRows: placePage([], items, 0, total),
      conversationTotal: total,
      unreadConversations,
    })
  }

  /** Live updates guess the counts; the server settles them shortly after. */
  const refreshCounts = () => {
    if (countsTimer) clearTimeout(countsTimer)
    countsTimer = setTimeout(async () => {
      countsTimer = null
      const gen = generation
      const result = await api().listInbox({ ...get().inboxQuery, limit: 1, offset: 0 })
      if (!result.ok || gen !== generation) return
      const { total, unreadConversations } = result.value
      set((s) => ({
        inboxRows: resize(s.inboxRows, total),
        conversationTotal: total,
        unreadConversations,
      }))
    }, COUNTS_DEBOUNCE_MS)
  }

  return {
    inboxRows: [],
    conversationTotal: 0,
    unreadConversations: 0,
    inboxQuery: {},
    inboxLoading: false,
    inboxLoaded: false,
    inboxError: null,
    selectedConversationId: null,

    loadInbox(query) {
      const q = query ?? get().inboxQuery
      const key = JSON.stringify(q)
      if (loading?.key === key) return loading.promise
      const promise = loadFirstPage(q).finally(() => {
        if (loading?.promise === promise) loading = null
      })
      loading = { key, promise }
      return promise
    },

    ensureInboxRange(start, end) {
      const rows = get().inboxRows
      const last = Math.min(end, rows.length - 1)
      for (let page = Math.floor(start / INBOX_PAGE); page * INBOX_PAGE <= last; page++) {
        if (inFlight.has(page)) continue
        const from = page * INBOX_PAGE
        const to = Math.min(from + INBOX_PAGE, rows.length)
        for (let i = from; i < to; i++) {
          if (rows[i] === null) {
            void fetchPage(page)
            break
          }
        }
      }
    },

    upsertConversation(summary) {
      const q = get().inboxQuery
      set((s) => {
        const rows = s.inboxRows.slice()
        const at = rows.findIndex((c) => c?.id === summary.id)
        const before = at >= 0 ? rows[at]! : null
        const wasUnread = before ? before.unread > 0 : false
        const unreadConversations = Math.max(
          0,
          s.unreadConversations + Number(summary.unread > 0) - Number(wasUnread),
        )
        // Search and source filters are decided by the server: only rows already listed follow.
        if (!matchesFilters(summary, q) || ((q.search || q.sourceId) && at < 0)) {
          if (at >= 0) rows.splice(at, 1)
          return {
            inboxRows: rows,
            conversationTotal: rows.length,
            unreadConversations,
          }
        }
        if (before && before.lastActivityAt === summary.lastActivityAt) {
          rows[at] = summary
          return { inboxRows: rows, unreadConversations }
        }
        if (at >= 0) rows.splice(at, 1)
        let place = 0
        while (place < rows.length && rows[place] && byActivity(rows[place]!, summary) < 0) place++
        rows.splice(place, 0, summary)
        return { inboxRows: rows, conversationTotal: rows.length, unreadConversations }
      })
      refreshCounts()
      if (summary.id === get().selectedConversationId) get().conversationChanged(summary)
    },

    selectConversation(id) {
      set({ selectedConversationId: id })
      void get().openConversation(id)
    },
  }
}
