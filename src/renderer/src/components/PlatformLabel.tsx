// The commerce platform's name, as a small label.
import type { Platform } from '../../../shared/events'
import { useT } from '../i18n'

export function PlatformLabel({ platform }: { platform: Platform }) {
  const t = useT()
  return <span className={`platform platform-${platform}`}>{t(`platform.${platform}`)}</span>
}
