// Playwright fixture: each test gets its own `recupera serve` on a temporary data dir.
import { test as base } from '@playwright/test'
import { type Served, startServe } from '../helpers/serve'

export const test = base.extend<{ served: Served }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructuring pattern here.
  served: async ({}, use) => {
    const served = await startServe()
    await use(served)
    await served.stop()
  },
})

export { expect } from '@playwright/test'
