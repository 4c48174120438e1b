// The inbox live: signed webhooks posted to a running `recupera serve` appear as cards in the
// open page without a reload, with what an agent copies to recover the sale.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { signDelivery } from '../../src/main/platforms/sign'
import type { CreatedSource } from '../../src/shared/api'
import type { Platform } from '../../src/shared/events'
import { callApi, type Served } from '../helpers/serve'
import { expect, test } from './fixtures'

const FIXTURES = join(import.meta.dirname, '../fixtures/webhooks')

async function post(
  served: Served,
  source: CreatedSource,
  platform: Platform,
  file: string,
  topic?: string,
): Promise<void> {
  const body = readFileSync(join(FIXTURES, file))
  const { headers, query } = signDelivery(platform, body, source.secret, { topic })
  const qs = query.toString()
  const url = `${served.ready.receiverUrl}${source.source.webhookPath}${qs ? `?${qs}` : ''}`
  const response = await fetch(url, { method: 'POST', headers, body })
  expect(response.status, `${file}: ${await response.text()}`).toBeLessThan(300)
}

// Strings, not functions: this file compiles without the DOM library (tsconfig.node).
const readClipboard = (page: Page) => page.evaluate('navigator.clipboard.readText()')

const rowTitles = (page: Page) =>
  page.getByTestId('inbox-row').locator('.row-title').allTextContents()

test('shows PIX, boleto, checkout and approval cards live, in pt-BR', async ({ page, served }) => {
  const kiwify = await callApi<CreatedSource>(served, 'createSource', {
    platform: 'kiwify',
    name: 'Loja Kiwify',
  })
  const hotmart = await callApi<CreatedSource>(served, 'createSource', {
    platform: 'hotmart',
    name: 'Cursos Hotmart',
    secret: 'hottok-e2e-inbox',
  })
  const shopify = await callApi<CreatedSource>(served, 'createSource', {
    platform: 'shopify',
    name: 'Loja Shopify',
    secret: 'shpss_e2e_inbox',
  })
  await page.goto(served.ready.uiUrl)
  await expect(page.getByTestId('inbox-count')).toHaveText('0 conversas')
  await expect(page.getByText('Como enviar um evento de teste')).toBeVisible()

  // 1. Kiwify PIX: a conversation appears live; open it.
  await post(served, kiwify, 'kiwify', 'kiwify-pix_created-1.json')
  const john = page.getByTestId('inbox-row').filter({ hasText: 'John Doe' })
  await expect(john).toBeVisible()
  await expect(john).toContainText(/R\$\u00A067,72/)
  await expect(john).toContainText('PIX pendente')
  await john.click()
  const pixCard = page.locator('[data-testid=event-card][data-stage=pix_generated]')
  await expect(pixCard).toBeVisible()
  await expect(pixCard.getByTestId('card-total')).toHaveText('R$\u00A067,72')
  await expect(pixCard.getByText('Teste', { exact: true })).toBeVisible()
  await expect(pixCard.getByRole('img', { name: 'QR code do PIX' })).toBeVisible()
  await expect(pixCard.getByTestId('pix-expiry')).toContainText('Expirado')
  await pixCard.getByRole('button', { name: 'Copiar código PIX' }).click()
  await expect(pixCard.getByRole('status')).toHaveText('Copiado!')
  const pixCode = (await pixCard.getByTestId('pix-code').textContent())!
  expect(pixCode).toMatch(/^000201.*6304ED77$/)
  expect(await readClipboard(page)).toBe(pixCode)
  await expect(page.getByRole('complementary')).toContainText('**.907.570/8361-**')

  // 2. Hotmart boleto and 3. Shopify checkout: two more conversations, on top of John's.
  await post(served, hotmart, 'hotmart', 'hotmart-PURCHASE_BILLET_PRINTED-2.json')
  await post(served, shopify, 'shopify', 'shopify-checkouts_create-1.json', 'checkouts/create')
  await expect(page.getByTestId('inbox-count')).toHaveText('3 conversas')
  await expect
    .poll(() => rowTitles(page))
    .toEqual(['Cliente sem identificação', 'Ana Souza', 'John Doe'])

  // 4. John pays the PIX: his conversation moves to the top and the open timeline grows.
  await post(served, kiwify, 'kiwify', 'variants/kiwify-order_approved-after-pix.json')
  await expect
    .poll(() => rowTitles(page))
    .toEqual(['John Doe', 'Cliente sem identificação', 'Ana Souza'])
  const paid = page.locator('[data-testid=event-card][data-stage=purchase_approved]')
  await expect(paid).toBeVisible()
  await expect(paid.getByRole('list', { name: 'Jornada do pedido' })).toHaveText(
    /PIX pendente.*Compra aprovada/,
  )
  await expect(paid.getByRole('button', { name: 'Copiar código PIX' })).toHaveCount(0)
  await expect(page.getByTestId('lifetime-value')).toHaveText('R$\u00A067,72')
  await expect(page.getByTestId('inbox-unread')).toHaveText('2 não lidas')
  await page.screenshot({ path: 'test-results/screenshots/inbox-pix-paid.png' })

  // The boleto: digitable line in groups, copyable as digits, with its PDF and due date.
  await page.getByTestId('inbox-row').filter({ hasText: 'Ana Souza' }).click()
  const boleto = page.locator('[data-testid=event-card][data-stage=boleto_generated]')
  await expect(boleto.getByTestId('boleto-line')).toHaveText(
    '34191.09669 36967.100540 89356.830003 5 10720000099700',
  )
  await expect(boleto.getByTestId('card-total')).toHaveText('R$\u00A0997,00')
  await expect(boleto.getByRole('link', { name: 'Abrir boleto (PDF)' })).toHaveAttribute(
    'href',
    'https://hotm.art/bHP0970394859',
  )
  await expect(boleto).toContainText('Vencimento:')
  await boleto.getByRole('button', { name: 'Copiar linha digitável' }).click()
  expect(await readClipboard(page)).toBe('34191096693696710054089356830003510720000099700')
  await page.screenshot({ path: 'test-results/screenshots/inbox-boleto.png' })

  // The Shopify checkout: an anonymous buyer, USD, with the recovery link.
  await page.getByTestId('inbox-row').filter({ hasText: 'Cliente sem identificação' }).click()
  const checkout = page.locator('[data-testid=event-card][data-stage=checkout_started]')
  await expect(checkout).toContainText('Checkout iniciado')
  await expect(checkout.getByTestId('card-total')).toHaveText('US$\u00A0600,00')
  const link = checkout.getByRole('link', { name: 'Abrir link' })
  await expect(link).toHaveAttribute('href', /myshopify\.com\/.*\/recover\?key=/)
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(link).toHaveAttribute('rel', /noopener/)
  await page.screenshot({ path: 'test-results/screenshots/inbox-checkout.png' })

  // Nothing above needed a reload: the page still has the first navigation only.
  expect(await page.evaluate("performance.getEntriesByType('navigation').length")).toBe(1)
})

