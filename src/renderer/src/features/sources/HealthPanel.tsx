// A source's health: tunnel, last event, what arrived in the last 24 h, what was refused and
// why, duplicate webhooks, registration as last checked, and plain-language warnings.
import { useEffect, useState } from 'react'
import type { HealthWarning } from '../../../../shared/api'
import { formatDateTime, formatRelative, type T, useLocale, useT } from '../../i18n'
import { useStore } from '../../store'
import { RegistrationStatus } from './RegistrationStatus'

export function HealthPanel({ sourceId }: { sourceId: string }) {
  const t = useT()
  const locale = useLocale()
  const health = useStore((s) => s.health[sourceId])
  const loadHealth = useStore((s) => s.loadHealth)
  const checkRegistration = useStore((s) => s.checkRegistration)
  const registerSource = useStore((s) => s.registerSource)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    void loadHealth(sourceId)
  }, [sourceId, loadHealth])
  if (!health) return <p className="muted">{t('common.loading')}</p>

  const run = async (call: (id: string) => Promise<unknown>) => {
    setBusy(true)
    await call(sourceId)
    await loadHealth(sourceId)
    setBusy(false)
  }
  const d = health.deliveries24h
  const manual = health.registration.mode === 'manual'
  return (
    <div className="src-health" data-testid="source-health">
      {health.warnings.length === 0 ? (
        <p className="src-success">{t('sources.health.allGood')}</p>
      ) : (
        <ul className="src-warnings">
          {health.warnings.map((w) => (
            <li key={w.code}>{warningText(t, w)}</li>
          ))}
        </ul>
      )}
      <dl className="facts">
        <dt>{t('sources.health.tunnel')}</dt>
        <dd>{t(`sources.tunnel.${health.tunnel.state}`)}</dd>
        <dt>{t('sources.health.lastEvent')}</dt>
        <dd>
          {health.lastEventAt ? formatRelative(health.lastEventAt, locale) : t('sources.never')}
        </dd>
        <dt>{t('sources.health.deliveries')}</dt>
        <dd>
          {t('sources.health.deliveriesValue', {
            total: d.total,
            stored: d.stored,
            duplicate: d.duplicate,
            refused: d.refused,
          })}
        </dd>
        <dt>{t('sources.health.registration')}</dt>
        <dd>
          <RegistrationStatus view={health.registration} />
        </dd>
      </dl>
      {health.refusals.length > 0 && (
        <>
          <h4>{t('sources.health.refusals')}</h4>
          <ul className="src-refusals">
            {health.refusals.map((r) => (
              <li key={`${r.at}-${r.outcome}`}>
                <span className="muted small">{formatDateTime(r.at, locale)}</span> HTTP{' '}
                {r.httpStatus} · {r.reason ?? r.outcome}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="src-actions">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void run(loadHealth)}
        >
          {t('sources.health.refresh')}
        </button>
        {!manual ? (
          <>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void run(checkRegistration)}
            >
              {t('sources.health.check')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void run(registerSource)}
            >
              {t('sources.health.reregister')}
            </button>
          </>
        ) : health.registration.status === 'needs_manual_update' ? (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void run(registerSource)}
          >
            {t('sources.health.pasted')}
          </button>
        ) : null}
      </div>
    </div>
  )
}

function warningText(t: T, w: HealthWarning): string {
  switch (w.code) {
    case 'no_events':
      return t('sources.warn.no_events', { hours: w.hours ?? 0 })
    case 'refusals':
      return t('sources.warn.refusals', { count: w.count ?? 0, detail: w.detail ?? '' })
    case 'registration_failed':
      return t('sources.warn.registration_failed', { detail: w.detail ?? '' })
    case 'duplicate_config':
      return t('sources.warn.duplicate_config')
    default:
      return t(`sources.warn.${w.code}`)
  }
}
