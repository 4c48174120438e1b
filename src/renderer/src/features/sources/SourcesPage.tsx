// Commerce sources: the list with each source's address, status and actions, and the wizard
// that connects a new store.
import { useState } from 'react'
import { useT } from '../../i18n'
import { useStore } from '../../store'
import { SourceCard } from './SourceCard'
import { SourceWizard } from './SourceWizard'
import './sources.css'

export function SourcesPage() {
  const t = useT()
  const sources = useStore((s) => s.sources)
  const loaded = useStore((s) => s.sourcesLoaded)
  const [wizard, setWizard] = useState(false)
  return (
    <section aria-labelledby="sources-title" className="src-page">
      <header className="page-header">
        <h1 id="sources-title">{t('sources.title')}</h1>
        {!wizard && (
          <button type="button" className="primary" onClick={() => setWizard(true)}>
            {t('sources.connectStore')}
          </button>
        )}
      </header>
      {wizard && <SourceWizard onClose={() => setWizard(false)} />}
      {wizard ? null : loaded && sources.length === 0 ? (
        <div className="empty">
          <p>{t('sources.empty')}</p>
          <p className="muted">{t('sources.emptyHint')}</p>
        </div>
      ) : (
        <ul className="src-list">
          {sources.map((s) => (
            <SourceCard key={s.id} source={s} />
          ))}
        </ul>
      )}
    </section>
  )
}
