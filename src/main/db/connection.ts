// Opens the SQLite database: WAL, foreign keys, synchronous=FULL (an acknowledged webhook must
// survive a power loss, not only a process kill), then migrates. Exposes Kysely for typed
// queries and synchronous helpers that run compiled Kysely queries on better-sqlite3 directly,
// so multi-statement writes are one synchronous transaction that no await can split.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
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
  /** A cached prepared statement for hand-written SQL on hot paths. */
  statement(sql: string): BetterSqlite3.Statement
  /** A synchronous transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T
  close(): Promise<void>
}

export async function openDatabase(file: string): Promise<Db> {
  mkdirSync(dirname(file), { recursive: true })
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    await migrate(kysely as unknown as Kysely<unknown>)
  } catch (error) {
    await kysely.destroy()
    throw error
  }
  return wrap(kysely, sqlite)
}

function wrap(kysely: Kysely<Database>, sqlite: BetterSqlite3.Database): Db {
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
      const values: Record<string, unknown> = {}
      for (const [column, value] of Object.entries(row)) {
        if (value !== undefined) values[column] = value
      }
      const columns = Object.keys(values)
      return cached(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      ).run(values)
    },
    statement: (sql) => cached(sql),
    tx(fn) {
      // One wrapper for every call: better-sqlite3 turns nested calls into savepoints.
      return runInTransaction(fn) as ReturnType<typeof fn>
    },
    async close() {
      await kysely.destroy()
    },
  }
}
