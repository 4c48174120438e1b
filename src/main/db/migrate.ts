// Runs the static migration list and refuses a database written by a newer Recupera:
// opening it with old code could silently drop data the newer schema relies on.
import type { Kysely } from 'kysely'
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration'
import { migrations } from './migrations'

export class SchemaTooNewError extends Error {
  readonly code = 'SCHEMA_TOO_NEW'
  constructor(readonly unknownMigrations: string[]) {
    super(
      `This database was written by a newer version of Recupera (schema ${unknownMigrations.join(
        ', ',
      )}). Update Recupera, or use another data directory.`,
    )
  }
}

const provider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(migrations)
  },
}

export function assertOrdered(names: readonly string[]): void {
  names.forEach((name, i) => {
    const expected = String(i + 1).padStart(4, '0')
    if (!name.startsWith(`${expected}_`)) {
      throw new Error(`migration ${name} is out of order: expected ${expected}_…`)
    }
  })
}

export async function migrate(db: Kysely<unknown>): Promise<string[]> {
  const known = migrations.map(([name]) => name)
  assertOrdered(known)
  const applied = await appliedMigrations(db)
  const unknown = applied.filter((name) => !known.includes(name))
  if (unknown.length > 0) throw new SchemaTooNewError(unknown)

  const { error, results } = await new Migrator({ db, provider }).migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  if (!tables.some((t) => t.name === 'kysely_migration')) return []
  const rows = await (db as Kysely<{ kysely_migration: { name: string } }>)
    .selectFrom('kysely_migration')
    .select('name')
    .execute()
  return rows.map((r) => r.name)
}
