// inbox feature strings, pt-BR and English (English typed from pt-BR: a missing one fails tsc).
export const inboxPt = {} as const

export const inboxEn: Record<keyof typeof inboxPt, string> = {}
