// Shared assembly of NormalizedEvent pieces: defaults, customer phones, payment codes. Keeps
// the rules every normalizer must apply identically (E.164 with the raw kept, PIX and boleto
// only when they validate) in one place.
import { describeBoleto, validateBoletoLine } from '../../shared/boleto'
import {
  type Customer,
  emptyCustomer,
  emptyPayment,
  type NormalizedEvent,
  type Payment,
  type PaymentMethod,
} from '../../shared/events'
import { normalizePhone, type PhoneOptions } from '../../shared/phone'
import { validatePixCode } from '../../shared/pix'
import { endOfBrasiliaDay } from './time'
import type { NormalizeResult } from './types'

type CoreFields = Pick<
  NormalizedEvent,
  'platform' | 'stage' | 'eventType' | 'occurredAt' | 'dedupKey'
>

/** A full event from the fields a normalizer knows; everything else starts empty. */
export function makeEvent(
  fields: CoreFields & Partial<Omit<NormalizedEvent, keyof CoreFields>>,
): NormalizedEvent {
  return {
    deliveryId: null,
    orderId: null,
    orderKey: null,
    customer: emptyCustomer(),
    items: [],
    totalMinor: null,
    currency: null,
    payment: emptyPayment(),
    checkoutUrl: null,
    productName: null,
    test: false,
    ...fields,
  }
}

/** A customer with the phone as E.164 when it normalizes, and as received in phoneRaw. */
export function makeCustomer(
  fields: Partial<Omit<Customer, 'phone'>> & { phoneOptions?: PhoneOptions },
): Customer {
  const { phoneOptions, ...rest } = fields
  const customer = { ...emptyCustomer(), ...rest }
  const phone = normalizePhone(customer.phoneRaw, phoneOptions)
  return { ...customer, phone: phone.ok ? phone.e164 : null }
}

/** First non-null of several candidates. */
export function firstOf<T>(...values: Array<T | null | undefined>): T | null {
  for (const value of values) if (value !== null && value !== undefined) return value
  return null
}

/**
 * A PIX code is kept only when it validates (CRC, PIX account): a corrupt code would be sent
 * to a buyer whose bank refuses it. The raw body still holds it for troubleshooting.
 */
export function validPixCode(code: string | null): string | null {
  return code !== null && validatePixCode(code).ok ? code.trim() : null
}

/** Boleto line as digits, only when its check digits hold (same reasoning as PIX). */
export function validBoletoLine(line: string | null): string | null {
  if (line === null) return null
  const valid = validateBoletoLine(line)
  return valid.ok ? valid.digits : null
}

/** Due date encoded in a valid bank line, as the end of that day in Brasília. */
export function boletoDueFromLine(digits: string | null, reference: string): string | null {
  if (digits === null) return null
  const due = describeBoleto(digits, new Date(reference))?.dueDate
  return due ? endOfBrasiliaDay(due) : null
}

/**
 * CPF/CNPJ without punctuation. Letters are kept: CNPJs become alphanumeric in July 2026.
 */
export function documentOf(value: string | null): string | null {
  const cleaned = value?.replace(/[^0-9A-Za-z]/g, '').toUpperCase() ?? ''
  return cleaned === '' ? null : cleaned
}

export function makePayment(fields: Partial<Payment>): Payment {
  return { ...emptyPayment(), ...fields }
}

export function paymentMethodFrom(text: string | null): PaymentMethod | null {
  if (text === null) return null
  const value = text.toLowerCase()
  if (value.includes('pix')) return 'pix'
  if (value.includes('boleto') || value.includes('billet') || value.includes('ticket'))
    return 'boleto'
  if (value.includes('debit')) return 'debit_card'
  if (value.includes('credit') || value === 'card') return 'credit_card'
  return 'other'
}

export function events(...list: NormalizedEvent[]): NormalizeResult {
  return { kind: 'events', events: list }
}

export function unsupported(eventType: string, dedupKey: string, why?: string): NormalizeResult {
  const reason = `unsupported event ${eventType}${why ? ` (${why})` : ''}`
  return { kind: 'unsupported', eventType, dedupKey, reason }
}

export function malformed(reason: string): NormalizeResult {
  return { kind: 'malformed', reason }
}

/** Runs a normalizer and turns any exception into `malformed`: normalize never throws. */
export function guarded(run: () => NormalizeResult): NormalizeResult {
  try {
    return run()
  } catch (error) {
    return malformed(`could not read payload: ${(error as Error).message}`)
  }
}
