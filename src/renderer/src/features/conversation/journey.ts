// Groups a conversation's events by order (orderKey), so each card can show the journey it
// belongs to (cart → PIX → paid) and which step it is.
import type { TimelineItem } from '../../../../shared/api'
import type { CommerceEvent, Stage } from '../../../../shared/events'

export interface Journey {
  key: string
  /** Stable small number per order in this conversation: picks the order's accent color. */
  index: number
  steps: { eventId: string; stage: Stage }[]
}

export const journeyKey = (e: CommerceEvent): string | null => {
  const key = e.orderKey ?? e.orderId
  return key ? `${e.sourceId}:${key}` : null
}

export function journeys(timeline: readonly TimelineItem[]): Map<string, Journey> {
  const byKey = new Map<string, Journey>()
  for (const item of timeline) {
    if (item.kind !== 'event') continue
    const key = journeyKey(item.event)
    if (!key) continue
    let journey = byKey.get(key)
    if (!journey) {
      journey = { key, index: byKey.size, steps: [] }
      byKey.set(key, journey)
    }
    journey.steps.push({ eventId: item.event.id, stage: item.event.stage })
  }
  return byKey
}

/** Stages after which the payment details (PIX, boleto) no longer help the agent. */
const SETTLED: ReadonlySet<Stage> = new Set([
  'purchase_approved',
  'purchase_refunded',
  'refund_requested',
  'chargeback',
  'purchase_canceled',
  'subscription_renewed',
  'subscription_canceled',
])

export const showsPaymentDetails = (stage: Stage): boolean => !SETTLED.has(stage)
