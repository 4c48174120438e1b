// Lossless JSON for webhook bodies. Shopify ids exceed 2^53 and JSON.parse silently rounds
// them; Hotmart money is a decimal number (`149.5`) that must reach money.ts as written. A
// tokenizer-aware pre-pass quotes every number that a double could alter (integers beyond
// 2^53, and any fraction or exponent), then the native parser does the rest: safe integers
// stay numbers, the others arrive as their exact source text.

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const NUMBER_START = /[-0-9]/

/** Parses a body; throws SyntaxError like JSON.parse. Strips a UTF-8 BOM. */
export function parseJsonExact(input: Buffer | string): unknown {
  const text = typeof input === 'string' ? input : input.toString('utf8')
  return JSON.parse(quoteInexactNumbers(text.replace(/^\uFEFF/, '')))
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; reason: string }

/** As parseJsonExact, as data: `{ok:false, reason}` for a body that is not JSON. */
export function tryParseJson(input: Buffer | string): JsonParse {
  try {
    return { ok: true, value: parseJsonExact(input) }
  } catch (error) {
    return { ok: false, reason: `body is not JSON (${(error as Error).message})` }
  }
}

function quoteInexactNumbers(text: string): string {
  const parts: string[] = []
  let copied = 0
  let at = 0
  while (at < text.length) {
    const char = text[at]
    if (char === '"') {
      at = endOfString(text, at)
      continue
    }
    if (!NUMBER_START.test(char)) {
      at++
      continue
    }
    NUMBER.lastIndex = at
    const match = NUMBER.exec(text)
    // Not a valid number: leave it for JSON.parse to reject with its own message.
    if (!match) return text
    const token = match[0]
    if (!isExactAsDouble(token)) {
      parts.push(text.slice(copied, at), '"', token, '"')
      copied = at + token.length
    }
    at += token.length
  }
  if (copied === 0) return text
  parts.push(text.slice(copied))
  return parts.join('')
}

/** Index just past the closing quote of the string starting at `start`. */
function endOfString(text: string, start: number): number {
  let at = start + 1
  while (at < text.length) {
    const char = text[at]
    if (char === '\\') at += 2
    else if (char === '"') return at + 1
    else at++
  }
  return at
}

function isExactAsDouble(token: string): boolean {
  if (/[.eE]/.test(token)) return false
  const digits = token.replace('-', '')
  return digits.length < 16 || Number.isSafeInteger(Number(token))
}

/** Helpers that read untrusted parsed JSON without casts scattered through the normalizers. */
export type JsonObject = Record<string, unknown>

export function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : null
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** A non-empty trimmed string; numbers (ids) become their text. */
export function asString(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' ? null : trimmed
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** An integer from a number or a numeric string (Nuvemshop quantities arrive as both). */
export function asInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    const n = Number(value.trim())
    return Number.isSafeInteger(n) ? n : null
  }
  return null
}

/** Walks a path of keys through nested objects. */
export function pick(value: unknown, ...path: string[]): unknown {
  let current: unknown = value
  for (const key of path) {
    const object = asObject(current)
    if (!object) return undefined
    current = object[key]
  }
  return current
}
