// Inline dialogs of a source card: edit (name, checkout URL), rotate the secret (the old one
// keeps working until confirmed), and remove (explains that its events go with it).
import { useState } from 'react'
import type { SourceView } from '../../../../shared/api'
import { useT } from '../../i18n'
import { useStore } from '../../store'
import {
  CREDENTIAL_LABELS,
  type CredentialField,
  PLATFORM_INFO,
  SECRET_FIELDS,
} from './platform-info'

export function EditSource({ source, onClose }: { source: SourceView; onClose(): void }) {
  const t = useT()
  const updateSource = useStore((s) => s.updateSource)
  const [name, setName] = useState(source.name)
  const [checkoutUrl, setCheckoutUrl] = useState(source.checkoutUrl ?? '')
  const [storeId, setStoreId] = useState(source.storeId ?? '')
  const [creds, setCreds] = useState<Partial<Record<CredentialField, string>>>({})
  const [error, setError] = useState<string | null>(null)
  const info = PLATFORM_INFO[source.platform]
  const save = async (event: React.FormEvent) => {
    event.preventDefault()
    // Blank credential fields keep what is stored; only typed ones are sent.
    const credentials = Object.fromEntries(
      Object.entries(creds).filter(([key, value]) => key !== 'storeId' && value?.trim()),
    )
    const result = await updateSource({
      id: source.id,
      name,
      ...(info.checkoutUrl ? { checkoutUrl: checkoutUrl.trim() || null } : {}),
      ...(info.credentials.includes('storeId') ? { storeId: storeId.trim() || null } : {}),
      ...(Object.keys(credentials).length ? { credentials } : {}),
    })
    if (!result.ok) return setError(result.error.message)
    onClose()
  }
  return (
    <form className="src-dialog" onSubmit={save} aria-label={t('sources.card.edit')}>
      <label className="field">
        {t('sources.field.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </label>
      {PLATFORM_INFO[source.platform].checkoutUrl && (
        <label className="field">
          {t('sources.field.checkoutUrl')}
          <input type="url" value={checkoutUrl} onChange={(e) => setCheckoutUrl(e.target.value)} />
        </label>
      )}
      {info.credentials.map((field) =>
        field === 'storeId' ? (
          <label key={field} className="field">
            {t(CREDENTIAL_LABELS[field])}
            <input
              value={storeId}
              onChange={(e) => setStoreId(e.target.value)}
              inputMode="numeric"
            />
          </label>
        ) : (
          <label key={field} className="field">
            {t(CREDENTIAL_LABELS[field])}
            <input
              type={SECRET_FIELDS.has(field) ? 'password' : 'text'}
              autoComplete="off"
              placeholder={
                source.credentialFields.includes(field) ? t('sources.field.keepStored') : ''
              }
              value={creds[field] ?? ''}
              onChange={(e) => setCreds({ ...creds, [field]: e.target.value })}
            />
          </label>
        ),
      )}
      {error ? <p className="error">{error}</p> : null}
      <div className="src-actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t('sources.wizard.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('sources.save')}
        </button>
      </div>
    </form>
  )
}

export function RotateSecret({ source, onClose }: { source: SourceView; onClose(): void }) {
  const t = useT()
  const rotateSecret = useStore((s) => s.rotateSecret)
  const confirmRotation = useStore((s) => s.confirmRotation)
  const info = PLATFORM_INFO[source.platform]
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [newSecret, setNewSecret] = useState<string | null>(null)
  if (source.rotating && newSecret === null) {
    return (
      <section className="src-dialog" aria-label={t('sources.card.rotate')}>
        <p>{t('sources.rotate.pending')}</p>
        <div className="src-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('sources.wizard.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void confirmRotation(source.id).then(onClose)}
          >
            {t('sources.rotate.confirm')}
          </button>
        </div>
      </section>
    )
  }
  const start = async () => {
    const result = await rotateSecret(source.id, info.generatedSecret ? undefined : secret)
    if (!result.ok) return setError(result.error.message)
    setNewSecret(result.value.secret)
  }
  return (
    <section className="src-dialog" aria-label={t('sources.card.rotate')}>
      <p>{t('sources.rotate.intro')}</p>
      {newSecret ? (
        <>
          <p className="src-success">
            {t(info.generatedSecret ? 'sources.rotate.doneKiwify' : 'sources.rotate.done')}
          </p>
          <code>{newSecret}</code>
        </>
      ) : info.generatedSecret ? null : (
        <label className="field">
          {t('sources.rotate.newSecret')}
          <input
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="off"
          />
        </label>
      )}
      {error ? <p className="error">{error}</p> : null}
      <div className="src-actions">
        <button type="button" className="secondary" onClick={onClose}>
          {newSecret ? t('sources.close') : t('sources.wizard.cancel')}
        </button>
        {!newSecret && (
          <button
            type="button"
            className="primary"
            disabled={!info.generatedSecret && secret.trim().length < 4}
            onClick={start}
          >
            {t('sources.rotate.start')}
          </button>
        )}
      </div>
    </section>
  )
}

export function ConfirmRemove({ source, onClose }: { source: SourceView; onClose(): void }) {
  const t = useT()
  const removeSource = useStore((s) => s.removeSource)
  const [error, setError] = useState<string | null>(null)
  return (
    <div
      className="src-dialog src-danger-zone"
      role="alertdialog"
      aria-labelledby={`remove-${source.id}`}
    >
      <p id={`remove-${source.id}`}>
        <strong>{t('sources.remove.title', { name: source.name })}</strong>
      </p>
      <p>{t('sources.remove.explain')}</p>
      {source.hasCredentials ? <p className="muted">{t('sources.remove.webhooks')}</p> : null}
      <p className="muted">{t('sources.remove.alternative')}</p>
      {error ? <p className="error">{error}</p> : null}
      <div className="src-actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t('sources.remove.keep')}
        </button>
        <button
          type="button"
          className="primary src-danger-button"
          onClick={async () => {
            const result = await removeSource(source.id)
            if (!result.ok) setError(result.error.message)
          }}
        >
          {t('sources.remove.confirm')}
        </button>
      </div>
    </div>
  )
}
