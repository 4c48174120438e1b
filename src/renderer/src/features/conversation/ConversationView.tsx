// The center column: the open conversation's header (status, assignee), its timeline of event
// cards and internal notes in time order, and the note composer.
import { useMemo, useState } from 'react'
import type { ConversationDetail, NoteView } from '../../../../shared/api'
import { formatDateTime, useLocale, useT } from '../../i18n'
import { useStore } from '../../store'
import { conversationTitle } from '../inbox/title'
import { EventCard } from './EventCard'
import { journeyKey, journeys } from './journey'

export function ConversationView({ detail }: { detail: ConversationDetail }) {
  const t = useT()
  const title = conversationTitle(detail.conversation, t)
  return (
    <section className="conversation" aria-label={t('conversation.label', { name: title })}>
      <ConversationHeader detail={detail} title={title} />
      <Timeline detail={detail} />
      <NoteComposer />
    </section>
  )
}

function ConversationHeader({ detail, title }: { detail: ConversationDetail; title: string }) {
  const t = useT()
  const setStatus = useStore((s) => s.setConversationStatus)
  const assign = useStore((s) => s.assignConversation)
  const agentName = useStore((s) => s.settings?.agentName ?? '')
  const { conversation } = detail
  const [assignee, setAssignee] = useState(conversation.assignee ?? '')
  const [editing, setEditing] = useState(false)
  const shown = editing ? assignee : (conversation.assignee ?? '')
  const resolved = conversation.status === 'resolved'
  return (
    <header className="conversation-head">
      <div className="conversation-title">
        <h2 data-testid="conversation-title">{title}</h2>
        <span className={`status-pill status-${conversation.status}`}>
          {t(`inbox.status.${conversation.status}`)}
        </span>
        <button
          type="button"
          className={resolved ? 'secondary resolve' : 'primary resolve'}
          onClick={() => void setStatus(resolved ? 'open' : 'resolved')}
        >
          {resolved ? t('conversation.reopen') : t('conversation.resolve')}
        </button>
      </div>
      <div className="conversation-actions">
        <form
          className="assignee"
          onSubmit={(e) => {
            e.preventDefault()
            setEditing(false)
            void assign(assignee.trim() || null)
          }}
        >
          <label htmlFor="assignee-input">{t('conversation.assignee')}</label>
          <input
            id="assignee-input"
            value={shown}
            placeholder={t('conversation.assigneePlaceholder')}
            onChange={(e) => {
              setEditing(true)
              setAssignee(e.target.value)
            }}
          />
          <button type="submit" className="secondary">
            {t('conversation.assign')}
          </button>
          {agentName && conversation.assignee !== agentName ? (
            <button type="button" className="secondary" onClick={() => void assign(agentName)}>
              {t('conversation.assignMe')}
            </button>
          ) : null}
        </form>
      </div>
    </header>
  )
}

function Timeline({ detail }: { detail: ConversationDetail }) {
  const t = useT()
  const sources = useStore((s) => s.sources)
  const byOrder = useMemo(() => journeys(detail.timeline), [detail.timeline])
  const sourceName = (id: string) => sources.find((s) => s.id === id)?.name ?? null
  if (detail.timeline.length === 0) return <p className="empty">{t('conversation.empty')}</p>
  return (
    <ol className="timeline" aria-label={t('conversation.timeline')} data-testid="timeline">
      {detail.timeline.map((item) =>
        item.kind === 'event' ? (
          <li key={`e${item.event.id}`}>
            <EventCard
              event={item.event}
              journey={byOrder.get(journeyKey(item.event) ?? '') ?? null}
              sourceName={sourceName(item.event.sourceId)}
            />
          </li>
        ) : (
          <li key={`n${item.note.id}`}>
            <NoteCard note={item.note} />
          </li>
        ),
      )}
    </ol>
  )
}

function NoteCard({ note }: { note: NoteView }) {
  const t = useT()
  const locale = useLocale()
  return (
    <article className="note-card">
      <header className="card-head">
        <strong>
          {note.author
            ? t('conversation.noteBy', { author: note.author })
            : t('conversation.noteAnonymous')}
        </strong>
        <time className="card-time" dateTime={note.createdAt}>
          {formatDateTime(note.createdAt, locale)}
        </time>
      </header>
      <p className="note-body">{note.body}</p>
    </article>
  )
}

function NoteComposer() {
  const t = useT()
  const addNote = useStore((s) => s.addNote)
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <form
      className="note-composer"
      onSubmit={async (e) => {
        e.preventDefault()
        if (!body.trim()) return
        setBusy(true)
        if (await addNote(body)) setBody('')
        setBusy(false)
      }}
    >
      <label htmlFor="note-input">{t('conversation.note')}</label>
      <textarea
        id="note-input"
        rows={2}
        value={body}
        placeholder={t('conversation.notePlaceholder')}
        onChange={(e) => setBody(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || !body.trim()}>
        {t('conversation.addNote')}
      </button>
    </form>
  )
}
