// One source in the list: what it is, its address, how it is doing, and what can be done to it
// (edit, rotate the secret, disable, remove with a clear confirmation, see its health).
import { useState } from 'react'
import type { SourceView } from '../../../../shared/api'
import { formatRelative, useLocale, useT } from '../../i18n'
import { useStore } from '../../store'
import { CopyField, SecretField } from './CopyField'
import { HealthPanel } from './HealthPanel'
import { PLATFORM_INFO } from './platform-info'
import { RegistrationStatus } from './RegistrationStatus'
import { ConfirmRemove, EditSource, RotateSecret } from './SourceDialogs'

type Panel = 'none' | 'health' | 'edit' | 'rotate' | 'remove'

export function SourceCard({ source }: { source: SourceView }) {
  const t = useT()
  const locale = useLocale()
  const updateSource = useStore((s) => s.updateSource)
  const [panel, setPanel] = useState<Panel>('none')
  const toggle = (next: Panel) => setPanel((p) => (p === next ? 'none' : next))
  return (
    <li className={`src-card${source.enabled ? '' : ' src-disabled'}`} data-testid="source-card">
      <div className="src-card-head">
        <div>
          <strong className="src-card-name">{source.name}</strong>{' '}
          <span className={`platform platform-${source.platform}`}>
            {t(`sources.platform.${source.platform}`)}
          </span>{' '}
          {!source.enabled ? <span className="src-pill">{t('sources.card.disabled')}</span> : null}
          {source.rotating ? <span className="src-pill">{t('sources.card.rotating')}</span> : null}
        </div>
        <div className="muted small">
          {t('sources.lastEvent')}:{' '}
          {source.lastEventAt ? formatRelative(source.lastEventAt, locale) : t('sources.never')} ·{' '}
          <RegistrationStatus view={{ status: source.registrationStatus, checkedAt: null }} />
        </div>
      </div>
      <CopyField label={t('sources.webhookUrl')} value={source.webhookUrl} />
      <SecretField sourceId={source.id} label={t(PLATFORM_INFO[source.platform].secretLabel)} />
      {source.duplicateConfig ? (
        <p className="src-warning">{t('sources.warn.duplicate_config')}</p>
      ) : null}
      <div className="src-actions">
        <button
          type="button"
          className="secondary"
          aria-expanded={panel === 'health'}
          onClick={() => toggle('health')}
        >
          {t('sources.card.health')}
        </button>
        <button type="button" className="secondary" onClick={() => toggle('edit')}>
          {t('sources.card.edit')}
        </button>
        <button type="button" className="secondary" onClick={() => toggle('rotate')}>
          {t('sources.card.rotate')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void updateSource({ id: source.id, enabled: !source.enabled })}
        >
          {source.enabled ? t('sources.card.disable') : t('sources.card.enable')}
        </button>
        <button type="button" className="secondary src-danger" onClick={() => toggle('remove')}>
          {t('sources.card.remove')}
        </button>
      </div>
      {panel === 'health' && <HealthPanel sourceId={source.id} />}
      {panel === 'edit' && <EditSource source={source} onClose={() => setPanel('none')} />}
      {panel === 'rotate' && <RotateSecret source={source} onClose={() => setPanel('none')} />}
      {panel === 'remove' && <ConfirmRemove source={source} onClose={() => setPanel('none')} />}
    </li>
  )
}
