// A value to paste into a platform panel, with a copy button that confirms in place, and a
// secret variant that stays hidden until the owner asks to see it.
import { useEffect, useState } from 'react'
import { useT } from '../../i18n'
import { useStore } from '../../store'

function useCopy(): ['idle' | 'copied' | 'failed', (text: string) => Promise<void>] {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return [state, copy]
}

function CopyLabel({ state }: { state: 'idle' | 'copied' | 'failed' }) {
  const t = useT()
  const text =
    state === 'copied'
      ? t('sources.copied')
      : state === 'failed'
        ? t('sources.copyFailed')
        : t('sources.copy')
  return (
    <>
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden" role="status">
        {state === 'idle' ? '' : text}
      </span>
    </>
  )
}

export function CopyField({
  label,
  value,
  testId,
}: {
  label: string
  value: string
  testId?: string
}) {
  const t = useT()
  const [state, copy] = useCopy()
  return (
    <div className="src-copy-field">
      <span className="src-copy-label">{label}</span>
      <div className="src-copy-row">
        <code data-testid={testId}>{value}</code>
        <button
          type="button"
          className="secondary"
          aria-label={t('sources.copyWhat', { what: label })}
          onClick={() => void copy(value)}
        >
          <CopyLabel state={state} />
        </button>
      </div>
    </div>
  )
}

/** The source's secret: hidden, shown on demand (revealSecret), copyable without showing. */
export function SecretField({
  sourceId,
  label,
  known,
}: {
  sourceId: string
  label: string
  known?: string
}) {
  const t = useT()
  const revealSecret = useStore((s) => s.revealSecret)
  const [value, setValue] = useState<string | null>(null)
  const [shown, setShown] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [state, copy] = useCopy()
  const fetchSecret = async (): Promise<string | null> => {
    if (value) return value
    if (known) {
      setValue(known)
      return known
    }
    const result = await revealSecret(sourceId)
    if (!result.ok) {
      setError(result.error.message)
      return null
    }
    const secret = result.value.secrets[0] ?? ''
    setValue(secret)
    return secret
  }
  return (
    <div className="src-copy-field">
      <span className="src-copy-label">{label}</span>
      <div className="src-copy-row">
        <code data-testid="secret-value">{shown && value ? value : '••••••••••••'}</code>
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            if (shown) return setShown(false)
            if (await fetchSecret()) setShown(true)
          }}
        >
          {shown ? t('sources.hide') : t('sources.reveal')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={t('sources.copyWhat', { what: label })}
          onClick={async () => {
            const secret = await fetchSecret()
            if (secret) await copy(secret)
          }}
        >
          <CopyLabel state={state} />
        </button>
      </div>
      {error ? <p className="error">{error}</p> : null}
    </div>
  )
}
