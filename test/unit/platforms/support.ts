// Test support: fixture loading and signed deliveries built with sign.ts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { adapterFor, type SignOptions, signDelivery } from '../../../src/main/platforms'
import type { NormalizeResult, SourceContext, VerifyInput } from '../../../src/main/platforms/types'
import type { NormalizedEvent, Platform } from '../../../src/shared/events'

const FIXTURES = join(__dirname, '../../fixtures/webhooks')

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name))
}

export const ctx: SourceContext = {
  sourceId: 'src_test',
  checkoutUrl: 'https://pay.hotmart.com/A123456789B',
  storeId: null,
}

export const SECRET = 'test-secret-1'
export const OTHER_SECRET = 'test-secret-2'

/** A delivery as the platform would send it, ready for `verify`. */
export function signed(
  platform: Platform,
  raw: Buffer,
  secret = SECRET,
  opts: SignOptions = {},
): Omit<VerifyInput, 'secrets'> {
  const { headers, query } = signDelivery(platform, raw, secret, opts)
  return { raw, headers, query }
}

export function verify(
  platform: Platform,
  input: Omit<VerifyInput, 'secrets'>,
  secrets = [SECRET],
) {
  return adapterFor(platform).verify({ ...input, secrets })
}

/** Normalizes and insists on exactly one event. */
export function oneEvent(result: NormalizeResult): NormalizedEvent {
  expect(result.kind).toBe('events')
  if (result.kind !== 'events') throw new Error(JSON.stringify(result))
  expect(result.events).toHaveLength(1)
  return result.events[0]
}

/** Fixture edits reach into arbitrary nested JSON; a loose type keeps them readable. */
// biome-ignore lint/suspicious/noExplicitAny: test-only edits of untyped fixture JSON
export type Body = Record<string, any>

/** A copy of a JSON fixture with some top-level or nested changes (no ids above 2^53). */
export function variant(name: string, edit: (body: Body) => void): Buffer {
  const body = JSON.parse(fixture(name).toString('utf8'))
  edit(body)
  return Buffer.from(JSON.stringify(body))
}
