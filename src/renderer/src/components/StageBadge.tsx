// A colored badge for a lifecycle stage; color comes from CSS, the label from i18n.
import type { Stage } from '../../../shared/events'
import { useT } from '../i18n'

export function StageBadge({ stage }: { stage: Stage }) {
  const t = useT()
  return <span className={`badge stage-${stage}`}>{t(`stage.${stage}`)}</span>
}
