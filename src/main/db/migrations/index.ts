// The ordered, static list of migrations. Loading them from a folder at run time breaks once
// bundled, so each one is imported here by name. Append only.
import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_init'
import * as m0002 from './0002_inbox_search'
import * as m0003 from './0003_search_dirty'

export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_init', m0001],
  ['0002_inbox_search', m0002],
  ['0003_search_dirty', m0003],
]
