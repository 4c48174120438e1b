// Main navigation between the four pages.
import { useT } from '../i18n'
import type { MessageKey } from '../i18n/messages'
import { useStore } from '../store'
import type { Page } from '../store/app-slice'

const ITEMS: { page: Page; label: MessageKey }[] = [
  { page: 'inbox', label: 'nav.inbox' },
  { page: 'sources', label: 'nav.sources' },
  { page: 'followups', label: 'nav.followups' },
  { page: 'settings', label: 'nav.settings' },
]

export function Nav() {
  const t = useT()
  const current = useStore((s) => s.page)
  const setPage = useStore((s) => s.setPage)
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <div className="brand">{t('app.title')}</div>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.page}>
            <button
              type="button"
              className={item.page === current ? 'nav-item active' : 'nav-item'}
              aria-current={item.page === current ? 'page' : undefined}
              onClick={() => setPage(item.page)}
            >
              {t(item.label)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
