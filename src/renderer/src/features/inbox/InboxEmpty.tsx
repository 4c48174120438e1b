// Empty states that teach: connect a store first; then how to send a test event, with the
// webhook addresses to paste into the platform.
import { CopyButton } from '../../components/CopyButton'
import { useT } from '../../i18n'
import { useStore } from '../../store'

export function NoSources() {
  const t = useT()
  const setPage = useStore((s) => s.setPage)
  return (
    <div className="empty">
      <p>{t('inbox.empty.noSources')}</p>
      <button type="button" className="primary" onClick={() => setPage('sources')}>
        {t('inbox.empty.noSourcesAction')}
      </button>
    </div>
  )
}

export function NoEvents() {
  const t = useT()
  const sources = useStore((s) => s.sources)
  return (
    <div className="empty">
      <p>{t('inbox.empty.noEvents')}</p>
      <h3>{t('inbox.empty.testHow')}</h3>
      <ul className="teach-list">
        <li>{t('inbox.empty.testKiwify')}</li>
        <li>{t('inbox.empty.testHotmart')}</li>
        <li>{t('inbox.empty.testShopify')}</li>
        <li>{t('inbox.empty.testNuvemshop')}</li>
      </ul>
      {sources.length ? (
        <>
          <p>{t('inbox.empty.yourUrls')}</p>
          <ul className="teach-urls">
            {sources.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> <code>{s.webhookUrl}</code>{' '}
                <CopyButton text={s.webhookUrl} label={`${t('common.copy')}: ${s.name}`} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}