test('searches by phone digits and order id, and keeps the list keyboard-usable', async ({
  page,
  served,
}) => {
  const hotmart = await callApi<CreatedSource>(served, 'createSource', {
    platform: 'hotmart',
    name: 'Cursos Hotmart',
    secret: 'hottok-e2e-search',
  })
  const kiwify = await callApi<CreatedSource>(served, 'createSource', {
    platform: 'kiwify',
    name: 'Loja Kiwify',
  })
  await post(served, hotmart, 'hotmart', 'hotmart-PURCHASE_BILLET_PRINTED-2.json')
  await post(served, kiwify, 'kiwify', 'kiwify-pix_created-1.json')
  await page.goto(served.ready.uiUrl)
  await expect(page.getByTestId('inbox-row')).toHaveCount(2)

  const search = page.getByRole('searchbox', { name: 'Buscar conversas' })
  await search.fill('HP0970394859')
  await expect.poll(() => rowTitles(page)).toEqual(['Ana Souza'])
  await search.fill('johndoe@')
  await expect.poll(() => rowTitles(page)).toEqual(['John Doe'])
  await search.fill('')
  await expect(page.getByTestId('inbox-row')).toHaveCount(2)

  await page.getByRole('listbox').focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('conversation-title')).toHaveText('Ana Souza')
  await expect(page.getByRole('listbox').getByRole('option', { selected: true })).toContainText(
    'Ana Souza',
  )

  await page.getByLabel('Nota interna').fill('Liguei, vai pagar amanhã')
  await page.getByRole('button', { name: 'Adicionar nota' }).click()
  await expect(page.getByTestId('timeline')).toContainText('Liguei, vai pagar amanhã')
  await page.getByRole('button', { name: 'Marcar como resolvida' }).click()
  await expect(page.getByRole('button', { name: 'Reabrir conversa' })).toBeVisible()

  await page.getByRole('button', { name: /Configurações/ }).click()
  await page.getByLabel('Idioma').selectOption('en')
  await page.getByRole('button', { name: /Conversations/ }).click()
  await expect(page.getByRole('button', { name: 'Reopen conversation' })).toBeVisible()
  await expect(page.getByTestId('card-total')).toHaveText('R$997.00')
  await page.screenshot({ path: 'test-results/screenshots/inbox-en.png' })
})
