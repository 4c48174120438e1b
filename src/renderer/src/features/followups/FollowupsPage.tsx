// Placeholder page for event-triggered follow-up sequences (a later issue).
import { useT } from '../../i18n'

export function FollowupsPage() {
  const t = useT()
  return (
    <section aria-labelledby="followups-title">
      <header className="page-header">
        <h1 id="followups-title">{t('followups.title')}</h1>
      </header>
      <p className="empty">{t('followups.soon')}</p>
    </section>
  )
}
