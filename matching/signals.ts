// Structured signals: what a listing says about itself beyond its text, scored against what the
// query asks for. Each is a value in [0, 1]; a signal the query does not ask about is absent (and
// takes no weight); one the candidate does not state is 0.5, unknown.

/** What a candidate states about itself. */
export type Attributes = {
	/** Field-of-science codes, each a path in the code tree ("4", "404", "40401"). */
	fieldCodes?: readonly string[]
	trl?: number | null
	/** Asking price in VND. */
	price?: number | null
	transferModes?: readonly string[]
	provinceCode?: string | null
	/** The province's region (e.g. "north", "south"), when the caller knows it. */
	region?: string | null
	/** Registered R&D task results that back the listing. */
	evidence?: number
	/** When it was published, in ms since the epoch. */
	publishedAt?: number | null
}

/** What a query asks for; `hard` turns a wish into a filter. */
export type Requirements = {
	fieldCodes?: readonly string[]
	minTrl?: number | null
	/** Budget in VND. */
	budget?: number | null
	transferModes?: readonly string[]
	provinceCode?: string | null
	region?: string | null
	/** Ask for evidence (an offer backed by task results scores higher). */
	evidence?: boolean
	/** The time recency is measured from, ms since the epoch (the library reads no clock). */
	now?: number | null
	hard?: { minTrl?: boolean; budget?: boolean; transferModes?: boolean; region?: boolean; fieldCodes?: boolean }
}

export const SIGNALS = ['field', 'trl', 'price', 'transferMode', 'region', 'evidence', 'recency'] as const
export type SignalName = (typeof SIGNALS)[number]

const UNKNOWN = 0.5
/** Recency halves every this many days. */
const RECENCY_HALF_LIFE_DAYS = 365
/** TRL points below the minimum at which the signal reaches 0. */
const TRL_SLACK = 3

/** The signals the requirements ask about, scored for one candidate. */
export function scoreSignals(req: Requirements, a: Attributes): Partial<Record<SignalName, number>> {
	const out: Partial<Record<SignalName, number>> = {}
	if (req.fieldCodes?.length) out.field = a.fieldCodes?.length ? fieldSimilarity(req.fieldCodes, a.fieldCodes) : UNKNOWN
	if (req.minTrl != null) out.trl = a.trl == null ? UNKNOWN : a.trl >= req.minTrl ? 1 : Math.max(0, 1 - (req.minTrl - a.trl) / TRL_SLACK)
	if (req.budget != null) out.price = a.price == null ? UNKNOWN : a.price <= req.budget ? 1 : req.budget / a.price
	if (req.transferModes?.length) out.transferMode = a.transferModes?.length ? (a.transferModes.some((m) => req.transferModes!.includes(m)) ? 1 : 0) : UNKNOWN
	if (req.provinceCode || req.region) {
		out.region =
			!a.provinceCode && !a.region
				? UNKNOWN
				: req.provinceCode && a.provinceCode === req.provinceCode
					? 1
					: req.region && a.region === req.region
						? 0.6
						: 0.2
	}
	if (req.evidence) out.evidence = 1 - Math.exp(-(a.evidence ?? 0) / 2)
	if (req.now != null) out.recency = a.publishedAt == null ? UNKNOWN : 0.5 ** (Math.max(0, req.now - a.publishedAt) / 86_400_000 / RECENCY_HALF_LIFE_DAYS)
	return out
}

/** False when a hard requirement rules the candidate out. Unstated values never rule out. */
export function meetsHardRequirements(req: Requirements, a: Attributes): boolean {
	const hard = req.hard
	if (!hard) return true
	if (hard.minTrl && req.minTrl != null && a.trl != null && a.trl < req.minTrl) return false
	if (hard.budget && req.budget != null && a.price != null && a.price > req.budget) return false
	if (hard.transferModes && req.transferModes?.length && a.transferModes?.length && !a.transferModes.some((m) => req.transferModes!.includes(m))) return false
	if (hard.region && req.region && a.region && a.region !== req.region) return false
	if (hard.fieldCodes && req.fieldCodes?.length && a.fieldCodes?.length && fieldSimilarity(req.fieldCodes, a.fieldCodes) === 0) return false
	return true
}

/** Closeness in the code tree: the longest shared prefix of any two codes over the longer code. */
export function fieldSimilarity(a: readonly string[], b: readonly string[]): number {
	let best = 0
	for (const x of a)
		for (const y of b) {
			let n = 0
			while (n < x.length && n < y.length && x[n] === y[n]) n++
			best = Math.max(best, n / Math.max(x.length, y.length))
		}
	return best
}
