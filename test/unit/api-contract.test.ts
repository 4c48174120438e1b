// Type-level checks: the contract, the preload bridge, the HTTP client and the handlers cannot
// drift apart without this file (and the typecheck) failing.
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import type { ApiHandlers } from '../../src/main/api/handlers'
import { inputSchemas } from '../../src/main/api/schemas'
import type { ApiInputs, ApiMethod, ApiOutputs, RecuperaApi } from '../../src/shared/api'
import { API_METHODS } from '../../src/shared/api-methods'

const invoke = vi.fn(async () => ({ ok: true, value: null }))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}))

describe('API contract', () => {
  it('declares the same operations for inputs and outputs', () => {
    expectTypeOf<keyof ApiInputs>().toEqualTypeOf<keyof ApiOutputs>()
    expectTypeOf<(typeof API_METHODS)[number]>().toEqualTypeOf<ApiMethod>()
  })

  it('has one schema and one handler per operation', () => {
    expectTypeOf<keyof typeof inputSchemas>().toEqualTypeOf<ApiMethod>()
    expectTypeOf<keyof ApiHandlers>().toEqualTypeOf<ApiMethod>()
    expect(Object.keys(inputSchemas).sort()).toEqual([...API_METHODS].sort())
  })

  it('exposes exactly one bridge object with one method per operation', async () => {
    const { contextBridge } = await import('electron')
    const { api } = await import('../../src/preload/index')
    expectTypeOf(api).toEqualTypeOf<RecuperaApi>()
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledWith('api', api)
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'subscribe'].sort())
    await api.getConversation({ id: 'c1' })
    expect(invoke).toHaveBeenCalledWith('recupera:api', 'getConversation', { id: 'c1' })
  })
})
