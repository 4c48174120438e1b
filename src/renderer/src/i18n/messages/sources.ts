// sources feature strings, pt-BR and English (English typed from pt-BR: a missing one fails tsc).
export const sourcesPt = {} as const

export const sourcesEn: Record<keyof typeof sourcesPt, string> = {}
