// Wizard step 2: a name, the platform's secret (generated for Kiwify, pasted otherwise, with
// where to find it), and the API credentials that let Recupera set the webhook up itself.
import { useState } from 'react'
import type { CreatedSource } from '../../../../shared/api'
import { useT } from '../../i18n'
import { useStore } from '../../store'
import {
  CREDENTIAL_LABELS,
  isComplete,
  PLATFORM_INFO,
  SECRET_FIELDS,
  toCreateInput,
  type WizardForm,
} from './platform-info'

interface Props {
  form: WizardForm
  onChange(form: WizardForm): void
  onBack(): void
  onCreated(created: CreatedSource): void
}

export function DetailsStep({ form, onChange, onBack, onCreated }: Props) {
  const t = useT()
  const createSource = useStore((s) => s.createSource)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const info = PLATFORM_INFO[form.platform]
  const set = (patch: Partial<WizardForm>) => onChange({ ...form, ...patch })

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const result = await createSource(toCreateInput(form))
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    onCreated(result.value)
  }
  return (
    <form onSubmit={submit} className="src-form">
      <h3>
        {t('sources.wizard.detailsTitle', { platform: t(`sources.platform.${form.platform}`) })}
      </h3>
      <label className="field">
        {t('sources.field.name')}
        <input
          value={form.name}
          onChange={(e) => set({ name: e.target.value })}
          placeholder={t('sources.field.namePlaceholder')}
          maxLength={100}
          required
        />
        <span className="muted small">{t('sources.field.nameHint')}</span>
      </label>
      {info.generatedSecret ? (
        <p className="src-note">{t(info.secretHint)}</p>
      ) : (
        <label className="field">
          {t(info.secretLabel)}
          <input
            type="password"
            autoComplete="off"
            value={form.secret}
            onChange={(e) => set({ secret: e.target.value })}
            required
          />
          <span className="muted small">{t(info.secretHint)}</span>
        </label>
      )}
      {info.checkoutUrl && (
        <label className="field">
          {t('sources.field.checkoutUrl')}
          <input
            type="url"
            value={form.checkoutUrl}
            onChange={(e) => set({ checkoutUrl: e.target.value })}
            placeholder="https://pay.hotmart.com/…"
          />
          <span className="muted small">{t('sources.field.checkoutUrlHint')}</span>
        </label>
      )}
      {info.credentials.length > 0 && <CredentialsSection form={form} set={set} />}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div className="src-actions">
        <button type="button" className="secondary" onClick={onBack}>
          {t('sources.back')}
        </button>
        <button type="submit" className="primary" disabled={busy || !isComplete(form)}>
          {busy ? t('common.loading') : t('sources.wizard.create')}
        </button>
      </div>
    </form>
  )
}

function CredentialsSection({
  form,
  set,
}: {
  form: WizardForm
  set(patch: Partial<WizardForm>): void
}) {
  const t = useT()
  const info = PLATFORM_INFO[form.platform]
  return (
    <fieldset className="src-fieldset">
      <legend>{t('sources.auto.legend')}</legend>
      <label className="src-check">
        <input
          type="checkbox"
          checked={form.automatic}
          onChange={(e) => set({ automatic: e.target.checked })}
        />
        {t('sources.auto.toggle')}
      </label>
      {form.automatic && (
        <>
          {info.credentialsHint ? <p className="muted small">{t(info.credentialsHint)}</p> : null}
          {info.credentials.map((field) => (
            <label key={field} className="field">
              {t(CREDENTIAL_LABELS[field])}
              <input
                type={SECRET_FIELDS.has(field) ? 'password' : 'text'}
                autoComplete="off"
                value={form.credentials[field] ?? ''}
                onChange={(e) =>
                  set({ credentials: { ...form.credentials, [field]: e.target.value } })
                }
                required
              />
            </label>
          ))}
          <details className="src-advanced">
            <summary>{t('sources.advanced')}</summary>
            <label className="field">
              {t('sources.field.apiBase')}
              <input
                type="url"
                value={form.apiBase}
                onChange={(e) => set({ apiBase: e.target.value })}
                placeholder={t('sources.field.apiBasePlaceholder')}
              />
              <span className="muted small">{t('sources.field.apiBaseHint')}</span>
            </label>
          </details>
        </>
      )}
      {!form.automatic && form.platform === 'nuvemshop' ? (
        <p className="src-warning">{t('sources.auto.nuvemshopNeeded')}</p>
      ) : null}
    </fieldset>
  )
}
