// The inbox slice against a fake API: pages load on demand, live updates move a conversation to
// the top, and the open conversation refreshes and is marked read.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { setApi } from '../../src/renderer/src/api/client'
import { NoEvents, NoSources } from '../../src/renderer/src/features/inbox/InboxEmpty'
import { useStore } from '../../src/renderer/src/store'
import type { ConversationSummary, InboxQuery, RecuperaApi, SourceView } from '../../src/shared/api'
import { setLocale } from './support'

const summary = (i: number, patch: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id: `v${String(i).padStart(5, '0')}`,
  contactId: `c${i}`,
  title: `Pessoa ${i}`,
  contactName: `Pessoa ${i}`,
  contactPhone: null,
  contactEmail: null,
  status: 'open',
  assignee: null,
  lastActivityAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  lastStage: 'pix_generated',
  lastTotalMinor: 100,
  lastCurrency: 'BRL',
  lastPlatform: 'kiwify',
  unread: 0,
  ...patch,
})

function fakeApi(count: number) {
  const all = Array.from({ length: count }, (_, i) => summary(count - i))
  const listInbox = vi.fn(async (q: InboxQuery) => ({
    ok: true as const,
    value: {
      items: all.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 100)),
      total: all.length,
      unreadConversations: 0,
    },
  }))
  const markRead = vi.fn(async ({ id }: { id: string }) => ({
    ok: true as const,
    value: summary(Number(id.slice(1)), { unread: 0 }),
  }))
  const getConversation = vi.fn(async ({ id }: { id: string }) => ({
    ok: true as const,
    value: {
      conversation: summary(Number(id.slice(1)), { unread: 2 }),
      contact: { id: 'c', name: null, email: null, phone: null, documentMasked: null },
      timeline: [],
      orders: [],
      lifetimeValue: [],
      platforms: [],
    },
  }))
  setApi({ listInbox, markRead, getConversation } as unknown as RecuperaApi)
  return { listInbox, markRead, getConversation }
}

beforeEach(() => {
  setLocale('pt-BR')
  useStore.setState({ inboxRows: [], selectedConversationId: null, conversation: null })
})

describe('inbox store', () => {
  it('holds one slot per conversation but fetches only the pages asked for', async () => {
    const api = fakeApi(50_000)
    await useStore.getState().loadInbox({})
    const rows = useStore.getState().inboxRows
    expect(rows).toHaveLength(50_000)
    expect(rows[99]?.title).toBe('Pessoa 49901')
    expect(rows[100]).toBeNull()
    useStore.getState().ensureInboxRange(30_010, 30_030)
    useStore.getState().ensureInboxRange(30_010, 30_030)
    await vi.waitFor(() => expect(useStore.getState().inboxRows[30_020]).not.toBeNull())
    expect(api.listInbox).toHaveBeenCalledTimes(2)
    expect(api.listInbox).toHaveBeenLastCalledWith({ limit: 100, offset: 30_000 })
  })

  it('moves a conversation with new activity to the top and counts a new one', async () => {
    fakeApi(3)
    await useStore.getState().loadInbox({})
    const titles = () => useStore.getState().inboxRows.map((c) => c?.title)
    expect(titles()).toEqual(['Pessoa 3', 'Pessoa 2', 'Pessoa 1'])
    useStore
      .getState()
      .upsertConversation(summary(1, { lastActivityAt: '2026-02-01T00:00:00Z', unread: 1 }))
    expect(titles()).toEqual(['Pessoa 1', 'Pessoa 3', 'Pessoa 2'])
    expect(useStore.getState().unreadConversations).toBe(1)
    useStore.getState().upsertConversation(summary(9, { lastActivityAt: '2026-03-01T00:00:00Z' }))
    expect(titles()).toEqual(['Pessoa 9', 'Pessoa 1', 'Pessoa 3', 'Pessoa 2'])
    expect(useStore.getState().conversationTotal).toBe(4)
  })

  it('drops a conversation that no longer matches the stage filter', async () => {
    fakeApi(2)
    await useStore.getState().loadInbox({ stage: 'pix_generated' })
    useStore.getState().upsertConversation(summary(2, { lastStage: 'purchase_approved' }))
    expect(useStore.getState().inboxRows.map((c) => c?.title)).toEqual(['Pessoa 1'])
  })

  it('marks the opened conversation read and refreshes it on new activity', async () => {
    const api = fakeApi(2)
    await useStore.getState().loadInbox({})
    useStore.getState().selectConversation('v00002')
    await vi.waitFor(() => expect(api.markRead).toHaveBeenCalledWith({ id: 'v00002' }))
    useStore
      .getState()
      .upsertConversation(summary(2, { lastActivityAt: '2026-05-01T00:00:00Z', unread: 1 }))
    await vi.waitFor(() => expect(api.getConversation).toHaveBeenCalledTimes(2))
  })
})

describe('inbox empty states', () => {
  it('sends a shop without sources to the Sources page', async () => {
    render(<NoSources />)
    await userEvent.click(screen.getByRole('button', { name: 'Conectar uma loja' }))
    expect(useStore.getState().page).toBe('sources')
  })

  it('teaches how to send a test event, with the webhook URL to copy', () => {
    useStore.setState({
      sources: [
        { id: 's1', name: 'Loja', webhookUrl: 'http://127.0.0.1:4010/hooks/abc' } as SourceView,
      ],
    })
    render(<NoEvents />)
    expect(screen.getByText('Como enviar um evento de teste')).toBeInTheDocument()
    expect(screen.getByText('http://127.0.0.1:4010/hooks/abc')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copiar: Loja' })).toBeInTheDocument()
  })
})
