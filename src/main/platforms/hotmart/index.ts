// The Hotmart adapter: hottok verification and v2 envelope normalization.
import type { PlatformAdapter } from '../types'
import { normalizeHotmart } from './normalize'
import { verifyHotmart } from './verify'

export const hotmartAdapter: PlatformAdapter = {
  platform: 'hotmart',
  verify: verifyHotmart,
  normalize: normalizeHotmart,
}

export { normalizeHotmart, verifyHotmart }
