// Commerce sources: each with its webhook URL and last event.
import { formatRelative, useLocale, useT } from '../../i18n'
import { useStore } from '../../store'

export function SourcesPage() {
  const t = useT()
  const locale = useLocale()
  const sources = useStore((s) => s.sources)
  return (
    <section aria-labelledby="sources-title">
      <header className="page-header">
        <h1 id="sources-title">{t('sources.title')}</h1>
      </header>
      {sources.length === 0 ? (
        <p className="empty">{t('sources.empty')}</p>
      ) : (
        <ul className="source-list">
          {sources.map((s) => (
            <li key={s.id} className="source-row">
              <strong>{s.name}</strong>{' '}
              <span className={`platform platform-${s.platform}`}>{s.platform}</span>
              <div className="muted">
                {t('sources.webhookUrl')}: <code>{s.webhookUrl}</code>
              </div>
              <div className="muted">
                {t('sources.lastEvent')}:{' '}
                {s.lastEventAt ? formatRelative(s.lastEventAt, locale) : t('sources.never')}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
