// A QR code drawn locally as SVG (the qrcode package computes the modules; nothing leaves the
// machine, and the PIX code never goes to a QR web service).
import { create } from 'qrcode'
import { useMemo } from 'react'

/** One SVG path of unit squares, with the 4-module quiet zone the standard asks for. */
export function qrPath(value: string): { size: number; d: string } | null {
  try {
    const { modules } = create(value, { errorCorrectionLevel: 'M' })
    const n = modules.size
    let d = ''
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        if (modules.get(y, x)) d += `M${x + 4} ${y + 4}h1v1h-1z`
      }
    }
    return { size: n + 8, d }
  } catch {
    return null
  }
}

export function QrCode({
  value,
  label,
  size = 168,
}: {
  value: string
  label: string
  size?: number
}) {
  const qr = useMemo(() => qrPath(value), [value])
  if (!qr) return null
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  )
}
