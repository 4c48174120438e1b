// What the renderer sees of the preload: `window.api`, typed by the shared contract.
import type { RecuperaApi } from '../shared/api'

declare global {
  interface Window {
    api?: RecuperaApi
  }
}
