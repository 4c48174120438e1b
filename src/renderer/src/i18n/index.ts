// Translation and locale-aware formatting. Components call useT(); the locale lives in the
// store (and in settings, so it survives a restart).
import type { Locale } from '../../../shared/api'
import { useStore } from '../store'
import { en, type MessageKey, ptBR } from './messages'

const tables: Record<Locale, Record<MessageKey, string>> = { 'pt-BR': ptBR, en }

export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  )
}

export type T = (key: MessageKey, params?: Record<string, string | number>) => string

export function useT(): T {
  const locale = useStore((s) => s.locale)
  return (key, params) => translate(locale, key, params)
}

export function useLocale(): Locale {
  return useStore((s) => s.locale)
}

export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    signDisplay: 'negative',
  }).format(minor / 10 ** digits)
}

export function formatDateTime(isoString: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(isoString),
  )
}

export function formatRelative(isoString: string, locale: Locale, now = Date.now()): string {
  const seconds = Math.round((new Date(isoString).getTime() - now) / 1000)
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const abs = Math.abs(seconds)
  if (abs < 60) return rtf.format(seconds, 'second')
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute')
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour')
  return rtf.format(Math.round(seconds / 86_400), 'day')
}
