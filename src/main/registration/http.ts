// What the platform API clients share: one typed error (PLATFORM_ERROR with the HTTP status)
// and a fetch wrapper that times out, reads the body once and never logs or echoes tokens.
export type FetchLike = typeof fetch

export class PlatformError extends Error {
  readonly code = 'PLATFORM_ERROR'
  constructor(
    readonly platform: string,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    message: string,
    /** Set on 429: how long the platform asked us to wait. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${platform}: ${message}`)
  }
}

export interface HttpResponse {
  status: number
  headers: Headers
  text: string
}

const TIMEOUT_MS = 15_000

/** One request; network failures become PlatformError(status 0). */
export async function request(
  platform: string,
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit,
): Promise<HttpResponse> {
  let response: Response
  try {
    response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    throw new PlatformError(platform, 0, `could not reach ${new URL(url).host}: ${why}`)
  }
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/** A short, token-free description of a failed answer. */
export function failure(platform: string, res: HttpResponse, what: string): PlatformError {
  return new PlatformError(
    platform,
    res.status,
    `${what} failed with HTTP ${res.status}${detailOf(res.text)}`,
    res.status === 429 ? retryAfterOf(res.headers) : null,
  )
}

function detailOf(text: string): string {
  const trimmed = text.trim()
  if (!trimmed) return ''
  try {
    const body = JSON.parse(trimmed) as Record<string, unknown>
    const message = body.message ?? body.error_description ?? body.error ?? body.description
    // Nuvemshop puts the useful part in `description` next to a generic `message`.
    const extra =
      typeof body.description === 'string' && body.description !== message
        ? `: ${body.description}`
        : ''
    if (typeof message === 'string') return `: ${`${message}${extra}`.slice(0, 200)}`
    if (message) return `: ${JSON.stringify(message).slice(0, 200)}`
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return `: ${trimmed.slice(0, 200)}`
}

/**
 * Milliseconds to wait after a 429: Nuvemshop's `x-rate-limit-reset` (ms until the bucket has
 * room), else `Retry-After` (seconds or an HTTP date); null when the platform said nothing.
 */
export function retryAfterOf(headers: Headers, now = Date.now()): number | null {
  const reset = headers.get('x-rate-limit-reset')
  if (reset !== null && /^\d+$/.test(reset.trim())) return Math.max(0, Number(reset))
  const after = headers.get('retry-after')
  if (after === null) return null
  if (/^\d+(\.\d+)?$/.test(after.trim())) return Math.max(0, Number(after) * 1000)
  const at = Date.parse(after)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

export function parseJson(platform: string, res: HttpResponse, what: string): unknown {
  try {
    return res.text.trim() ? JSON.parse(res.text) : null
  } catch {
    throw new PlatformError(platform, res.status, `${what}: the answer is not JSON`)
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** URL ids may be numbers or strings on the wire; we keep them as strings. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value) return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}
