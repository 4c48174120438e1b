// Commerce sources: one per platform account, each with an unguessable webhook key and its
// verification secret(s), encrypted at rest. The receiver looks sources up by key through a
// short-lived cache, so sources added by the CLI reach a running `serve` without a restart.
import { randomBytes, randomUUID } from 'node:crypto'
import type { CreateSourceInput, SourceView, UpdateSourceInput } from '../../shared/api'
import type { Platform } from '../../shared/events'
import type { Db } from '../db/connection'
import type { SourceRow } from '../db/schema'
import type { SecretBox } from '../secrets/secret-box'
import { type Clock, iso, isoOrNull } from '../util/time'

/** A source as the receiver and clients need it: secrets decrypted, in memory only. */
export interface Source {
  id: string
  platform: Platform
  name: string
  webhookKey: string
  secrets: string[]
  credentials: Record<string, string>
  storeId: string | null
  apiBase: string | null
  checkoutUrl: string | null
  enabled: boolean
}

export class SourceError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'INVALID_INPUT',
    message: string,
  ) {
    super(message)
  }
}

const CACHE_MS = 2000

export class Sources {
  private readonly byKey = new Map<string, { source: Source | null; at: number }>()

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  create(input: CreateSourceInput): { source: Source; row: SourceRow } {
    const secret = input.secret?.trim() || (input.platform === 'kiwify' ? generateToken() : '')
    if (!secret)
      throw new SourceError('INVALID_INPUT', `a ${input.platform} source needs its secret`)
    const now = this.clock()
    const credentials: Record<string, string> = {}
    for (const field of CREDENTIAL_FIELDS) {
      const value = input[field]?.trim()
      if (value) credentials[field] = value
    }
    const row: SourceRow = {
      id: randomUUID(),
      platform: input.platform,
      name: input.name.trim(),
      webhook_key: randomBytes(24).toString('base64url'),
      secrets_enc: this.box.encrypt(JSON.stringify([secret])),
      credentials_enc: Object.keys(credentials).length
        ? this.box.encrypt(JSON.stringify(credentials))
        : null,
      store_id: input.storeId ?? null,
      api_base: input.apiBase ?? null,
      checkout_url: input.checkoutUrl ?? null,
      enabled: 1,
      created_at: now,
      updated_at: now,
      last_event_at: null,
      duplicate_config_at: null,
      duplicate_config_detail: null,
      registration_json: null,
      registration_status: null,
      registration_checked_at: null,
    }
    this.db.run(this.db.kysely.insertInto('sources').values(row))
    return { source: this.toSource(row), row }
  }

  /** Name, enabled flag, checkout URL, API base, store id and credentials (merged). */
  update(input: UpdateSourceInput): SourceRow {
    const row = this.row(input.id)
    const patch: Partial<SourceRow> = { updated_at: this.clock() }
    if (input.name !== undefined) patch.name = input.name.trim()
    if (input.enabled !== undefined) patch.enabled = input.enabled ? 1 : 0
    if (input.checkoutUrl !== undefined) patch.checkout_url = input.checkoutUrl
    if (input.apiBase !== undefined) patch.api_base = input.apiBase
    if (input.storeId !== undefined) patch.store_id = input.storeId
    if (input.credentials) {
      const merged = this.toSource(row).credentials
      for (const [key, value] of Object.entries(input.credentials)) {
        if (value) merged[key] = value
        else delete merged[key]
      }
      patch.credentials_enc = Object.keys(merged).length
        ? this.box.encrypt(JSON.stringify(merged))
        : null
    }
    this.db.run(this.db.kysely.updateTable('sources').set(patch).where('id', '=', input.id))
    this.byKey.clear()
    return this.row(input.id)
  }

  /** Starts a rotation: the new secret comes first, the old one stays valid until confirmed. */
  rotateSecret(id: string, next?: string): { row: SourceRow; secret: string } {
    const row = this.row(id)
    const secret = next?.trim() || (row.platform === 'kiwify' ? generateToken() : '')
    if (!secret) throw new SourceError('INVALID_INPUT', `paste the new ${row.platform} secret`)
    const current = this.secretsOf(row)[0]!
    if (secret === current) throw new SourceError('INVALID_INPUT', 'that is the current secret')
    this.writeSecrets(id, [secret, current])
    return { row: this.row(id), secret }
  }

