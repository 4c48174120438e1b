// One line saying where a source's webhook registration stands, in the owner's words.
import type { RegistrationView } from '../../../../shared/api'
import { formatRelative, useLocale, useT } from '../../i18n'

export function registrationKind(status: string | null): 'ok' | 'warn' | 'error' | 'none' {
  if (!status || status === 'unregistered') return 'none'
  if (status === 'registered' || status === 'manual') return 'ok'
  if (status === 'needs_manual_update' || status.startsWith('incomplete')) return 'warn'
  return 'error'
}

export function RegistrationStatus({
  view,
}: {
  view: Pick<RegistrationView, 'status' | 'checkedAt'>
}) {
  const t = useT()
  const locale = useLocale()
  const status = view.status
  const kind = registrationKind(status)
  const detail = status?.includes(': ') ? status.slice(status.indexOf(': ') + 2) : ''
  const text =
    status === null
      ? t('sources.reg.none')
      : status === 'registered'
        ? t('sources.reg.registered')
        : status === 'manual'
          ? t('sources.reg.manual')
          : status === 'needs_manual_update'
            ? t('sources.reg.needsManualUpdate')
            : status === 'unregistered'
              ? t('sources.reg.unregistered')
              : status.startsWith('incomplete')
                ? t('sources.reg.incomplete', { detail })
                : t('sources.reg.failed', { detail })
  return (
    <span className={`src-reg src-reg-${kind}`} data-testid="registration-status">
      {text}
      {view.checkedAt ? (
        <span className="muted small">
          {' '}
          · {t('sources.reg.checked', { when: formatRelative(view.checkedAt, locale) })}
        </span>
      ) : null}
    </span>
  )
}
