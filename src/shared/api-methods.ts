// The operation names, as a value: the preload and the HTTP client build their one method per
// operation from this list. Kept free of imports so the sandboxed preload bundles nothing else.
import type { ApiMethod } from './api'

export const API_METHODS = [
  'appInfo',
  'getSettings',
  'updateSettings',
  'listSources',
  'createSource',
  'removeSource',
  'revealSecret',
  'updateSource',
  'registerSource',
  'unregisterSource',
  'checkRegistration',
  'sourceHealth',
  'sendTestEvent',
  'rotateSecret',
  'confirmRotation',
  'listDeliveries',
  'listInbox',
  'getConversation',
  'setConversationStatus',
  'assignConversation',
  'addNote',
  'markRead',
] as const satisfies readonly ApiMethod[]

/** Compile-time proof that the list names every method exactly. */
type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>
export const apiMethodsComplete: Missing extends never ? true : Missing = true

export const IPC_CHANNEL = 'recupera:api'
export const IPC_EVENT_CHANNEL = 'recupera:event'
