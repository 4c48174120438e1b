// Shared builders for component tests: a complete CommerceEvent with overridable parts, and a
// store reset to a known locale.

import { useStore } from '../../src/renderer/src/store'
import type { Locale } from '../../src/shared/api'
import type { CommerceEvent, Stage } from '../../src/shared/events'
import { emptyCustomer, emptyPayment } from '../../src/shared/events'

export const PIX =
  '00020101021226840014br.gov.bcb.pix2562pix-h.stone.com.br/pix/v2/ee77b9e9-67fb-4b62-829b-b6537068aa7b5204000053039865406970.005802BR5924Pagar.me Pagamentos S.A.6014RIO DE JANEIRO622905253b6997c1ef2f4b2597b6e11de6304ED77'
export const BOLETO = '34191096693696710054089356830003510720000099700'

let seq = 0
export function event(
  stage: Stage,
  patch: Partial<Omit<CommerceEvent, 'payment' | 'customer'>> & {
    payment?: Partial<CommerceEvent['payment']>
    customer?: Partial<CommerceEvent['customer']>
  } = {},
): CommerceEvent {
  const { payment, customer, ...rest } = patch
  seq++
  return {
    id: String(seq),
    sourceId: 's1',
    platform: 'kiwify',
    stage,
    eventType: stage,
    occurredAt: '2026-06-08T18:42:00.000Z',
    receivedAt: '2026-06-08T18:42:01.000Z',
    dedupKey: `k${seq}`,
    deliveryId: null,
    orderId: 'order-1',
    orderKey: 'order-1',
    contactId: 'c1',
    conversationId: 'v1',
    customer: { ...emptyCustomer(), name: 'Maria', ...customer },
    items: [{ name: 'Curso de pão', quantity: 2, unitPriceMinor: 3386 }],
    totalMinor: 6772,
    currency: 'BRL',
    payment: { ...emptyPayment(), ...payment },
    checkoutUrl: null,
    productName: 'Curso de pão',
    test: false,
    ...rest,
  }
}

export function setLocale(locale: Locale): void {
  useStore.setState({ locale, sources: [] })
}
