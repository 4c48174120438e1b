// The browser transport for `recupera serve`: POST /api/<method> with JSON, live events over
// server-sent events. The session cookie set when the uiUrl was opened authenticates both.
import type { ApiEvent, ApiResult, RecuperaApi } from '../../../shared/api'
import { API_METHODS } from '../../../shared/api-methods'

export function createHttpApi(base = ''): RecuperaApi {
  const call = async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      const response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ input }),
      })
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'UNAUTHORIZED',
            message: 'session expired: open the address printed by recupera serve',
          },
        }
      }
      return (await response.json()) as ApiResult<unknown>
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: error instanceof Error ? error.message : String(error),
        },
      }
    }
  }
  const methods = Object.fromEntries(
    API_METHODS.map((m) => [m, (input?: unknown) => call(m, input)]),
  )
  return {
    ...methods,
    subscribe(listener: (event: ApiEvent) => void) {
      const source = new EventSource(`${base}/api/events`)
      source.onmessage = (message) => listener(JSON.parse(message.data as string) as ApiEvent)
      return () => source.close()
    },
  } as RecuperaApi
}
