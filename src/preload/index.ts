// The sandboxed preload: exposes exactly one bridge object, `window.api`, with one method per
// operation of the contract and a subscribe() for live events. No generic ipcRenderer, no Node.
import { contextBridge, ipcRenderer } from 'electron'
import type { ApiEvent, RecuperaApi } from '../shared/api'
import { API_METHODS, IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/api-methods'

const methods = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    (input?: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
  ]),
)

export const api = {
  ...methods,
  subscribe(listener: (event: ApiEvent) => void) {
    const wrapped = (_: unknown, event: ApiEvent) => listener(event)
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped)
    }
  },
} as RecuperaApi

contextBridge.exposeInMainWorld('api', api)
