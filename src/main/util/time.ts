// One clock for the core, so tests and the scheduler can agree on "now".
export type Clock = () => number

export const systemClock: Clock = () => Date.now()

export const iso = (ms: number): string => new Date(ms).toISOString()
export const isoOrNull = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : iso(ms)
