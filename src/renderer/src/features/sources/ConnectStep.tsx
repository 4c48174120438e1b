// Wizard step 3: the address and secret to paste into the platform (with copy buttons), then
// either automatic registration through the platform's API or step-by-step manual instructions.
import { useState } from 'react'
import type { CreatedSource, RegistrationView } from '../../../../shared/api'
import { useT } from '../../i18n'
import { useStore } from '../../store'
import { CopyField, SecretField } from './CopyField'
import { PLATFORM_INFO } from './platform-info'
import { RegistrationStatus, registrationKind } from './RegistrationStatus'

export function ConnectStep({ created, onNext }: { created: CreatedSource; onNext(): void }) {
  const t = useT()
  const source =
    useStore((s) => s.sources.find((x) => x.id === created.source.id)) ?? created.source
  const publicUrl = useStore((s) => s.info?.publicUrl ?? null)
  const registerSource = useStore((s) => s.registerSource)
  const [registration, setRegistration] = useState<RegistrationView | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const info = PLATFORM_INFO[source.platform]
  const automatic = info.credentials.length > 0 && source.hasCredentials
  const platformName = t(`sources.platform.${source.platform}`)

  const register = async () => {
    setBusy(true)
    setError(null)
    const result = await registerSource(source.id)
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    setRegistration(result.value)
  }
  const registered = registration !== null && registrationKind(registration.status) === 'ok'
  return (
    <div className="src-connect">
      <h3>{t('sources.connect.title', { platform: platformName })}</h3>
      {!publicUrl ? <p className="src-warning">{t('sources.connect.localWarning')}</p> : null}
      <CopyField label={t('sources.connect.url')} value={source.webhookUrl} testId="webhook-url" />
      <SecretField sourceId={source.id} label={t(info.secretLabel)} known={created.secret} />
      {automatic ? (
        <div className="src-auto">
          <p>{t('sources.connect.autoIntro', { platform: platformName })}</p>
          <button type="button" className="primary" onClick={register} disabled={busy}>
            {busy
              ? t('sources.connect.registering')
              : t('sources.connect.register', { platform: platformName })}
          </button>
          {registration ? (
            <p role="status">
              <RegistrationStatus view={registration} />
            </p>
          ) : null}
          {registration && registrationKind(registration.status) === 'error' ? (
            <p className="muted small">{t('sources.connect.autoFailedHelp')}</p>
          ) : null}
        </div>
      ) : (
        <div className="src-manual">
          <p>{t('sources.connect.manualIntro', { platform: platformName })}</p>
          <ol className="src-manual-steps">
            {info.manualSteps.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ol>
        </div>
      )}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div className="src-actions">
        <button
          type="button"
          className={automatic && !registered ? 'secondary' : 'primary'}
          onClick={onNext}
        >
          {automatic && !registered ? t('sources.connect.skipToTest') : t('sources.connect.next')}
        </button>
      </div>
    </div>
  )
}
