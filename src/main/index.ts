// The Electron shell, and nothing else: single instance, one secure window, the IPC transport
// of the API, and app data in the user-data folder. All behaviour lives in the core (app.ts).
import { join } from 'node:path'
import { app, BrowserWindow, ipcMain, session, shell } from 'electron'
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/api-methods'
import { dispatch } from './api/handlers'
import { CONTENT_SECURITY_POLICY } from './api/ui-server'
import { type App, createApp } from './app'
import { isSafeExternalUrl, secureWindowOptions } from './shell/window-options'

let core: App | null = null
let window: BrowserWindow | null = null

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(
    secureWindowOptions(join(import.meta.dirname, '../preload/index.cjs')),
  )
  win.once('ready-to-show', () => win.show())
  // No navigation away from the app, no new windows: links go to the system browser.
  win.webContents.on('will-navigate', (event, url) => {
    event.preventDefault()
    if (isSafeExternalUrl(url)) void shell.openExternal(url)
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void win.loadFile(join(import.meta.dirname, '../renderer/index.html'))
  return win
}

async function start(): Promise<void> {
  await app.whenReady()
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, permission, allow) =>
    allow(permission === 'clipboard-sanitized-write'),
  )
  core = await createApp({
    dataDir: join(app.getPath('userData'), 'data'),
    uiPort: null,
    headless: false,
  })
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    // Only our own page may call the API, never a frame that navigated elsewhere.
    if (!event.senderFrame?.url.startsWith('file://')) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'unknown sender' } }
    }
    return dispatch(core!.handlers, String(method), input)
  })
  core.bus.subscribe((event) => window?.webContents.send(IPC_EVENT_CHANNEL, event))
  window = createWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.on('window-all-closed', () => app.quit())
  // Close the core (flush pending writes, close the database) before Electron exits.
  let closing = false
  app.on('before-quit', (event) => {
    if (closing || !core) return
    event.preventDefault()
    closing = true
    void core.close().finally(() => app.quit())
  })
  start().catch((error: unknown) => {
    console.error(error)
    app.exit(1)
  })
}
