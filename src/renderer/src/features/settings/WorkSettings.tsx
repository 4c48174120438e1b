// Settings that change how Recupera works for the team: when a Shopify checkout counts as
// abandoned, and the agent's name on notes.
import { type FormEvent, useEffect, useState } from 'react'
import { useT } from '../../i18n'
import { useStore } from '../../store'

export function WorkSettings() {
  const t = useT()
  const settings = useStore((s) => s.settings)
  const saveSettings = useStore((s) => s.saveSettings)
  const [delay, setDelay] = useState('')
  const [agent, setAgent] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  useEffect(() => {
    if (!settings) return
    setDelay(String(settings.abandonDelayMinutes))
    setAgent(settings.agentName)
  }, [settings])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const minutes = Number(delay)
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 10_080) {
      setMessage({ ok: false, text: t('settings.abandonDelayInvalid') })
      return
    }
    const error = await saveSettings({ abandonDelayMinutes: minutes, agentName: agent.trim() })
    setMessage(
      error
        ? { ok: false, text: t('common.error', { message: error }) }
        : { ok: true, text: t('settings.saved') },
    )
  }

  return (
    <form className="settings-form" noValidate onSubmit={(e) => void submit(e)}>
      <label className="field">
        {t('settings.abandonDelay')}
        <input
          type="number"
          min={1}
          max={10080}
          value={delay}
          onChange={(e) => setDelay(e.target.value)}
        />
        <span className="muted">{t('settings.abandonDelayHelp')}</span>
      </label>
      <label className="field">
        {t('settings.agentName')}
        <input
          type="text"
          maxLength={100}
          value={agent}
          onChange={(e) => setAgent(e.target.value)}
        />
      </label>
      <button type="submit" className="primary">
        {t('settings.save')}
      </button>
      {message ? (
        <p role="status" className={message.ok ? 'muted' : 'error'}>
          {message.text}
        </p>
      ) : null}
    </form>
  )
}
