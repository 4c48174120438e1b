// Opens the SQLite database: WAL, foreign keys, synchronous=FULL (an acknowledged webhook must
// survive a power loss, not only a process kill), then migrates. Exposes Kysely for typed
// queries and synchronous helpers that run compiled Kysely queries on better-sqlite3 directly,
// so multi-statement writes are one synchronous transaction that no await can split.
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { Worker } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'
import { type Compilable, type Insertable, Kysely, SqliteDialect } from 'kysely'
import { migrate } from './migrate'
import type { Database } from './schema'

export interface Db {
  kysely: Kysely<Database>
  sqlite: BetterSqlite3.Database
  /** Runs a compiled query and returns all rows. */
  all<R>(query: Compilable<R>): R[]
  first<R>(query: Compilable<R>): R | undefined
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number | bigint }
  /**
   * Inserts one row through a cached prepared statement: for hot paths, where building and
   * compiling a Kysely query per call costs more than SQLite's own work. Undefined values are
   * left out, as Kysely does.
   */
  insert<T extends keyof Database & string>(
    table: T,
    row: Insertable<Database[T]>,
  ): { changes: number; lastInsertRowid: number | bigint }
  /**
   * Updates one row by its `id` through a cached prepared statement (one per set of columns),
   * for the same reason as insert. Undefined values are left out.
   */
  update<T extends keyof Database & string>(
    table: T,
    id: string | number,
    patch: Partial<Insertable<Database[T]>>,
  ): { changes: number }
  /** A cached prepared statement for hand-written SQL on hot paths. */
  statement(sql: string): BetterSqlite3.Statement
  /** A synchronous transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T
  close(): Promise<void>
}

export interface OpenOptions {
  /**
   * Checkpoint the WAL from a worker thread (see startCheckpointer). For the long-running app;
   * tests and one-shot CLI commands keep SQLite's own checkpoints.
   */
  backgroundCheckpoints?: boolean
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  mkdirSync(dirname(file), { recursive: true })
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // 32 MiB of page cache instead of SQLite's 2 MiB: ingest inserts into indexes keyed by
  // phone, e-mail, dedup key and order (random positions), and a page evicted between
  // deliveries must be read back through a system call.
  sqlite.pragma('cache_size = -32768')
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    await migrate(kysely as unknown as Kysely<unknown>)
  } catch (error) {
    await kysely.destroy()
    throw error
  }
  const checkpointer = options.backgroundCheckpoints ? startCheckpointer(file, sqlite) : null
  return wrap(kysely, sqlite, checkpointer)
}

/** How often the worker checkpoints; a no-op when the WAL has nothing new. */
const CHECKPOINT_EVERY_MS = 200
/** The main thread checkpoints by itself past this many WAL pages: if the worker falls behind. */
const BACKSTOP_PAGES = 10_000

// A checkpoint copies WAL pages into the database file and fsyncs it. SQLite runs one inside
// the COMMIT that crosses 1,000 WAL pages: under load about one commit in twenty, 8–27 ms with
// the event loop blocked, which is what the slowest acknowledgements waited for. A second
// connection in a worker thread does it instead (PASSIVE: it never blocks the writer).
// Durability is unchanged: commits are durable in the WAL, a checkpoint only moves pages.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
const run = () => { try { db.pragma('wal_checkpoint(PASSIVE)') } catch {} }
const timer = setInterval(run, workerData.everyMs)
parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.close() })
`

function startCheckpointer(file: string, sqlite: BetterSqlite3.Database): Worker | null {
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    const worker = new Worker(CHECKPOINTER, {
      eval: true,
      workerData: { file, driver, everyMs: CHECKPOINT_EVERY_MS },
    })
    // Should the worker fail, SQLite's own checkpoints take over again.
    worker.on('error', () => {
      if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000')
    })
    worker.unref()
    sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`)
    return worker
  } catch {
    return null
  }
}

async function stopCheckpointer(worker: Worker): Promise<void> {
  // Held (ref'd) while stopping: an unref'd worker and timer would let the process exit in
  // the middle of close(), before the database is closed.
  worker.ref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  worker.postMessage('close')
  let timer: NodeJS.Timeout | undefined
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 2000)
  })
  await Promise.race([exited, gaveUp])
  clearTimeout(timer)
  await worker.terminate()
}

function wrap(
  kysely: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
  checkpointer: Worker | null = null,
): Db {
  const statements = new Map<string, BetterSqlite3.Statement>()
  const cached = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = sqlite.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  const runInTransaction = sqlite.transaction((fn: () => unknown) => fn())
  const prepare = (query: Compilable<unknown>) => {
    const compiled = query.compile()
    return { statement: cached(compiled.sql), parameters: compiled.parameters as unknown[] }
  }
  return {
    kysely,
    sqlite,
    all<R>(query: Compilable<R>) {
      const { statement, parameters } = prepare(query)
      return statement.all(...parameters) as R[]
    },
    first<R>(query: Compilable<R>) {
      const { statement, parameters } = prepare(query)
      return statement.get(...parameters) as R | undefined
    },
    run(query) {
      const { statement, parameters } = prepare(query)
      return statement.run(...parameters)
    },
    insert(table, row) {
      const values = defined(row)
      const columns = Object.keys(values)
      return cached(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      ).run(values)
    },
    update(table, id, patch) {
      const values = defined(patch)
      const columns = Object.keys(values)
      if (columns.length === 0) return { changes: 0 }
      return cached(
        `UPDATE "${table}" SET ${columns.map((c) => `"${c}" = @${c}`).join(', ')} WHERE id = @__id`,
      ).run({ ...values, __id: id })
    },
    statement: (sql) => cached(sql),
    tx(fn) {
      // One wrapper for every call: better-sqlite3 turns nested calls into savepoints.
      return runInTransaction(fn) as ReturnType<typeof fn>
    },
    async close() {
      if (checkpointer) await stopCheckpointer(checkpointer)
      await kysely.destroy()
    },
  }
}

function defined(row: object): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [column, value] of Object.entries(row)) {
    if (value !== undefined) values[column] = value
  }
  return values
}
