// The right column: who the customer is (name, phone, e-mail, masked document), their orders
// with current state and total, lifetime value and the platforms they bought on.
import type { ConversationDetail } from '../../../../shared/api'
import { formatMoney } from '../../../../shared/money'
import { PlatformLabel } from '../../components/PlatformLabel'
import { formatPhone } from '../../components/phone'
import { StageBadge } from '../../components/StageBadge'
import { formatDateTime, useLocale, useT } from '../../i18n'

export function ContactPanel({ detail }: { detail: ConversationDetail }) {
  const t = useT()
  const locale = useLocale()
  const { contact, orders, lifetimeValue, platforms } = detail
  const missing = <span className="muted">{t('contact.missing')}</span>
  return (
    <aside className="contact-panel" aria-labelledby="contact-title">
      <h2 id="contact-title">{t('contact.title')}</h2>
      <dl className="facts contact-facts">
        <dt>{t('contact.name')}</dt>
        <dd>{contact.name ?? missing}</dd>
        <dt>{t('contact.phone')}</dt>
        <dd data-testid="contact-phone">
          {contact.phone ? formatPhone(contact.phone, locale) : missing}
        </dd>
        <dt>{t('contact.email')}</dt>
        <dd className="break">{contact.email ?? missing}</dd>
        <dt>{t('contact.document')}</dt>
        <dd>{contact.documentMasked ?? missing}</dd>
        <dt>{t('contact.platforms')}</dt>
        <dd>
          {platforms.length
            ? platforms.map((p) => <PlatformLabel key={p} platform={p} />)
            : missing}
        </dd>
        <dt>{t('contact.lifetimeValue')}</dt>
        <dd className="amount" data-testid="lifetime-value">
          {lifetimeValue.length
            ? lifetimeValue.map((v) => formatMoney(v.minor, v.currency, locale)).join(' + ')
            : formatMoney(0, 'BRL', locale)}
        </dd>
      </dl>
      <h3>{t('contact.orders')}</h3>
      {orders.length === 0 ? (
        <p className="muted">{t('contact.noOrders')}</p>
      ) : (
        <ul className="order-list">
          {orders.map((o) => (
            <li key={`${o.sourceId}:${o.orderKey}`}>
              <div className="row-top">
                <StageBadge stage={o.stage} />
                {o.totalMinor !== null && o.currency ? (
                  <span className="amount">{formatMoney(o.totalMinor, o.currency, locale)}</span>
                ) : null}
              </div>
              <div className="muted small">
                <PlatformLabel platform={o.platform} /> · {o.orderId ?? o.orderKey} ·{' '}
                <time dateTime={o.stageAt}>{formatDateTime(o.stageAt, locale)}</time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
