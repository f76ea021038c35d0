import { prisma } from '~/utils/db.server'
import { buildSynonymIndex, type SynonymIndex } from './query'

const TTL_MS = 60_000
let cache: { at: number; index: SynonymIndex; groups: string[][] } | undefined

/** The operators' synonym groups, cut for query expansion; cached for a minute on each node. */
export async function synonymGroups(): Promise<string[][]> {
	return (await load()).groups
}

export async function synonymIndex(): Promise<SynonymIndex> {
	return (await load()).index
}

async function load() {
	if (!cache || Date.now() - cache.at > TTL_MS) {
		const rows = await prisma.searchSynonym.findMany({ select: { terms: true }, orderBy: { id: 'asc' } })
		const groups = rows.map((r) => r.terms).filter((t) => t.length >= 2)
		cache = { at: Date.now(), groups, index: buildSynonymIndex(groups) }
	}
	return cache
}

/** Forgets the cached list on this node (after an edit; other nodes catch up within the TTL). */
export function dropSynonymCache() {
	cache = undefined
}
