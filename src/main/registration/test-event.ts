// "Send a test event": signs a sample body with the source's current secret exactly as the
// platform would and POSTs it to the public URL (so the tunnel is tested too) or, without
// one, to the local receiver. The receiver stores it like any delivery; the card is a test.
import type { TestEventResult } from '../../shared/api'
import { signDelivery } from '../platforms/sign'
import type { Source } from '../sources/sources'
import type { Clock } from '../util/time'
import { type FetchLike, PlatformError, request } from './http'
import { sampleFor } from './samples'

export interface TestEventTarget {
  publicUrl: string | null
  receiverUrl: string
}

export async function sendTestEvent(
  source: Source,
  target: TestEventTarget,
  clock: Clock,
  fetchImpl: FetchLike = fetch,
): Promise<TestEventResult> {
  const sample = sampleFor(source.platform, clock(), source.storeId)
  const { headers, query } = signDelivery(
    source.platform,
    sample.body,
    source.secrets[0]!,
    sample.sign,
  )
  const qs = query.toString()
  const path = `/hooks/${source.webhookKey}${qs ? `?${qs}` : ''}`
  const post = (base: string) =>
    request('recupera', fetchImpl, `${base.replace(/\/+$/, '')}${path}`, {
      method: 'POST',
      headers,
      body: sample.body,
      redirect: 'manual',
    })
  let publicError: string | null = null
  if (target.publicUrl) {
    try {
      const res = await post(target.publicUrl)
      return result(target.publicUrl, 'public', res.status, res.text, null)
    } catch (error) {
      publicError = error instanceof PlatformError ? error.message : String(error)
    }
  }
  const res = await post(target.receiverUrl)
  return result(target.receiverUrl, 'local', res.status, res.text, publicError)
}

function result(
  base: string,
  via: 'public' | 'local',
  status: number,
  text: string,
  publicError: string | null,
): TestEventResult {
  let outcome: string | null = null
  let reason: string | null = null
  try {
    const body = JSON.parse(text) as { outcome?: string; error?: string; reason?: string }
    outcome = body.outcome ?? body.error ?? null
    reason = body.reason ?? null
  } catch {
    reason = text.slice(0, 200) || null
  }
  return { url: base, via, httpStatus: status, outcome, reason, publicError }
}
