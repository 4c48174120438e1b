// Encrypts source secrets and platform credentials at rest (AES-256-GCM). The data key comes
// from a KeyStore: headless, a 0600 key file in the data dir; in Electron the shell may wrap
// that key with the OS keychain (safeStorage) instead.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface SecretBox {
  encrypt(plain: string): string
  decrypt(sealed: string): string
}

/** Loads or creates the 32-byte data key. */
export type KeyStore = () => Buffer

export function keyFileStore(dataDir: string): KeyStore {
  return () => {
    const file = join(dataDir, 'secret.key')
    if (existsSync(file)) {
      const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
      if (key.length !== 32) throw new Error(`${file} is not a valid Recupera key file`)
      return key
    }
    const key = randomBytes(32)
    writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' })
    chmodSync(file, 0o600)
    return key
  }
}

export function createSecretBox(keyStore: KeyStore): SecretBox {
  const key = keyStore()
  return {
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return ['v1', iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
        .join('.')
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== 'v1' || !iv || !tag || body === undefined)
        throw new Error('unreadable secret')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
      decipher.setAuthTag(Buffer.from(tag, 'base64'))
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64')),
        decipher.final(),
      ]).toString('utf8')
    },
  }
}
