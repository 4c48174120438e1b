// One conversation in the inbox list: who, latest stage, amount, platform, when, unread.
import type { ConversationSummary } from '../../../../shared/api'
import { formatMoney } from '../../../../shared/money'
import { PlatformLabel } from '../../components/PlatformLabel'
import { StageBadge } from '../../components/StageBadge'
import { formatRelative, useLocale, useT } from '../../i18n'
import { conversationTitle } from './title'

export function InboxRow({ c, now }: { c: ConversationSummary; now: number }) {
  const t = useT()
  const locale = useLocale()
  const unread = c.unread > 0
  return (
    <div className={unread ? 'inbox-row unread' : 'inbox-row'}>
      <div className="row-top">
        <strong className="row-title">{conversationTitle(c, t, locale)}</strong>
        {c.status === 'resolved' ? (
          <span className="status-pill status-resolved">{t('inbox.status.resolved')}</span>
        ) : null}
        <time dateTime={c.lastActivityAt}>
          {/* The server's clock may run a little ahead: never say "in 1 second". */}
          {formatRelative(c.lastActivityAt, locale, Math.max(now, Date.parse(c.lastActivityAt)))}
        </time>
      </div>
      <div className="row-bottom">
        {c.lastStage ? <StageBadge stage={c.lastStage} /> : null}
        {c.lastTotalMinor !== null && c.lastCurrency ? (
          <span className="amount">{formatMoney(c.lastTotalMinor, c.lastCurrency, locale)}</span>
        ) : null}
        {c.lastPlatform ? <PlatformLabel platform={c.lastPlatform} /> : null}
        {unread ? (
          <span
            className="unread-dot"
            role="img"
            aria-label={t('inbox.row.unread', { count: c.unread })}
          />
        ) : null}
      </div>
    </div>
  )
}
