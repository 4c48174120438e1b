// The contract every platform adapter implements: pure functions over raw bytes, headers,
// query and secrets. No I/O here: the receiver and ingest own the side effects.
import type { NormalizedEvent, Platform } from '../../shared/events'

/** Header names are lower-cased (as Node's IncomingMessage gives them). */
export type Headers = Readonly<Record<string, string | string[] | undefined>>

export interface VerifyInput {
  raw: Buffer
  headers: Headers
  query: URLSearchParams
  /** One or two secrets (two during a rotation). */
  secrets: readonly string[]
}

export type VerifyResult = { ok: true } | { ok: false; reason: string }

/** What the source knows that the payload does not (Hotmart checkout URL, Nuvemshop store). */
export interface SourceContext {
  sourceId: string
  checkoutUrl: string | null
  storeId: string | null
}

export type NormalizeResult =
  /** One or more events to store. */
  | { kind: 'events'; events: NormalizedEvent[] }
  /** Verified, understood, but not a stage the app uses: stored in the delivery log only. */
  | { kind: 'unsupported'; eventType: string; dedupKey: string; reason: string }
  /** Thin body (Nuvemshop): the resource must be fetched after acknowledging. */
  | { kind: 'enrich'; eventType: string; resourceId: string; storeId: string; dedupKey: string }
  /** Verified but not parseable as this platform's payload. */
  | { kind: 'malformed'; reason: string }

export interface PlatformAdapter {
  platform: Platform
  verify(input: VerifyInput): VerifyResult
  normalize(raw: Buffer, headers: Headers, source: SourceContext): NormalizeResult
}
