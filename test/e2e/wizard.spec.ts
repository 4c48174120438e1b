// The connect-a-store wizard, as a shop owner walks it: Kiwify with automatic registration
// against a fake Kiwify API started here, and Hotmart's manual path; both end with a test
// event whose card arrives.

import type { Page } from '@playwright/test'
import { type FakeKiwify, KIWIFY_FAKE_CREDENTIALS, startFakeKiwify } from '../helpers/fake-kiwify'
import { expect, test } from './fixtures'

const SHOTS = 'test-results/screenshots'
const readClipboard = (page: Page) => page.evaluate<string>('navigator.clipboard.readText()')
let kiwify: FakeKiwify | null = null

test.afterEach(async () => {
  await kiwify?.close()
  kiwify = null
})

test('connects Kiwify automatically, copies URL and secret, and sees the test card', async ({
  page,
  served,
}) => {
  kiwify = await startFakeKiwify()
  await page.goto(served.ready.uiUrl)
  await page.getByRole('button', { name: /Fontes/ }).click()
  await expect(page.getByText('Nenhuma fonte ainda')).toBeVisible()
  await page.getByRole('button', { name: 'Conectar uma loja' }).click()
  await page.screenshot({ path: `${SHOTS}/wizard-1-platform.png`, fullPage: true })
  await page.getByRole('button', { name: /Kiwify/ }).click()

  await page.getByLabel('Nome da fonte').fill('Curso da Ana')
  await expect(page.getByLabel(/Quero que o Recupera configure/)).toBeChecked()
  await page.getByLabel('Client ID').fill(KIWIFY_FAKE_CREDENTIALS.clientId)
  await page.getByLabel('Client secret').fill(KIWIFY_FAKE_CREDENTIALS.clientSecret)
  await page.getByLabel('Account ID').fill(KIWIFY_FAKE_CREDENTIALS.accountId)
  await page.getByText('Avançado').click()
  await page.getByLabel('Endereço da API').fill(kiwify.url)
  await page.screenshot({ path: `${SHOTS}/wizard-2-details.png`, fullPage: true })
  await page.getByRole('button', { name: 'Criar fonte' }).click()

  const url = page.getByTestId('webhook-url')
  await expect(url).toHaveText(new RegExp(`^${served.ready.receiverUrl}/hooks/[\\w-]{20,}$`))
  const webhookUrl = (await url.textContent())!
  await page.getByRole('button', { name: 'Copiar Endereço do webhook (URL)' }).click()
  expect(await readClipboard(page)).toBe(webhookUrl)

  await expect(page.getByTestId('secret-value')).toHaveText(/^•+$/)
  await page.getByRole('button', { name: 'Copiar Token do webhook' }).click()
  const secret = await readClipboard(page)
  expect(secret).toMatch(/^[\w-]{20,}$/)
  await page.getByRole('button', { name: 'Mostrar' }).click()
  await expect(page.getByTestId('secret-value')).toHaveText(secret)

  await page.getByRole('button', { name: 'Configurar na Kiwify agora' }).click()
  await expect(page.getByRole('status').getByTestId('registration-status')).toContainText(
    'webhook configurado na plataforma',
  )
  const hooks = [...kiwify.webhooks.values()]
  expect(hooks).toHaveLength(1)
  expect(hooks[0]).toMatchObject({ url: webhookUrl, token: secret, products: 'all' })
  await page.screenshot({ path: `${SHOTS}/wizard-3-connect-kiwify.png`, fullPage: true })

  await page.getByRole('button', { name: 'Próximo: testar' }).click()
  await page.getByRole('button', { name: 'Enviar evento de teste' }).click()
  const card = page.getByTestId('test-event-card')
  await expect(card).toBeVisible()
  await expect(card).toContainText('Compra aprovada')
  await expect(card).toContainText('teste')
  await expect(card).toContainText('R$\u00a097,00')
  await page.screenshot({ path: `${SHOTS}/wizard-4-test-arrived.png`, fullPage: true })

  await page.getByRole('button', { name: 'Concluir' }).click()
  const sourceCard = page.getByTestId('source-card')
  await expect(sourceCard).toContainText('Curso da Ana')
  await expect(sourceCard).toContainText('webhook configurado na plataforma')
  await expect(sourceCard).not.toContainText('Último evento: nunca')
  await sourceCard.getByRole('button', { name: 'Saúde' }).click()
  await expect(page.getByTestId('source-health')).toContainText('1 avisos recebidos: 1 guardados')
  await page.screenshot({ path: `${SHOTS}/sources-health.png`, fullPage: true })
})

test('walks Hotmart manually, tests it, and deletes it after a clear confirmation', async ({
  page,
  served,
}) => {
  await page.goto(served.ready.uiUrl)
  await page.getByRole('button', { name: /Fontes/ }).click()
  await page.getByRole('button', { name: 'Conectar uma loja' }).click()
  await page.getByRole('button', { name: /Hotmart/ }).click()
  await expect(page.getByText(/Hottok de verificação/)).toBeVisible()
  await page.getByLabel('Nome da fonte').fill('Mentoria Hotmart')
  await page.getByLabel('Hottok').fill('hottok-e2e-manual-1234')
  await page.getByLabel(/Link de pagamento/).fill('https://pay.hotmart.com/X123')
  await page.getByRole('button', { name: 'Criar fonte' }).click()

  await expect(page.getByText('Na Hotmart, faça assim:')).toBeVisible()
  await expect(page.locator('.src-manual-steps li')).toHaveCount(4)
  await expect(page.getByRole('button', { name: /Configurar na/ })).toHaveCount(0)
  await page.getByRole('button', { name: 'Copiar Hottok' }).click()
  expect(await readClipboard(page)).toBe('hottok-e2e-manual-1234')
  await page.screenshot({ path: `${SHOTS}/wizard-3-connect-hotmart.png`, fullPage: true })

  await page.getByRole('button', { name: 'Próximo: testar' }).click()
  await page.getByRole('button', { name: 'Enviar evento de teste' }).click()
  await expect(page.getByTestId('test-event-card')).toContainText('Compra aprovada')
  await page.getByRole('button', { name: 'Concluir' }).click()

  const sourceCard = page.getByTestId('source-card')
  await expect(sourceCard).toContainText('configuração manual')
  await sourceCard.getByRole('button', { name: 'Excluir' }).click()
  const confirm = page.getByRole('alertdialog')
  await expect(confirm).toContainText('Todos os eventos recebidos por esta fonte')
  await page.screenshot({ path: `${SHOTS}/sources-remove-confirm.png`, fullPage: true })
  await confirm.getByRole('button', { name: 'Excluir fonte e eventos' }).click()
  await expect(page.getByTestId('source-card')).toHaveCount(0)
  await expect(page.getByText('Nenhuma fonte ainda')).toBeVisible()
})
