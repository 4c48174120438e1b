// Phone display for the renderer. Same rules as shared/phone's formatPhone (a Brazilian number
// in a pt-BR interface reads `(11) 98765-4321`, otherwise the international form), but with
// libphonenumber's small metadata: formatting needs no number-type data, and the full metadata
// would triple the renderer bundle and slow the inbox's first paint.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

export function formatPhone(e164: string, locale = 'pt-BR'): string {
  const parsed = parsePhoneNumberFromString(e164)
  if (!parsed) return e164
  if (parsed.country === 'BR' && locale.toLowerCase().startsWith('pt-br')) {
    return parsed.formatNational()
  }
  return parsed.formatInternational()
}
