// The virtualized conversation list: only the visible rows exist in the DOM, and only the
// pages around them are fetched. A listbox: arrow keys move, Enter opens, Home/End jump.
import { useVirtualizer } from '@tanstack/react-virtual'
import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useNow } from '../../components/useNow'
import { useT } from '../../i18n'
import { useStore } from '../../store'
import { InboxRow } from './InboxRow'

export const ROW_HEIGHT = 64

export function InboxList() {
  const t = useT()
  const rows = useStore((s) => s.inboxRows)
  const selectedId = useStore((s) => s.selectedConversationId)
  const select = useStore((s) => s.selectConversation)
  const ensureRange = useStore((s) => s.ensureInboxRange)
  const now = useNow(30_000)
  const scrollRef = useRef<HTMLDivElement>(null)
  const [active, setActive] = useState(0)

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Rows on the very first render, before the scroll box has been measured.
    initialRect: { width: 300, height: 720 },
    getItemKey: (index) => rows[index]?.id ?? `slot-${index}`,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0

  useEffect(() => {
    if (rows.length > 0) ensureRange(first, last)
  }, [first, last, rows, ensureRange])

  const move = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index))
    setActive(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }
  const target = (key: string, page: number): number | 'open' | null => {
    switch (key) {
      case 'ArrowDown':
        return active + 1
      case 'ArrowUp':
        return active - 1
      case 'PageDown':
        return active + page
      case 'PageUp':
        return active - page
      case 'Home':
        return 0
      case 'End':
        return rows.length - 1
      case 'Enter':
      case ' ':
        return 'open'
      default:
        return null
    }
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT))
    const next = target(e.key, page)
    if (next === null) return
    e.preventDefault()
    if (next !== 'open') return move(next)
    const row = rows[active]
    if (row) select(row.id)
  }
  const activeIndex = Math.min(active, rows.length - 1)

  return (
    <div
      ref={scrollRef}
      className="inbox-scroll"
      role="listbox"
      tabIndex={0}
      aria-label={t('inbox.listLabel')}
      aria-activedescendant={rows.length ? `inbox-option-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="inbox-list"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const c = rows[item.index]
          const selected = !!c && c.id === selectedId
          const classes = ['inbox-option']
          if (selected) classes.push('selected')
          if (item.index === activeIndex) classes.push('active')
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keyboard.
            <div
              key={item.key}
              id={`inbox-option-${item.index}`}
              role="option"
              tabIndex={-1}
              aria-selected={selected}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className={classes.join(' ')}
              data-testid={c ? 'inbox-row' : 'inbox-row-loading'}
              data-conversation-id={c?.id}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              onClick={() => {
                setActive(item.index)
                if (c) select(c.id)
              }}
            >
              {c ? (
                <InboxRow c={c} now={now} />
              ) : (
                <div className="inbox-row placeholder">{t('inbox.row.loading')}</div>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}