  /** Ends a rotation: only the newest secret stays valid. */
  confirmRotation(id: string): SourceRow {
    this.writeSecrets(id, [this.secretsOf(this.row(id))[0]!])
    return this.row(id)
  }

  setRegistration(
    id: string,
    registration: { json: string | null; status: string | null; checkedAt: number },
  ): void {
    this.db.run(
      this.db.kysely
        .updateTable('sources')
        .set({
          registration_json: registration.json,
          registration_status: registration.status,
          registration_checked_at: registration.checkedAt,
        })
        .where('id', '=', id),
    )
  }

  private writeSecrets(id: string, secrets: string[]): void {
    this.db.run(
      this.db.kysely
        .updateTable('sources')
        .set({ secrets_enc: this.box.encrypt(JSON.stringify(secrets)), updated_at: this.clock() })
        .where('id', '=', id),
    )
    this.byKey.clear()
  }

  rows(): SourceRow[] {
    return this.db.all(this.db.kysely.selectFrom('sources').selectAll().orderBy('created_at'))
  }

  row(id: string): SourceRow {
    const row = this.db.first(this.db.kysely.selectFrom('sources').selectAll().where('id', '=', id))
    if (!row) throw new SourceError('NOT_FOUND', `no source ${id}`)
    return row
  }

  get(id: string): Source {
    return this.toSource(this.row(id))
  }

  remove(id: string): boolean {
    const { changes } = this.db.run(this.db.kysely.deleteFrom('sources').where('id', '=', id))
    this.byKey.clear()
    return changes > 0
  }

  /** The receiver's lookup: cached briefly, so a burst of deliveries costs one query. */
  findByKey(key: string): Source | null {
    const now = this.clock()
    const cached = this.byKey.get(key)
    if (cached && now - cached.at < CACHE_MS) return cached.source
    const row = this.db.first(
      this.db.kysely.selectFrom('sources').selectAll().where('webhook_key', '=', key),
    )
    const source = row ? this.toSource(row) : null
    if (this.byKey.size > 10_000) this.byKey.clear()
    this.byKey.set(key, { source, at: now })
    return source
  }

  view(row: SourceRow, baseUrl: string): SourceView {
    const secrets = this.secretsOf(row)
    const webhookPath = `/hooks/${row.webhook_key}`
    return {
      id: row.id,
      platform: row.platform as Platform,
      name: row.name,
      enabled: row.enabled === 1,
      webhookPath,
      webhookUrl: `${baseUrl}${webhookPath}`,
      secretHint: `••••${(secrets[0] ?? '').slice(-4)}`,
      rotating: secrets.length > 1,
      storeId: row.store_id,
      apiBase: row.api_base,
      checkoutUrl: row.checkout_url,
      hasCredentials: row.credentials_enc !== null,
      credentialFields: row.credentials_enc
        ? Object.keys(JSON.parse(this.box.decrypt(row.credentials_enc)) as object).sort()
        : [],
      registrationStatus: row.registration_status,
      createdAt: iso(row.created_at),
      lastEventAt: isoOrNull(row.last_event_at),
      duplicateConfig:
        row.duplicate_config_at === null
          ? null
          : { at: iso(row.duplicate_config_at), detail: row.duplicate_config_detail ?? '' },
    }
  }

  secretsOf(row: SourceRow): string[] {
    return JSON.parse(this.box.decrypt(row.secrets_enc)) as string[]
  }

  private toSource(row: SourceRow): Source {
    return {
      id: row.id,
      platform: row.platform as Platform,
      name: row.name,
      webhookKey: row.webhook_key,
      secrets: this.secretsOf(row),
      credentials: row.credentials_enc
        ? (JSON.parse(this.box.decrypt(row.credentials_enc)) as Record<string, string>)
        : {},
      storeId: row.store_id,
      apiBase: row.api_base,
      checkoutUrl: row.checkout_url,
      enabled: row.enabled === 1,
    }
  }
}

/** Platform API credentials a source may hold (encrypted together in credentials_enc). */
export const CREDENTIAL_FIELDS = [
  'apiToken',
  'clientId',
  'clientSecret',
  'accountId',
  'shopDomain',
  'adminToken',
] as const

/** Kiwify tokens are ours to make: 24 random bytes, URL-safe. */
export function generateToken(): string {
  return randomBytes(18).toString('base64url')
}
