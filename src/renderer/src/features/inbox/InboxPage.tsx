// The inbox: conversations ordered by last activity, with empty states that teach.
import { StageBadge } from '../../components/StageBadge'
import { formatMoney, formatRelative, useLocale, useT } from '../../i18n'
import { useStore } from '../../store'

export function InboxPage() {
  const t = useT()
  const locale = useLocale()
  const conversations = useStore((s) => s.conversations)
  const total = useStore((s) => s.conversationTotal)
  const sources = useStore((s) => s.sources)
  const sourcesLoaded = useStore((s) => s.sourcesLoaded)
  const setPage = useStore((s) => s.setPage)

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <header className="page-header">
        <h1 id="inbox-title">{t('inbox.title')}</h1>
        <span className="muted" data-testid="inbox-count">
          {t('inbox.count', { count: total })}
        </span>
      </header>
      {sourcesLoaded && sources.length === 0 ? (
        <div className="empty">
          <p>{t('inbox.empty.noSources')}</p>
          <button type="button" className="primary" onClick={() => setPage('sources')}>
            {t('inbox.empty.noSourcesAction')}
          </button>
        </div>
      ) : conversations.length === 0 ? (
        <p className="empty">{t('inbox.empty.noEvents')}</p>
      ) : (
        <ul className="conversation-list">
          {conversations.map((c) => (
            <li key={c.id} className="conversation-row">
              <div className="row-top">
                <strong>{c.title}</strong>
                <time dateTime={c.lastActivityAt}>{formatRelative(c.lastActivityAt, locale)}</time>
              </div>
              <div className="row-bottom">
                {c.lastStage ? <StageBadge stage={c.lastStage} /> : null}
                {c.lastTotalMinor !== null && c.lastCurrency ? (
                  <span className="amount">
                    {formatMoney(c.lastTotalMinor, c.lastCurrency, locale)}
                  </span>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
