// A link that leaves the app: a new tab in the browser, the system browser under Electron (the
// shell denies new windows and opens http(s) URLs externally). Anything else is not a link.
import type { ReactNode } from 'react'

export const isHttpUrl = (url: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol)
  } catch {
    return false
  }
}

export function ExternalLink({
  href,
  children,
  label,
  className,
}: {
  href: string
  children: ReactNode
  label?: string
  className?: string
}) {
  if (!isHttpUrl(href)) return <span className={className}>{children}</span>
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={label}
      className={className}
    >
      {children}
    </a>
  )
}
