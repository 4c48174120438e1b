// The renderer's one API client: the preload bridge under Electron, HTTP in a browser. Nothing
// else in the renderer knows which transport it is on.
import type { RecuperaApi } from '../../../shared/api'
import { createHttpApi } from './http-client'

let client: RecuperaApi | null = null

export function api(): RecuperaApi {
  client ??= window.api ?? createHttpApi()
  return client
}

/** Tests inject a client (e.g. one bound to a running `recupera serve`). */
export function setApi(next: RecuperaApi): void {
  client = next
}
