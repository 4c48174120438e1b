// The app shell: navigation on the left, the open page on the right. Boots the store and
// subscribes to live events once.
import { useEffect } from 'react'
import { api } from './api/client'
import { Nav } from './components/Nav'
import { FollowupsPage } from './features/followups/FollowupsPage'
import { InboxPage } from './features/inbox/InboxPage'
import { SettingsPage } from './features/settings/SettingsPage'
import { SourcesPage } from './features/sources/SourcesPage'
import { useT } from './i18n'
import { useStore } from './store'

export function App() {
  const page = useStore((s) => s.page)
  const appError = useStore((s) => s.appError)
  const locale = useStore((s) => s.locale)
  const t = useT()

  useEffect(() => {
    void useStore.getState().boot()
    return api().subscribe((event) => useStore.getState().handleEvent(event))
  }, [])

  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  return (
    <div className="shell">
      <Nav />
      <main className="page" aria-live="polite">
        {appError ? (
          <p role="alert" className="error">
            {t('common.error', { message: appError })}
          </p>
        ) : null}
        {page === 'inbox' && <InboxPage />}
        {page === 'sources' && <SourcesPage />}
        {page === 'followups' && <FollowupsPage />}
        {page === 'settings' && <SettingsPage />}
      </main>
    </div>
  )
}
