// One commerce event as a card: what happened (stage), where (platform, source), when, what was
// bought, how much, how it was (to be) paid, and what the agent can send to recover the sale.
import type { CommerceEvent, LineItem } from '../../../../shared/events'
import { formatMoney } from '../../../../shared/money'
import { PlatformLabel } from '../../components/PlatformLabel'
import { StageBadge } from '../../components/StageBadge'
import { formatDateTime, formatRelative, useLocale, useT } from '../../i18n'
import { type Journey, showsPaymentDetails } from './journey'
import { BoletoBlock, LinkBlock, PixBlock } from './PaymentBlocks'

export interface EventCardProps {
  event: CommerceEvent
  journey?: Journey | null
  sourceName?: string | null
}

export function EventCard({ event, journey, sourceName }: EventCardProps) {
  const t = useT()
  const locale = useLocale()
  const { payment } = event
  const pending = showsPaymentDetails(event.stage)
  const accent = journey ? ` journey-${journey.index % 6}` : ''
  return (
    <article
      className={`event-card stage-border-${event.stage}${accent}`}
      aria-label={t('card.label', {
        stage: t(`stage.${event.stage}`),
        platform: t(`platform.${event.platform}`),
      })}
      data-testid="event-card"
      data-stage={event.stage}
    >
      <header className="card-head">
        <StageBadge stage={event.stage} />
        {event.test ? (
          <span className="badge test-badge" title={t('card.testHint')}>
            {t('card.test')}
          </span>
        ) : null}
        <time
          className="card-time"
          dateTime={event.occurredAt}
          title={formatRelative(event.occurredAt, locale)}
        >
          {formatDateTime(event.occurredAt, locale)}
        </time>
      </header>
      <div className="card-origin small">
        <PlatformLabel platform={event.platform} />
        {sourceName ? <span>{t('card.source', { name: sourceName })}</span> : null}
        {event.orderId || event.orderKey ? (
          <span className="journey-order">
            {t('card.order', { id: event.orderId ?? event.orderKey! })}
          </span>
        ) : null}
      </div>
      {journey && journey.steps.length > 1 ? (
        <JourneyStrip journey={journey} eventId={event.id} />
      ) : null}
      <Items items={event.items} currency={event.currency} productName={event.productName} />
      <dl className="card-facts">
        {event.totalMinor !== null && event.currency ? (
          <>
            <dt>{t('card.total')}</dt>
            <dd className="amount" data-testid="card-total">
              {formatMoney(event.totalMinor, event.currency, locale)}
            </dd>
          </>
        ) : null}
        {payment.method ? (
          <>
            <dt>{t('card.payment')}</dt>
            <dd>
              {t(`payment.${payment.method}`)}
              {payment.gateway ? <span className="muted"> · {payment.gateway}</span> : null}
            </dd>
          </>
        ) : null}
        {payment.refusalReason ? (
          <>
            <dt>{t('card.refusal')}</dt>
            <dd>{payment.refusalReason}</dd>
          </>
        ) : null}
      </dl>
      {pending && payment.pixCode ? (
        <PixBlock code={payment.pixCode} expiresAt={payment.pixExpiresAt} />
      ) : null}
      {pending && (payment.boletoLine || payment.boletoUrl) ? (
        <BoletoBlock
          line={payment.boletoLine}
          url={payment.boletoUrl}
          expiresAt={payment.boletoExpiresAt}
        />
      ) : null}
      {pending && event.checkoutUrl ? <LinkBlock url={event.checkoutUrl} /> : null}
    </article>
  )
}

function Items({
  items,
  currency,
  productName,
}: {
  items: LineItem[]
  currency: string | null
  productName: string | null
}) {
  const t = useT()
  const locale = useLocale()
  if (items.length === 0) {
    return productName ? (
      <p className="card-items-empty">{productName}</p>
    ) : (
      <p className="card-items-empty muted">{t('card.noItems')}</p>
    )
  }
  return (
    <ul className="card-items" aria-label={t('card.items')}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no id and never reorder.
        <li key={i}>
          <span className="item-name">
            {item.name} × {item.quantity}
          </span>
          {item.unitPriceMinor !== null && currency ? (
            <span className="muted">
              {t('card.unitPrice', { price: formatMoney(item.unitPriceMinor, currency, locale) })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function JourneyStrip({ journey, eventId }: { journey: Journey; eventId: string }) {
  const t = useT()
  return (
    <ol className="journey-steps" aria-label={t('card.journey')}>
      {journey.steps.map((step) => (
        <li
          key={step.eventId}
          aria-current={step.eventId === eventId ? 'step' : undefined}
          className={step.eventId === eventId ? 'current' : undefined}
        >
          {t(`stage.${step.stage}`)}
        </li>
      ))}
    </ol>
  )
}
