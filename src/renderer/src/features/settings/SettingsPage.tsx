// Settings: language, how the team works, and where the receiver and the data live.
import type { Locale } from '../../../../shared/api'
import { useT } from '../../i18n'
import { useStore } from '../../store'
import { WorkSettings } from './WorkSettings'

export function SettingsPage() {
  const t = useT()
  const locale = useStore((s) => s.locale)
  const info = useStore((s) => s.info)
  const setLocale = useStore((s) => s.setLocale)
  return (
    <section aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <label className="field">
        {t('settings.language')}
        <select value={locale} onChange={(e) => void setLocale(e.target.value as Locale)}>
          <option value="pt-BR">Português (Brasil)</option>
          <option value="en">English</option>
        </select>
      </label>
      <WorkSettings />
      {info ? (
        <dl className="facts">
          <dt>{t('settings.receiver')}</dt>
          <dd>
            <code>{info.publicUrl ?? info.receiverUrl}</code>
          </dd>
          <dt>{t('settings.tunnel')}</dt>
          <dd data-testid="tunnel-state">
            {t(`settings.tunnelState.${info.tunnel.state}`)}
            {info.tunnel.publicUrl ? (
              <>
                {' · '}
                <code>{info.tunnel.publicUrl}</code>
              </>
            ) : null}
            <div className="muted">{t('settings.tunnelHelp')}</div>
          </dd>
          {info.tunnel.reconnects > 0 ? (
            <>
              <dt>{t('settings.tunnelReconnects')}</dt>
              <dd>{info.tunnel.reconnects}</dd>
            </>
          ) : null}
          {info.tunnel.lastError ? (
            <>
              <dt>{t('settings.tunnelError')}</dt>
              <dd className="error">{info.tunnel.lastError}</dd>
            </>
          ) : null}
          <dt>{t('settings.dataDir')}</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
          <dt>{t('settings.version')}</dt>
          <dd>{info.version}</dd>
        </dl>
      ) : null}
    </section>
  )
}
