// Platform timestamps to ISO-8601 UTC. Kiwify writes Brasília wall-clock time with no zone
// (UTC−3; Brazil has had no daylight saving since 2019), Hotmart epoch milliseconds, Nuvemshop
// `+0000` offsets without a colon, Shopify ISO with offsets. Unparseable input gives null.

const BRASILIA_OFFSET = '-03:00'

/** ISO with any offset (`+0000`, `+00:00`, `Z`) to UTC ISO. */
export function isoToUtc(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = value.trim().replace(/([+-]\d\d)(\d\d)$/, '$1:$2')
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(text)) return null
  return validIso(text)
}

/** Epoch milliseconds (number or numeric string) to UTC ISO. */
export function epochMsToUtc(value: unknown): string | null {
  const ms = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) return null
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/**
 * Brasília local time to UTC ISO: `YYYY-MM-DD HH:mm[:ss]`, `DD/MM/YYYY HH:mm[:ss]`, or a date
 * alone (`DD/MM/YYYY`, `YYYY-MM-DD`), which means the end of that day there (a due date).
 * Values that already carry a zone are read as ISO.
 */
export function brasiliaToUtc(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = value.trim()
  const zoned = isoToUtc(text)
  if (zoned) return zoned
  const match =
    /^(?:(\d{4})-(\d\d)-(\d\d)|(\d\d)\/(\d\d)\/(\d{4}))(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?$/.exec(
      text,
    )
  if (!match) return null
  const year = match[1] ?? match[6]
  const month = match[2] ?? match[5]
  const day = match[3] ?? match[4]
  const time = match[7] ? `${match[7]}:${match[8]}:${match[9] ?? '00'}.000` : '23:59:59.999'
  const iso = validIso(`${year}-${month}-${day}T${time}${BRASILIA_OFFSET}`)
  // Reject 31/02 and friends: Date rolls them over silently.
  if (!iso) return null
  const local = new Date(Date.parse(iso) - 3 * 3_600_000).toISOString()
  return local.slice(0, 10) === `${year}-${month}-${day}` ? iso : null
}

/** `YYYY-MM-DD` calendar date as the end of that day in Brasília (boleto due dates). */
export function endOfBrasiliaDay(date: string): string | null {
  return brasiliaToUtc(date)
}

function validIso(text: string): string | null {
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}
