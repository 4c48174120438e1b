// What a conversation is called: the contact's name, else phone, else e-mail, else a label
// saying the platform did not identify the buyer.
import type { ConversationSummary, Locale } from '../../../../shared/api'
import { formatPhone } from '../../components/phone'
import type { T } from '../../i18n'

export function conversationTitle(
  c: Pick<ConversationSummary, 'contactName' | 'contactPhone' | 'contactEmail'>,
  t: T,
  locale: Locale = 'pt-BR',
): string {
  if (c.contactName) return c.contactName
  if (c.contactPhone) return formatPhone(c.contactPhone, locale)
  if (c.contactEmail) return c.contactEmail
  return t('inbox.row.anonymous')
}
