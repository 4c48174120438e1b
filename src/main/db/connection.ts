// Opens the SQLite database: WAL, foreign keys, synchronous=FULL (an acknowledged webhook must
// survive a power loss, not only a process kill), then migrates. Exposes Kysely for typed
// queries and synchronous helpers that run compiled Kysely queries on better-sqlite3 directly,
// so multi-statement writes are one synchronous transaction that no await can split.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { type Compilable, Kysely, SqliteDialect } from 'kysely'
import { migrate } from './migrate'
import type { Database } from './schema'

export interface Db {
  kysely: Kysely<Database>
  sqlite: BetterSqlite3.Database
  /** Runs a compiled query and returns all rows. */
  all<R>(query: Compilable<R>): R[]
  first<R>(query: Compilable<R>): R | undefined
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number | bigint }
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
  const prepare = (query: Compilable<unknown>) => {
    const compiled = query.compile()
    let statement = statements.get(compiled.sql)
    if (!statement) {
      statement = sqlite.prepare(compiled.sql)
      statements.set(compiled.sql, statement)
    }
    return { statement, parameters: compiled.parameters as unknown[] }
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
    tx(fn) {
      return sqlite.transaction(fn)()
    },
    async close() {
      await kysely.destroy()
    },
  }
}
