import { callApi } from '../helpers/serve'
import { expect, test } from './fixtures'

test('opens the printed uiUrl and shows the app shell with data from the API', async ({
  page,
  served,
}) => {
  await callApi(served, 'createSource', {
    platform: 'hotmart',
    name: 'Loja Hotmart',
    secret: 'hottok-e2e-1234',
  })
  await page.goto(served.ready.uiUrl)
  await expect(page.getByRole('navigation', { name: 'Navegação principal' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Conversas' })).toBeVisible()
  await expect(page.getByTestId('inbox-count')).toHaveText('0 conversas')
  // The token traded for a cookie: it no longer shows in the address bar.
  expect(page.url()).not.toContain('token=')

  await page.getByRole('button', { name: /Fontes/ }).click()
  await expect(page.getByText('Loja Hotmart')).toBeVisible()
  await expect(page.getByText(`${served.ready.receiverUrl}/hooks/`)).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/shell-sources.png', fullPage: true })

  await page.getByRole('button', { name: /Configurações/ }).click()
  await expect(page.getByTestId('tunnel-state')).toContainText('desligado')
  const delay = page.getByLabel(/Minutos até um checkout/)
  await expect(delay).toHaveValue('60')
  await delay.fill('0')
  await page.getByRole('button', { name: 'Salvar' }).click()
  await expect(page.getByRole('status')).toHaveText(/de 1 a 10080/)
  await delay.fill('30')
  await page.getByLabel(/Seu nome/).fill('Ana')
  await page.getByRole('button', { name: 'Salvar' }).click()
  await expect(page.getByRole('status')).toHaveText('Configurações salvas.')
  expect(await callApi(served, 'getSettings')).toMatchObject({
    abandonDelayMinutes: 30,
    agentName: 'Ana',
  })
  await page.screenshot({ path: 'test-results/screenshots/shell-settings.png', fullPage: true })
  await page.getByLabel('Idioma').selectOption('en')
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  await page.getByRole('button', { name: /Conversations/ }).click()
  await page.screenshot({ path: 'test-results/screenshots/shell-inbox-en.png', fullPage: true })
})

test('refuses the API without the session token', async ({ request, served }) => {
  const response = await request.post(`${served.uiOrigin}/api/listSources`, {
    data: { input: null },
  })
  expect(response.status()).toBe(401)
})
