import { render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { ContactPanel } from '../../src/renderer/src/features/conversation/ContactPanel'
import type { ConversationDetail } from '../../src/shared/api'
import { setLocale } from './support'

const detail = (patch: Partial<ConversationDetail> = {}): ConversationDetail => ({
  conversation: {
    id: 'v1',
    contactId: 'c1',
    title: 'Maria',
    contactName: 'Maria',
    contactPhone: '+5511987654321',
    contactEmail: 'maria@example.com',
    status: 'open',
    assignee: null,
    lastActivityAt: '2026-06-08T18:42:00.000Z',
    lastStage: 'purchase_approved',
    lastTotalMinor: 6772,
    lastCurrency: 'BRL',
    lastPlatform: 'kiwify',
    unread: 0,
  },
  contact: {
    id: 'c1',
    name: 'Maria',
    email: 'maria@example.com',
    phone: '+5511987654321',
    documentMasked: '***.456.789-**',
  },
  timeline: [],
  orders: [
    {
      sourceId: 's1',
      platform: 'kiwify',
      orderId: 'order-1',
      orderKey: 'order-1',
      stage: 'purchase_approved',
      stageAt: '2026-06-08T18:42:00.000Z',
      totalMinor: 6772,
      currency: 'BRL',
      checkoutUrl: null,
    },
  ],
  lifetimeValue: [{ currency: 'BRL', minor: 6772 }],
  platforms: ['kiwify'],
  ...patch,
})

beforeEach(() => setLocale('pt-BR'))

describe('ContactPanel', () => {
  it('shows the phone as Brazilians write it, the masked document, orders and lifetime value', () => {
    render(<ContactPanel detail={detail()} />)
    expect(screen.getByTestId('contact-phone')).toHaveTextContent('(11) 98765-4321')
    expect(screen.getByText('***.456.789-**')).toBeInTheDocument()
    expect(screen.getByText('Compra aprovada')).toBeInTheDocument()
    expect(screen.getByTestId('lifetime-value').textContent).toBe('R$\u00A067,72')
  })

  it('uses the international phone format in English', () => {
    setLocale('en')
    render(<ContactPanel detail={detail()} />)
    expect(screen.getByTestId('contact-phone')).toHaveTextContent('+55 11 98765 4321')
  })

  it('says what is missing: no phone, no e-mail, no document, no orders', () => {
    render(
      <ContactPanel
        detail={detail({
          contact: { id: 'c1', name: null, email: null, phone: null, documentMasked: null },
          orders: [],
          lifetimeValue: [],
          platforms: [],
        })}
      />,
    )
    expect(screen.getAllByText('não informado')).toHaveLength(5)
    expect(screen.getByText('Nenhum pedido ainda.')).toBeInTheDocument()
    expect(screen.getByTestId('lifetime-value').textContent).toBe('R$\u00A00,00')
  })
})
