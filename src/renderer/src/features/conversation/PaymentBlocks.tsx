// The parts of a card an agent sends to the buyer: PIX copy-and-paste with its QR code and
// expiry, the boleto digitable line with its PDF and due date, and the checkout link.
import { describeBoleto, formatBoletoLine } from '../../../../shared/boleto'
import { CopyButton } from '../../components/CopyButton'
import { ExternalLink } from '../../components/ExternalLink'
import { QrCode } from '../../components/QrCode'
import { useNow } from '../../components/useNow'
import { formatDateTime, useLocale, useT } from '../../i18n'

/** `1:05:09` / `4:59`, for a countdown. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

export function PixBlock({ code, expiresAt }: { code: string; expiresAt: string | null }) {
  const t = useT()
  const locale = useLocale()
  const expiresMs = expiresAt ? Date.parse(expiresAt) : Number.NaN
  const now = useNow(1000, Number.isFinite(expiresMs) && expiresMs > Date.now())
  const expired = Number.isFinite(expiresMs) && expiresMs <= now
  return (
    <section
      className={expired ? 'pay-block pix expired' : 'pay-block pix'}
      aria-label={t('card.pix')}
    >
      <div className="pay-body">
        <h4>{t('card.pix')}</h4>
        <code className="pix-code" data-testid="pix-code">
          {code}
        </code>
        <div className="pay-actions">
          <CopyButton text={code} label={t('card.copyPix')} />
          {expiresAt ? (
            <span className={expired ? 'expiry expired' : 'expiry'} data-testid="pix-expiry">
              {expired
                ? t('card.expiredAt', { date: formatDateTime(expiresAt, locale) })
                : t('card.expiresIn', { time: formatCountdown(expiresMs - now) })}
            </span>
          ) : null}
        </div>
      </div>
      <QrCode value={code} label={t('card.pixQr')} size={136} />
    </section>
  )
}

const formatDay = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  )

export function BoletoBlock({
  line,
  url,
  expiresAt,
}: {
  line: string | null
  url: string | null
  expiresAt: string | null
}) {
  const t = useT()
  const locale = useLocale()
  const due = expiresAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'short' }).format(new Date(expiresAt))
    : line
      ? (() => {
          const day = describeBoleto(line)?.dueDate
          return day ? formatDay(day, locale) : null
        })()
      : null
  const overdue = expiresAt ? Date.parse(expiresAt) < Date.now() : false
  const digits = line?.replace(/\D/g, '') ?? ''
  return (
    <section className="pay-block boleto" aria-label={t('card.boleto')}>
      <div className="pay-body">
        <h4>{t('card.boleto')}</h4>
        {line ? (
          <code className="boleto-line" data-testid="boleto-line">
            {formatBoletoLine(line)}
          </code>
        ) : null}
        <div className="pay-actions">
          {line ? <CopyButton text={digits} label={t('card.copyBoleto')} /> : null}
          {url ? (
            <ExternalLink href={url} className="link-button">
              {t('card.boletoPdf')}
            </ExternalLink>
          ) : null}
          {due ? (
            <span className={overdue ? 'expiry expired' : 'expiry'}>
              {t('card.dueDate', { date: due })}
              {overdue ? ` · ${t('card.overdue')}` : ''}
            </span>
          ) : null}
        </div>
      </div>
    </section>
  )
}

export function LinkBlock({ url }: { url: string }) {
  const t = useT()
  return (
    <section className="pay-block link" aria-label={t('card.checkoutLink')}>
      <div className="pay-body">
        <h4>{t('card.checkoutLink')}</h4>
        <ExternalLink href={url} className="checkout-url">
          {url}
        </ExternalLink>
        <div className="pay-actions">
          <CopyButton text={url} label={t('card.copyLink')} />
          <ExternalLink href={url} className="link-button" label={t('card.openLink')}>
            {t('card.openLink')}
          </ExternalLink>
        </div>
      </div>
    </section>
  )
}
