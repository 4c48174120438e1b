// Wizard step 4: send a signed test event to our own receiver (through the tunnel when there is
// one) and wait for its card, so the owner sees the whole path work before a real sale.
import { useEffect, useRef, useState } from 'react'
import type { SourceView } from '../../../../shared/api'
import type { CommerceEvent } from '../../../../shared/events'
import { formatMoney, useLocale, useT } from '../../i18n'
import { useStore } from '../../store'

type State =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'waiting' }
  | { kind: 'arrived'; event: CommerceEvent }
  | { kind: 'received' }
  | { kind: 'failed'; message: string }

export function TestStep({
  source,
  onBack,
  onDone,
}: {
  source: SourceView
  onBack(): void
  onDone(): void
}) {
  const t = useT()
  const sendTestEvent = useStore((s) => s.sendTestEvent)
  const watchSource = useStore((s) => s.watchSource)
  const setPage = useStore((s) => s.setPage)
  const loadSources = useStore((s) => s.loadSources)
  const [state, setState] = useState<State>({ kind: 'idle' })
  const stateRef = useRef(state)
  stateRef.current = state

  useEffect(
    () =>
      watchSource(source.id, (arrival) => {
        const current = stateRef.current.kind
        if (current !== 'waiting' && current !== 'sending') return
        if (arrival.kind === 'event') {
          void loadSources()
          return setState({ kind: 'arrived', event: arrival.event })
        }
        // Nuvemshop sends only an order number: a verified delivery is the success there.
        if (arrival.outcome === 'enrich_pending' && arrival.verified) setState({ kind: 'received' })
        if (!arrival.verified)
          setState({ kind: 'failed', message: arrival.reason ?? arrival.outcome })
      }),
    [source.id, watchSource, loadSources],
  )

  const send = async () => {
    setState({ kind: 'sending' })
    const result = await sendTestEvent(source.id)
    if (!result.ok) return setState({ kind: 'failed', message: result.error.message })
    const { httpStatus, reason, outcome } = result.value
    if (httpStatus < 200 || httpStatus >= 300)
      return setState({ kind: 'failed', message: `HTTP ${httpStatus}: ${reason ?? outcome ?? ''}` })
    if (stateRef.current.kind === 'sending') setState({ kind: 'waiting' })
  }
  return (
    <div className="src-test">
      <h3>{t('sources.test.title')}</h3>
      <p>{t('sources.test.intro')}</p>
      <button type="button" className="primary" onClick={send} disabled={state.kind === 'sending'}>
        {state.kind === 'idle' ? t('sources.test.send') : t('sources.test.sendAgain')}
      </button>
      <div aria-live="polite" className="src-test-result">
        {state.kind === 'sending' || state.kind === 'waiting' ? (
          <p className="muted">{t('sources.test.waiting')}</p>
        ) : null}
        {state.kind === 'arrived' ? <Arrived event={state.event} /> : null}
        {state.kind === 'received' ? (
          <p className="src-success" role="status">
            {t('sources.test.receivedNuvemshop')}
          </p>
        ) : null}
        {state.kind === 'failed' ? (
          <p role="alert" className="error">
            {t('sources.test.failed', { message: state.message })}
          </p>
        ) : null}
      </div>
      <div className="src-actions">
        <button type="button" className="secondary" onClick={onBack}>
          {t('sources.back')}
        </button>
        {state.kind === 'arrived' ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              onDone()
              setPage('inbox')
            }}
          >
            {t('sources.test.openInbox')}
          </button>
        ) : null}
        <button type="button" className="primary" onClick={onDone}>
          {t('sources.test.done')}
        </button>
      </div>
    </div>
  )
}

function Arrived({ event }: { event: CommerceEvent }) {
  const t = useT()
  const locale = useLocale()
  return (
    <div className="src-success" role="status">
      <p>
        <strong>{t('sources.test.arrived')}</strong>
      </p>
      <article className="src-test-card" data-testid="test-event-card">
        <header>
          <strong>{t(`stage.${event.stage}`)}</strong>
          {event.test ? <span className="test-badge">{t('sources.test.badge')}</span> : null}
        </header>
        <div>{event.productName ?? '—'}</div>
        <div className="muted">
          {event.customer.name ?? event.customer.email ?? ''}
          {event.totalMinor !== null && event.currency
            ? ` · ${formatMoney(event.totalMinor, event.currency, locale)}`
            : ''}
        </div>
      </article>
    </div>
  )
}
