// Input validation at the boundary: one zod schema per operation. The `satisfies` clause
// makes this file fail to compile when it drifts from the contract in src/shared/api.ts.
import { z } from 'zod'
import type { ApiInputs, ApiMethod } from '../../shared/api'
import { PLATFORMS, STAGES } from '../../shared/events'

const id = z.string().min(1).max(100)
const platform = z.enum(PLATFORMS)
const httpUrl = z.url({ protocol: /^https?$/ }).max(2000)
const credential = z.string().trim().min(4).max(500)
const shopDomain = z
  .string()
  .trim()
  .regex(
    /^(https?:\/\/)?[a-z0-9][a-z0-9.-]*[a-z0-9](\/.*)?$/i,
    'a shop domain like minha-loja.myshopify.com',
  )
  .max(300)

export const inputSchemas = {
  appInfo: z.undefined(),
  getSettings: z.undefined(),
  updateSettings: z
    .object({
      locale: z.enum(['pt-BR', 'en']),
      abandonDelayMinutes: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 60),
      agentName: z.string().trim().max(100),
    })
    .partial()
    .strict(),
  listSources: z.undefined(),
  createSource: z
    .object({
      platform,
      name: z.string().trim().min(1).max(100),
      secret: z.string().trim().min(4).max(500).optional(),
      storeId: z.string().trim().regex(/^\d+$/, 'store id is a number').optional(),
      apiToken: z.string().trim().min(4).max(500).optional(),
      apiBase: httpUrl.optional(),
      checkoutUrl: httpUrl.optional(),
      clientId: credential.optional(),
      clientSecret: credential.optional(),
      accountId: z.string().trim().min(1).max(200).optional(),
      shopDomain: shopDomain.optional(),
      adminToken: credential.optional(),
    })
    .strict(),
  removeSource: z.object({ id }).strict(),
  revealSecret: z.object({ id }).strict(),
  updateSource: z
    .object({
      id,
      name: z.string().trim().min(1).max(100).optional(),
      enabled: z.boolean().optional(),
      checkoutUrl: httpUrl.nullable().optional(),
      apiBase: httpUrl.nullable().optional(),
      storeId: z.string().trim().regex(/^\d+$/, 'store id is a number').nullable().optional(),
      credentials: z
        .object({
          apiToken: z.string().trim().max(500),
          clientId: z.string().trim().max(500),
          clientSecret: z.string().trim().max(500),
          accountId: z.string().trim().max(200),
          shopDomain: z.string().trim().max(300),
          adminToken: z.string().trim().max(500),
        })
        .partial()
        .strict()
        .optional(),
    })
    .strict(),
  registerSource: z.object({ id }).strict(),
  unregisterSource: z.object({ id }).strict(),
  checkRegistration: z.object({ id }).strict(),
  sourceHealth: z.object({ id }).strict(),
  sendTestEvent: z.object({ id }).strict(),
  rotateSecret: z.object({ id, secret: z.string().trim().min(4).max(500).optional() }).strict(),
  confirmRotation: z.object({ id }).strict(),
  listDeliveries: z
    .object({ sourceId: id, limit: z.number().int().min(1).max(1000).optional() })
    .strict(),
  listInbox: z
    .object({
      search: z.string().max(200).optional(),
      stage: z.enum(STAGES).optional(),
      platform: platform.optional(),
      sourceId: id.optional(),
      status: z.enum(['open', 'resolved']).optional(),
      limit: z.number().int().min(1).max(500).optional(),
      offset: z.number().int().min(0).optional(),
    })
    .strict(),
  getConversation: z.object({ id }).strict(),
  setConversationStatus: z.object({ id, status: z.enum(['open', 'resolved']) }).strict(),
  assignConversation: z.object({ id, assignee: z.string().trim().max(100).nullable() }).strict(),
  addNote: z.object({ conversationId: id, body: z.string().trim().min(1).max(10_000) }).strict(),
  markRead: z.object({ id }).strict(),
} satisfies { [M in ApiMethod]: z.ZodType<ApiInputs[M]> }
