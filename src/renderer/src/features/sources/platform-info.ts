// What the wizard asks per platform: which secret (generated or pasted), which API credentials
// allow automatic registration, and whether registration can only be manual.
import type { CreateSourceInput } from '../../../../shared/api'
import type { Platform } from '../../../../shared/events'
import type { MessageKey } from '../../i18n/messages'

export type CredentialField =
  | 'clientId'
  | 'clientSecret'
  | 'accountId'
  | 'storeId'
  | 'apiToken'
  | 'shopDomain'
  | 'adminToken'

export interface PlatformInfo {
  platform: Platform
  /** Kiwify's token is ours to generate; the others are pasted from the platform. */
  generatedSecret: boolean
  secretLabel: MessageKey
  secretHint: MessageKey
  /** Fields that let Recupera register the webhook itself; empty for manual-only platforms. */
  credentials: CredentialField[]
  credentialsHint: MessageKey | null
  /** Manual setup steps shown when there are no credentials. */
  manualSteps: MessageKey[]
  checkoutUrl: boolean
}

export const PLATFORM_INFO: Record<Platform, PlatformInfo> = {
  kiwify: {
    platform: 'kiwify',
    generatedSecret: true,
    secretLabel: 'sources.secret.kiwify',
    secretHint: 'sources.secretHint.kiwify',
    credentials: ['clientId', 'clientSecret', 'accountId'],
    credentialsHint: 'sources.credentialsHint.kiwify',
    manualSteps: [
      'sources.manual.kiwify.1',
      'sources.manual.kiwify.2',
      'sources.manual.kiwify.3',
      'sources.manual.kiwify.4',
    ],
    checkoutUrl: false,
  },
  hotmart: {
    platform: 'hotmart',
    generatedSecret: false,
    secretLabel: 'sources.secret.hotmart',
    secretHint: 'sources.secretHint.hotmart',
    credentials: [],
    credentialsHint: null,
    manualSteps: [
      'sources.manual.hotmart.1',
      'sources.manual.hotmart.2',
      'sources.manual.hotmart.3',
      'sources.manual.hotmart.4',
    ],
    checkoutUrl: true,
  },
  nuvemshop: {
    platform: 'nuvemshop',
    generatedSecret: false,
    secretLabel: 'sources.secret.nuvemshop',
    secretHint: 'sources.secretHint.nuvemshop',
    credentials: ['storeId', 'apiToken'],
    credentialsHint: 'sources.credentialsHint.nuvemshop',
    manualSteps: ['sources.manual.nuvemshop.1'],
    checkoutUrl: false,
  },
  shopify: {
    platform: 'shopify',
    generatedSecret: false,
    secretLabel: 'sources.secret.shopify',
    secretHint: 'sources.secretHint.shopify',
    credentials: ['shopDomain', 'adminToken'],
    credentialsHint: 'sources.credentialsHint.shopify',
    manualSteps: [
      'sources.manual.shopify.1',
      'sources.manual.shopify.2',
      'sources.manual.shopify.3',
    ],
    checkoutUrl: false,
  },
}

export const CREDENTIAL_LABELS: Record<CredentialField, MessageKey> = {
  clientId: 'sources.field.clientId',
  clientSecret: 'sources.field.clientSecret',
  accountId: 'sources.field.accountId',
  storeId: 'sources.field.storeId',
  apiToken: 'sources.field.apiToken',
  shopDomain: 'sources.field.shopDomain',
  adminToken: 'sources.field.adminToken',
}

/** Sensitive fields are typed into password inputs. */
export const SECRET_FIELDS: ReadonlySet<CredentialField> = new Set([
  'clientSecret',
  'apiToken',
  'adminToken',
])

export interface WizardForm {
  platform: Platform
  name: string
  secret: string
  checkoutUrl: string
  automatic: boolean
  apiBase: string
  credentials: Partial<Record<CredentialField, string>>
}

export function toCreateInput(form: WizardForm): CreateSourceInput {
  const info = PLATFORM_INFO[form.platform]
  const input: CreateSourceInput = { platform: form.platform, name: form.name.trim() }
  if (!info.generatedSecret && form.secret.trim()) input.secret = form.secret.trim()
  if (info.checkoutUrl && form.checkoutUrl.trim()) input.checkoutUrl = form.checkoutUrl.trim()
  if (form.automatic) {
    for (const field of info.credentials) {
      const value = form.credentials[field]?.trim()
      if (value) input[field] = value
    }
    if (form.apiBase.trim()) input.apiBase = form.apiBase.trim()
  }
  return input
}

/** Everything required is filled in. */
export function isComplete(form: WizardForm): boolean {
  const info = PLATFORM_INFO[form.platform]
  if (!form.name.trim()) return false
  if (!info.generatedSecret && form.secret.trim().length < 4) return false
  if (form.automatic && info.credentials.some((f) => !form.credentials[f]?.trim())) return false
  return true
}
