// A copy-to-clipboard button that says what it copies (aria-label) and confirms in place.
import { useEffect, useState } from 'react'
import { useT } from '../i18n'

type CopyState = 'idle' | 'copied' | 'failed'

export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useT()
  const [state, setState] = useState<CopyState>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <button type="button" className="copy-button" aria-label={label} onClick={copy}>
      <span aria-hidden="true">
        {state === 'copied'
          ? t('common.copied')
          : state === 'failed'
            ? t('common.copyFailed')
            : t('common.copy')}
      </span>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </button>
  )
}
