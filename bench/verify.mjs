// After a run: every acknowledged delivery must be in the database file, exactly once.
import Database from 'better-sqlite3'

export function verifyAcked(dbFile, acked) {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const counts = new Map()
    const add = (key) => counts.set(key, (counts.get(key) ?? 0) + 1)
    for (const { dedup_key } of db.prepare('SELECT dedup_key FROM events').iterate()) add(dedup_key)
    // Nuvemshop webhooks are thin: the durable record is the delivery row plus its fetch job.
    const thin = db.prepare(
      "SELECT dedup_key FROM deliveries WHERE outcome = 'enrich_pending' AND dedup_key IS NOT NULL",
    )
    // A retried thin delivery may log a second enrich_pending line once the first fetch job
    // has run: presence is what counts there, so count each key once.
    const thinKeys = new Set()
    for (const { dedup_key } of thin.iterate()) thinKeys.add(dedup_key)
    for (const key of thinKeys) if (!counts.has(key)) add(key)
    let missing = 0
    let duplicated = 0
    const samples = []
    for (const key of new Set(acked)) {
      const n = counts.get(key) ?? 0
      if (n === 0) missing++
      else if (n > 1) duplicated++
      if (n !== 1 && samples.length < 5) samples.push(`${key}×${n}`)
    }
    const integrity = db.pragma('integrity_check', { simple: true })
    return { acked: acked.length, missing, duplicated, integrity, samples }
  } finally {
    db.close()
  }
}
