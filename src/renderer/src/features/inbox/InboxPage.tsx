// The inbox: conversation list (left), the open conversation's timeline (center) and the
// contact (right), all live. Empty states teach the next step.
import { useEffect } from 'react'
import { useLocale, useT } from '../../i18n'
import { useStore } from '../../store'
import { ContactPanel } from '../conversation/ContactPanel'
import { ConversationView } from '../conversation/ConversationView'
import { NoEvents, NoSources } from './InboxEmpty'
import { InboxFilters } from './InboxFilters'
import { InboxList } from './InboxList'

export function InboxPage() {
  const t = useT()
  const locale = useLocale()
  const count = (n: number) => new Intl.NumberFormat(locale).format(n)
  const total = useStore((s) => s.conversationTotal)
  const unread = useStore((s) => s.unreadConversations)
  const loaded = useStore((s) => s.inboxLoaded)
  const query = useStore((s) => s.inboxQuery)
  const sources = useStore((s) => s.sources)
  const sourcesLoaded = useStore((s) => s.sourcesLoaded)
  const filtered = Boolean(
    query.search || query.stage || query.platform || query.sourceId || query.status,
  )
  const noSources = sourcesLoaded && sources.length === 0 && total === 0 && !filtered
  const noEvents = loaded && total === 0 && !filtered

  // The list does not wait for settings: first paint of the inbox is what the agent waits for.
  useEffect(() => {
    if (!useStore.getState().inboxLoaded) void useStore.getState().loadInbox()
  }, [])

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <header className="page-header">
        <h1 id="inbox-title">{t('inbox.title')}</h1>
        <span className="muted" data-testid="inbox-count">
          {total === 1 ? t('inbox.countOne') : t('inbox.count', { count: count(total) })}
        </span>
        {unread > 0 ? (
          <span className="badge unread-badge" data-testid="inbox-unread">
            {unread === 1 ? t('inbox.unreadOne') : t('inbox.unreadCount', { count: count(unread) })}
          </span>
        ) : null}
      </header>
      {noSources ? (
        <NoSources />
      ) : noEvents ? (
        <NoEvents />
      ) : (
        <div className="inbox-layout">
          <div className="inbox-column">
            <InboxFilters />
            {total === 0 && loaded ? (
              <p className="empty small">{t('inbox.empty.filtered')}</p>
            ) : (
              <InboxList />
            )}
          </div>
          <OpenConversation />
        </div>
      )}
    </section>
  )
}

function OpenConversation() {
  const t = useT()
  const detail = useStore((s) => s.conversation)
  const selectedId = useStore((s) => s.selectedConversationId)
  const loading = useStore((s) => s.conversationLoading)
  const error = useStore((s) => s.conversationError)
  if (!selectedId) {
    return <p className="conversation-placeholder muted">{t('inbox.selectPrompt')}</p>
  }
  if (!detail || detail.conversation.id !== selectedId) {
    return (
      <p className="conversation-placeholder muted" role="status">
        {error ? t('common.error', { message: error }) : loading ? t('conversation.loading') : ''}
      </p>
    )
  }
  return (
    <>
      <ConversationView key={detail.conversation.id} detail={detail} />
      <ContactPanel detail={detail} />
    </>
  )
}
