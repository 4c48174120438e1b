import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EventCard } from '../../src/renderer/src/features/conversation/EventCard'
import { journeys } from '../../src/renderer/src/features/conversation/journey'
import { STAGES } from '../../src/shared/events'
import { BOLETO, event, PIX, setLocale } from './support'

const NBSP = '\u00A0'

beforeEach(() => setLocale('pt-BR'))
afterEach(() => vi.useRealTimers())

describe('EventCard', () => {
  it.each(STAGES)('labels a %s card with its stage, platform and total', (stage) => {
    render(<EventCard event={event(stage)} />)
    const card = screen.getByTestId('event-card')
    expect(card).toHaveAttribute('data-stage', stage)
    expect(within(card).getByText('Kiwify')).toBeInTheDocument()
    expect(within(card).getByTestId('card-total').textContent).toBe(`R$${NBSP}67,72`)
    expect(within(card).getByText('Curso de pão × 2')).toBeInTheDocument()
    expect(within(card).getByText('R$ 33,86 cada')).toBeInTheDocument()
  })

  it('shows the PIX code, a local QR code and a countdown, and copies the code', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: Date.parse('2026-06-08T18:50:00Z') })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue()
    render(
      <EventCard
        event={event('pix_generated', {
          payment: { method: 'pix', pixCode: PIX, pixExpiresAt: '2026-06-08T19:20:00Z' },
        })}
      />,
    )
    expect(screen.getByTestId('pix-code')).toHaveTextContent(PIX)
    expect(
      screen.getByRole('img', { name: 'QR code do PIX' }).querySelector('path'),
    ).toHaveAttribute('d')
    expect(screen.getByTestId('pix-expiry')).toHaveTextContent('Expira em 30:00')
    await user.click(screen.getByRole('button', { name: 'Copiar código PIX' }))
    expect(writeText).toHaveBeenCalledWith(PIX)
    expect(screen.getByRole('status')).toHaveTextContent('Copiado!')
  })

  it('says a PIX is expired once its time has passed, in English too', () => {
    setLocale('en')
    render(
      <EventCard
        event={event('pix_generated', {
          payment: { method: 'pix', pixCode: PIX, pixExpiresAt: '2020-01-01T00:00:00Z' },
        })}
      />,
    )
    expect(screen.getByTestId('pix-expiry')).toHaveTextContent(/^Expired/)
    expect(screen.getByTestId('card-total')).toHaveTextContent('R$67.72')
  })

  it('formats the boleto line in groups, copies the digits and links the PDF', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue()
    render(
      <EventCard
        event={event('boleto_generated', {
          platform: 'hotmart',
          payment: {
            method: 'boleto',
            boletoLine: BOLETO,
            boletoUrl: 'https://hotm.art/b1',
            boletoExpiresAt: '2025-05-06T02:59:59.999Z',
          },
        })}
      />,
    )
    expect(screen.getByTestId('boleto-line')).toHaveTextContent(
      '34191.09669 36967.100540 89356.830003 5 10720000099700',
    )
    expect(screen.getByRole('link', { name: 'Abrir boleto (PDF)' })).toHaveAttribute(
      'href',
      'https://hotm.art/b1',
    )
    expect(screen.getByText(/Vencimento: .*vencido/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Copiar linha digitável' }))
    expect(writeText).toHaveBeenCalledWith(BOLETO)
  })

  it('takes the due date from the line when the platform sends none', () => {
    render(<EventCard event={event('boleto_generated', { payment: { boletoLine: BOLETO } })} />)
    expect(screen.getByText(/Vencimento: /)).toBeInTheDocument()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('offers the checkout link to copy and open in a new tab', () => {
    const url = 'https://loja.example/checkouts/abc/recover?key=1'
    render(<EventCard event={event('cart_abandoned', { checkoutUrl: url, platform: 'shopify' })} />)
    const open = screen.getByRole('link', { name: 'Abrir link' })
    expect(open).toHaveAttribute('href', url)
    expect(open).toHaveAttribute('target', '_blank')
    expect(open).toHaveAttribute('rel', 'noopener noreferrer')
    expect(screen.getByRole('button', { name: 'Copiar link' })).toBeInTheDocument()
  })

  it('never turns a non-http checkout URL into a link', () => {
    render(<EventCard event={event('cart_abandoned', { checkoutUrl: 'javascript:alert(1)' })} />)
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('hides payment details once the order is paid', () => {
    render(
      <EventCard
        event={event('purchase_approved', {
          checkoutUrl: 'https://x.example/c',
          payment: { method: 'pix', pixCode: PIX, boletoLine: BOLETO },
        })}
      />,
    )
    expect(screen.queryByTestId('pix-code')).toBeNull()
    expect(screen.queryByTestId('boleto-line')).toBeNull()
    expect(screen.queryByRole('link')).toBeNull()
    expect(screen.getByText('PIX')).toBeInTheDocument()
  })

  it('marks test events', () => {
    render(<EventCard event={event('purchase_approved', { test: true })} />)
    expect(screen.getByText('Teste')).toHaveAttribute(
      'title',
      'Evento de teste enviado pela plataforma',
    )
  })

  it('survives missing data: no items, no total, no payment, no order, no customer', () => {
    render(
      <EventCard
        event={event('cart_abandoned', {
          items: [],
          productName: null,
          totalMinor: null,
          currency: null,
          orderId: null,
          orderKey: null,
          customer: { name: null },
        })}
      />,
    )
    const card = screen.getByTestId('event-card')
    expect(card).toHaveTextContent('Carrinho abandonado')
    expect(card).toHaveTextContent('A plataforma não informou os itens.')
    expect(screen.queryByTestId('card-total')).toBeNull()
    expect(card).not.toHaveTextContent('Pagamento')
    expect(card).not.toHaveTextContent('Pedido')
  })

  it('shows the product name when items are missing, and unit prices only when known', () => {
    const { rerender } = render(
      <EventCard event={event('purchase_declined', { items: [], productName: 'Mentoria' })} />,
    )
    expect(screen.getByText('Mentoria')).toBeInTheDocument()
    rerender(
      <EventCard
        event={event('purchase_declined', {
          items: [{ name: 'Mentoria', quantity: 1, unitPriceMinor: null }],
          payment: { method: 'credit_card', refusalReason: 'Saldo insuficiente' },
        })}
      />,
    )
    expect(screen.getByText('Mentoria × 1')).toBeInTheDocument()
    expect(screen.queryByText(/cada/)).toBeNull()
    expect(screen.getByText('Saldo insuficiente')).toBeInTheDocument()
    expect(screen.getByText('Cartão de crédito')).toBeInTheDocument()
  })

  it('shows the journey of its order with the current step', () => {
    const pix = event('pix_generated')
    const paid = event('purchase_approved')
    const byOrder = journeys([
      { kind: 'event', at: pix.occurredAt, event: pix },
      { kind: 'event', at: paid.occurredAt, event: paid },
    ])
    render(<EventCard event={paid} journey={byOrder.get('s1:order-1')} sourceName="Loja" />)
    const steps = screen.getByRole('list', { name: 'Jornada do pedido' })
    expect(steps).toHaveTextContent(/^PIX pendente\s*Compra aprovada$/)
    expect(within(steps).getByText('Compra aprovada')).toHaveAttribute('aria-current', 'step')
    expect(screen.getByText('Fonte: Loja')).toBeInTheDocument()
  })
})
