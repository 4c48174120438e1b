// The "connect a store" wizard: platform → name and secret (and, optionally, API credentials
// for automatic setup) → the webhook address and secret to paste, or automatic registration →
// a test event, done when its card arrives. Written for a shop owner, not a developer.
import { useState } from 'react'
import type { CreatedSource } from '../../../../shared/api'
import type { Platform } from '../../../../shared/events'
import { useT } from '../../i18n'
import { ConnectStep } from './ConnectStep'
import { DetailsStep } from './DetailsStep'
import type { WizardForm } from './platform-info'
import { TestStep } from './TestStep'

const PLATFORMS: Platform[] = ['kiwify', 'hotmart', 'nuvemshop', 'shopify']
type Step = 'platform' | 'details' | 'connect' | 'test'
const ORDER: Step[] = ['platform', 'details', 'connect', 'test']

export function SourceWizard({ onClose }: { onClose(): void }) {
  const t = useT()
  const [step, setStep] = useState<Step>('platform')
  const [form, setForm] = useState<WizardForm | null>(null)
  const [created, setCreated] = useState<CreatedSource | null>(null)

  const choose = (platform: Platform) => {
    setForm({
      platform,
      name: '',
      secret: '',
      checkoutUrl: '',
      automatic: platform !== 'hotmart',
      apiBase: '',
      credentials: {},
    })
    setStep('details')
  }
  return (
    <section className="src-wizard" aria-labelledby="wizard-title">
      <header className="src-wizard-head">
        <h2 id="wizard-title">{t('sources.wizard.title')}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {created ? t('sources.wizard.finishLater') : t('sources.wizard.cancel')}
        </button>
      </header>
      <ol className="src-steps" aria-label={t('sources.wizard.progress')}>
        {ORDER.map((s, i) => (
          <li
            key={s}
            aria-current={s === step ? 'step' : undefined}
            className={ORDER.indexOf(step) > i ? 'done' : ''}
          >
            <span className="src-step-number">{i + 1}</span> {t(`sources.step.${s}`)}
          </li>
        ))}
      </ol>
      {step === 'platform' && (
        <div>
          <h3>{t('sources.wizard.choosePlatform')}</h3>
          <div className="src-platforms">
            {PLATFORMS.map((p) => (
              <button
                key={p}
                type="button"
                className="src-platform-choice"
                onClick={() => choose(p)}
              >
                <strong className={`platform platform-${p}`}>{t(`sources.platform.${p}`)}</strong>
                <span className="muted">{t(`sources.platformBlurb.${p}`)}</span>
              </button>
            ))}
          </div>
        </div>
      )}
      {step === 'details' && form && (
        <DetailsStep
          form={form}
          onChange={setForm}
          onBack={() => setStep('platform')}
          onCreated={(result) => {
            setCreated(result)
            setStep('connect')
          }}
        />
      )}
      {step === 'connect' && form && created && (
        <ConnectStep created={created} onNext={() => setStep('test')} />
      )}
      {step === 'test' && created && (
        <TestStep source={created.source} onBack={() => setStep('connect')} onDone={onClose} />
      )}
    </section>
  )
}
