// Group commit: writes that arrive together share one SQLite transaction, and each caller is
// answered only after that transaction commits. With synchronous=FULL every commit costs an
// fsync; sharing it is what lets the receiver acknowledge fast without weakening durability.
// Each unit runs in its own savepoint, so one failing write does not fail its neighbours.
import type { Db } from '../db/connection'

interface Pending<T> {
  work: () => T
  resolve: (value: T) => void
  reject: (error: unknown) => void
}

export class GroupCommitter {
  private queue: Pending<unknown>[] = []
  private scheduled = false

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 500,
    /** Work that follows a commit but must not delay its acknowledgements (search index). */
    private readonly afterCommit: () => void = () => {},
  ) {}

  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve, reject } as Pending<unknown>)
      if (!this.scheduled) {
        this.scheduled = true
        // setImmediate lets every request already parsed in this turn join the batch.
        setImmediate(() => this.flush())
      }
    })
  }

  /** Runs everything queued so far; used on shutdown too. */
  flush(): void {
    this.scheduled = false
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch)
      this.commit(batch)
    }
  }

  private commit(batch: Pending<unknown>[]): void {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = []
    try {
      this.db.tx(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: this.db.tx(item.work) })
          } catch (error) {
            outcomes.push({ ok: false, error })
          }
        }
      })
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nobody gets an acknowledgement.
      for (const item of batch) item.reject(error)
      return
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!
      if (outcome.ok) item.resolve(outcome.value)
      else item.reject(outcome.error)
    })
    this.afterCommit()
  }
}
