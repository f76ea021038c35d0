// An expert's expertise summary: which fields and keywords their record stands on, weighted by
// the task results they took part in and what they published. Pure and isomorphic.
import { foldVietnamese } from '~/utils/provinces'

export type ExpertiseTask = {
	role: 'PRINCIPAL_INVESTIGATOR' | 'SECRETARY' | 'MEMBER'
	startYear: number | null
	endYear: number | null
	fieldCodes: readonly string[]
	keywords: readonly string[]
}

export type ExpertiseInput = {
	/** What the profile declares. */
	fieldCodes: readonly string[]
	keywords: readonly string[]
	tasks: readonly ExpertiseTask[]
	publications: ReadonlyArray<{ title: string; year: number | null }>
}

export type ExpertiseOptions = {
	/** The year recency is measured from. Default: this year. */
	year?: number
	/** Years after which a task or publication counts half. Default 10. */
	halfLife?: number
	/** Fields returned, at most. Default 5. */
	topFields?: number
	/** Keywords returned, at most. Default 8. */
	topKeywords?: number
}

export type ExpertiseSummary = {
	/** Level-2 fields (level 1 when only that is known); `share` of all field weight, 0..1, largest first. */
	fields: Array<{ code: string; share: number }>
	/** Keywords as first written; `weight` relative to the strongest, 0..1, largest first. */
	keywords: Array<{ keyword: string; weight: number }>
}

/** How much a part in a task counts: the principal investigator carries the task. */
export const ROLE_WEIGHT = { PRINCIPAL_INVESTIGATOR: 3, SECRETARY: 1.5, MEMBER: 1 } as const
/** What the profile declares counts like one member's part in a current task. */
const DECLARED_WEIGHT = 1
const PUBLICATION_WEIGHT = 0.5
/** Weight of a task or publication whose year is unknown, as if it were this old. */
const UNKNOWN_AGE = 15

const fold = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, ' ').trim()

/** Field codes are summarised at level 2 ("40501" counts for "405"): specific enough to read, broad enough to add up. */
function summaryField(code: string) {
	return code.length > 3 ? code.slice(0, 3) : code
}

/** Weights an expert's fields and keywords by their tasks (role, recency) and publications (keywords found in titles). */
export function expertiseSummary(input: ExpertiseInput, options: ExpertiseOptions = {}): ExpertiseSummary {
	const now = options.year ?? new Date().getFullYear()
	const halfLife = options.halfLife && options.halfLife > 0 ? options.halfLife : 10
	const recency = (year: number | null) => 0.5 ** (Math.max(0, year === null ? UNKNOWN_AGE : now - year) / halfLife)

	const fields = new Map<string, number>()
	const addFields = (codes: readonly string[], weight: number) => {
		const unique = [...new Set(codes.filter((c) => /^\d{1,5}$/.test(c)).map(summaryField))]
		// A task filed under three fields spreads its weight over them, rather than counting three times.
		for (const code of unique) fields.set(code, (fields.get(code) ?? 0) + weight / unique.length)
	}
	const keywords = new Map<string, { keyword: string; weight: number }>()
	const addKeyword = (keyword: string, weight: number) => {
		const key = fold(keyword)
		if (!key) return
		const entry = keywords.get(key)
		if (entry) entry.weight += weight
		else keywords.set(key, { keyword: keyword.normalize('NFC').trim(), weight })
	}

	addFields(input.fieldCodes, DECLARED_WEIGHT)
	for (const k of input.keywords) addKeyword(k, DECLARED_WEIGHT)
	for (const task of input.tasks) {
		const weight = (ROLE_WEIGHT[task.role] ?? ROLE_WEIGHT.MEMBER) * recency(task.endYear ?? task.startYear)
		addFields(task.fieldCodes, weight)
		for (const k of new Set(task.keywords)) addKeyword(k, weight)
	}
	// Publications carry no field or keyword of their own: a known keyword found in a title counts for it.
	const known = [...keywords.entries()].map(([key, entry]) => ({ key, pattern: ` ${key} `, entry }))
	for (const publication of input.publications) {
		const title = ` ${fold(publication.title)} `
		if (title.trim() === '') continue
		const weight = PUBLICATION_WEIGHT * recency(publication.year)
		for (const k of known) if (title.includes(k.pattern)) k.entry.weight += weight
	}

	const totalField = [...fields.values()].reduce((a, b) => a + b, 0)
	const topFields = [...fields.entries()]
		.filter(([, w]) => w > 0)
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, options.topFields ?? 5)
		.map(([code, w]) => ({ code, share: totalField > 0 ? w / totalField : 0 }))
	const ranked = [...keywords.values()].filter((k) => k.weight > 0).sort((a, b) => b.weight - a.weight || a.keyword.localeCompare(b.keyword, 'vi'))
	const strongest = ranked[0]?.weight ?? 0
	const topKeywords = ranked.slice(0, options.topKeywords ?? 8).map((k) => ({ keyword: k.keyword, weight: strongest > 0 ? k.weight / strongest : 0 }))
	return { fields: topFields, keywords: topKeywords }
}
