// The tunnel module's public surface (see manager.ts).
export { type BackoffOptions, backoffDelay } from './backoff'
export {
  normalizeUrl,
  TunnelManager,
  type TunnelManagerDeps,
  type TunnelOptions,
  type UrlChangeListener,
} from './manager'
export { isLive, type PersistedTunnelStatus, readTunnelStatus } from './status-store'
export { generateSubdomain, installationSubdomain, isValidSubdomain } from './subdomain'
export type { TunnelLink, TunnelProvider } from './types'
