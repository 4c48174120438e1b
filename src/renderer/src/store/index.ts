// One zustand store made of slices. API calls live in slice actions, never in components.
import { create } from 'zustand'
import { type AppSlice, createAppSlice } from './app-slice'
import { type ConversationSlice, createConversationSlice } from './conversation-slice'
import { createInboxSlice, type InboxSlice } from './inbox-slice'
import { createSourcesSlice, type SourcesSlice } from './sources-slice'

export type StoreState = AppSlice & InboxSlice & SourcesSlice & ConversationSlice

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a),
  ...createInboxSlice(...a),
  ...createConversationSlice(...a),
  ...createSourcesSlice(...a),
}))
