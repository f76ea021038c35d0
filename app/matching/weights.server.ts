// The score model in use and its relearning. Weights are learned from the feedback owners give
// (relevant or interested: a positive; dismissed: a negative) over the components stored with
// each verdict. A new model is adopted only when it orders held-out feedback at least as well as
// the model in use; otherwise it is recorded as not adopted and the previous one stays.
import { COMPONENTS, DEFAULT_WEIGHTS, learnWeights, pairwiseAccuracy, type ComponentName, type FeedbackExample, type Weights } from '../../matching'
import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'

/** Fewer judged pairs than this teach nothing reliable. */
export const MIN_EXAMPLES = 20
const CACHE_MS = 60_000

let cached: { weights: Weights; at: number } | undefined

function parseWeights(json: Prisma.JsonValue): Weights | null {
	if (!json || typeof json !== 'object' || Array.isArray(json)) return null
	const out = { ...DEFAULT_WEIGHTS }
	for (const c of COMPONENTS) {
		const v = (json as Record<string, unknown>)[c]
		if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return null
		out[c] = v
	}
	return out
}

/** The newest adopted model's weights, or the defaults. */
export async function currentWeights(): Promise<Weights> {
	if (cached && Date.now() - cached.at < CACHE_MS) return cached.weights
	const row = await prisma.matchModel.findFirst({ where: { active: true }, orderBy: { createdAt: 'desc' }, select: { weights: true } })
	const weights = (row && parseWeights(row.weights)) ?? { ...DEFAULT_WEIGHTS }
	cached = { weights, at: Date.now() }
	return weights
}

export function forgetWeights() {
	cached = undefined
}

export type StoredComponent = { name: ComponentName; value: number; contribution: number }

/** The components stored with a match ([{ name, value, contribution }]), read defensively: rows written by older versions too. */
export function readComponents(json: Prisma.JsonValue): StoredComponent[] {
	if (!Array.isArray(json)) return []
	return json.flatMap((c) =>
		c && typeof c === 'object' && !Array.isArray(c) && typeof c.name === 'string' && (COMPONENTS as readonly string[]).includes(c.name) && typeof c.value === 'number'
			? [{ name: c.name as ComponentName, value: c.value, contribution: typeof c.contribution === 'number' ? c.contribution : 0 }]
			: [],
	)
}

/** The component values stored with a match, by name: what a verdict is learned from. */
export function componentValues(json: Prisma.JsonValue): Partial<Record<ComponentName, number>> {
	return Object.fromEntries(readComponents(json).map((c) => [c.name, c.value]))
}

// Held-out feedback is chosen by id, not at random, so a rerun judges on the same examples.
function heldOut(id: string) {
	let h = 0
	for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0
	return h % 5 === 0
}

export type RelearnResult = { examples: number; heldOut: number; accuracy: number; baseline: number; adopted: boolean } | { skipped: string }

/** Learns weights from the feedback so far and adopts them when they do no worse on held-out feedback. */
export async function relearnWeights(): Promise<RelearnResult> {
	const rows = await prisma.matchFeedback.findMany({ where: { verdict: { not: null } }, select: { id: true, verdict: true, components: true }, orderBy: { id: 'asc' } })
	const examples = rows.map((r) => ({ id: r.id, example: { values: componentValues(r.components), relevant: r.verdict === 'RELEVANT' } satisfies FeedbackExample }))
	const train = examples.filter((e) => !heldOut(e.id)).map((e) => e.example)
	const test = examples.filter((e) => heldOut(e.id)).map((e) => e.example)
	const classes = (xs: FeedbackExample[]) => new Set(xs.map((x) => x.relevant)).size
	if (examples.length < MIN_EXAMPLES || classes(train) < 2 || classes(test) < 2) return { skipped: `${examples.length} judged matches; at least ${MIN_EXAMPLES} with both verdicts in training and held-out feedback are needed` }
	forgetWeights()
	const previous = await currentWeights()
	const weights = learnWeights(train, { prior: previous })
	const accuracy = pairwiseAccuracy(weights, test)
	const baseline = pairwiseAccuracy(previous, test)
	const adopted = accuracy >= baseline
	await prisma.matchModel.create({ data: { weights, examples: train.length, heldOut: test.length, accuracy, baseline, active: adopted } })
	forgetWeights()
	return { examples: train.length, heldOut: test.length, accuracy, baseline, adopted }
}
