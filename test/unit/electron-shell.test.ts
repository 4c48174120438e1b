// The Electron shell cannot run here; its window options and link policy are checked with
// electron mocked, so a change that weakens them fails.
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({}))

import { isSafeExternalUrl, secureWindowOptions } from '../../src/main/shell/window-options'

describe('desktop window', () => {
  it('keeps context isolation and the sandbox on, and Node out of the renderer', () => {
    const options = secureWindowOptions('/app/out/preload/index.cjs')
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('sends only web and mail links to the system browser', () => {
    expect(isSafeExternalUrl('https://pay.kiwify.com.br/abc')).toBe(true)
    expect(isSafeExternalUrl('mailto:a@b.com')).toBe(true)
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isSafeExternalUrl('not a url')).toBe(false)
  })
})
