// Search (name, e-mail, phone in any format, order id) and filters by stage, origin (platform
// or one source) and status. Search waits for a pause in typing before asking the server.
import { useEffect, useState } from 'react'
import { PLATFORMS, type Platform, STAGES, type Stage } from '../../../../shared/events'
import { useT } from '../../i18n'
import type { MessageKey } from '../../i18n/messages'
import { useStore } from '../../store'
import type { InboxFilters as Filters } from '../../store/inbox-slice'

const SEARCH_DEBOUNCE_MS = 200

const STATUS_CHOICES: [Filters['status'], MessageKey][] = [
  [undefined, 'inbox.filter.allStatuses'],
  ['open', 'inbox.status.openPlural'],
  ['resolved', 'inbox.status.resolvedPlural'],
]

const originValue = (q: Filters) =>
  q.sourceId ? `source:${q.sourceId}` : q.platform ? `platform:${q.platform}` : ''

export function InboxFilters() {
  const t = useT()
  const query = useStore((s) => s.inboxQuery)
  const loadInbox = useStore((s) => s.loadInbox)
  const sources = useStore((s) => s.sources)
  const [search, setSearch] = useState(query.search ?? '')

  useEffect(() => {
    const current = useStore.getState().inboxQuery
    if ((current.search ?? '') === search.trim()) return
    const timer = setTimeout(() => {
      void loadInbox({ ...useStore.getState().inboxQuery, search: search.trim() || undefined })
    }, SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [search, loadInbox])

  const apply = (patch: Partial<Filters>) => void loadInbox({ ...query, ...patch })
  const setOrigin = (value: string) => {
    const [kind, id] = value.split(':')
    apply({
      platform: kind === 'platform' ? (id as Platform) : undefined,
      sourceId: kind === 'source' ? id : undefined,
    })
  }
  const filtered = Boolean(
    query.search || query.stage || query.platform || query.sourceId || query.status,
  )

  return (
    <div className="inbox-filters">
      <input
        type="search"
        className="inbox-search"
        aria-label={t('inbox.search')}
        placeholder={t('inbox.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="filter-row">
        <select
          aria-label={t('inbox.filter.stage')}
          value={query.stage ?? ''}
          onChange={(e) => apply({ stage: (e.target.value || undefined) as Stage | undefined })}
        >
          <option value="">{t('inbox.filter.allStages')}</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`stage.${stage}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('inbox.filter.origin')}
          value={originValue(query)}
          onChange={(e) => setOrigin(e.target.value)}
        >
          <option value="">{t('inbox.filter.allOrigins')}</option>
          <optgroup label={t('inbox.filter.platforms')}>
            {PLATFORMS.map((p) => (
              <option key={p} value={`platform:${p}`}>
                {t(`platform.${p}`)}
              </option>
            ))}
          </optgroup>
          {sources.length ? (
            <optgroup label={t('inbox.filter.sources')}>
              {sources.map((s) => (
                <option key={s.id} value={`source:${s.id}`}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('inbox.filter.status')}</legend>
        {STATUS_CHOICES.map(([value, label]) => (
          <button
            key={label}
            type="button"
            aria-pressed={query.status === value}
            onClick={() => apply({ status: value })}
          >
            {t(label)}
          </button>
        ))}
      </fieldset>
      {filtered ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setSearch('')
            void loadInbox({})
          }}
        >
          {t('inbox.filter.clear')}
        </button>
      ) : null}
    </div>
  )
}
