// Reading the pieces Shopify resources share: money in shop/presentment sets, customers spread
// over `customer`, `email`, `phone` and addresses (which may be redacted, or `[]` on checkouts),
// and line items.
import type { Customer, LineItem, PaymentMethod } from '../../../shared/events'
import { toMinorUnits } from '../../../shared/money'
import { firstOf, makeCustomer } from '../event'
import { asArray, asInteger, asObject, asString, type JsonObject, pick } from '../json'

export interface Money {
  minor: number
  currency: string
}

/**
 * An amount from `<field>_set.presentment_money` (what the buyer saw) or, failing that, the
 * plain decimal field with the resource's currency.
 */
export function moneyOf(resource: JsonObject, field: string): Money | null {
  const presentment = asObject(pick(resource, `${field}_set`, 'presentment_money'))
  const setCurrency = asString(presentment?.currency_code)
  if (presentment && setCurrency) {
    const minor = toMinorUnits(presentment.amount, setCurrency)
    if (minor !== null) return { minor, currency: setCurrency }
  }
  const currency = firstOf(asString(resource.presentment_currency), asString(resource.currency))
  if (!currency) return null
  const minor = toMinorUnits(resource[field], currency)
  return minor === null ? null : { minor, currency }
}

export function lineItemsOf(resource: JsonObject, currency: string | null): LineItem[] {
  return asArray(resource.line_items).flatMap((value): LineItem[] => {
    const item = asObject(value)
    if (!item) return []
    const price = moneyOf(item, 'price')
    const unitPriceMinor =
      price?.minor ?? (currency ? toMinorUnits(item.price ?? item.variant_price, currency) : null)
    return [
      {
        name: firstOf(asString(item.name), asString(item.title), 'item') as string,
        quantity: asInteger(item.quantity) ?? 1,
        unitPriceMinor,
      },
    ]
  })
}

export function customerOf(resource: JsonObject): Customer {
  const customer = asObject(resource.customer) ?? {}
  const billing = asObject(resource.billing_address)
  const shipping = asObject(resource.shipping_address)
  const defaultAddress = asObject(customer.default_address)
  return makeCustomer({
    name: firstOf(fullName(customer), asString(billing?.name), asString(shipping?.name)),
    email: firstOf(
      asString(resource.email),
      asString(resource.contact_email),
      asString(customer.email),
    ),
    phoneRaw: firstOf(
      asString(resource.phone),
      asString(customer.phone),
      asString(billing?.phone),
      asString(shipping?.phone),
      asString(defaultAddress?.phone),
      asString(resource.sms_marketing_phone),
    ),
    platformCustomerId: asString(customer.id),
  })
}

function fullName(person: JsonObject): string | null {
  const parts = [asString(person.first_name), asString(person.last_name)].filter(Boolean)
  return parts.length > 0 ? parts.join(' ') : null
}

/** Gateway names as one string, and a method guessed from them (PIX/boleto apps name themselves). */
export function gatewayOf(resource: JsonObject): {
  gateway: string | null
  method: PaymentMethod | null
} {
  const names = asArray(resource.payment_gateway_names)
    .map(asString)
    .filter((n): n is string => n !== null)
  const gateway = names.length > 0 ? names.join(', ') : asString(resource.gateway)
  return { gateway, method: methodFromGateway(gateway) }
}

function methodFromGateway(gateway: string | null): PaymentMethod | null {
  if (gateway === null) return null
  const text = gateway.toLowerCase()
  if (text.includes('pix')) return 'pix'
  if (text.includes('boleto')) return 'boleto'
  if (text.includes('shopify_payments') || text.includes('card')) return 'credit_card'
  return 'other'
}
