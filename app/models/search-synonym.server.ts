// Synonym groups for search, edited by operators. Each change is audited; the cached list on
// this node is dropped at once (others within a minute) and Meilisearch gets its settings again.
import { z } from 'zod'
import { recordAudit } from '~/models/audit.server'
import { searchEngine } from '~/search/engine.server'
import { dropSynonymCache } from '~/search/synonyms.server'
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { inTransaction } from '~/utils/transaction.server'
import { msg } from '~/utils/validation'

export const SYNONYM_TERMS_MAX = 12
export const SYNONYM_TERM_CHARS = 80

export class SynonymError extends Error {
	constructor(
		readonly key: string,
		readonly status: number,
	) {
		super(key)
	}
}

/** "thủy sản, aquaculture" -> ["thủy sản", "aquaculture"]: NFC, spaces tidied, repeats (ignoring case) dropped. */
export const SynonymTermsSchema = z
	.string({ error: msg('search.synonyms.errors.tooFew') })
	.transform((s) => {
		const seen = new Set<string>()
		const out: string[] = []
		for (const raw of s.normalize('NFC').split(/[,;\n]/)) {
			const term = raw.replace(/\s+/g, ' ').trim()
			const key = term.toLocaleLowerCase('vi')
			if (term && !seen.has(key)) {
				seen.add(key)
				out.push(term)
			}
		}
		return out
	})
	.pipe(
		z
			.array(z.string().max(SYNONYM_TERM_CHARS, msg('search.synonyms.errors.termTooLong', { max: SYNONYM_TERM_CHARS })))
			.min(2, msg('search.synonyms.errors.tooFew'))
			.max(SYNONYM_TERMS_MAX, msg('search.synonyms.errors.tooMany', { max: SYNONYM_TERMS_MAX })),
	)

export function listSynonyms() {
	return prisma.searchSynonym.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, terms: true } })
}

async function changed() {
	dropSynonymCache()
	await searchEngine()
		.setup()
		.catch((error) => logger.error({ err: error }, 'could not push synonyms to the search engine; they apply at next start'))
}

export async function createSynonym(actorId: string, terms: string[]) {
	const row = await inTransaction(async ({ tx }) => {
		const created = await tx.searchSynonym.create({ data: { terms, createdById: actorId } })
		await recordAudit(tx, { actorId, action: 'search.synonym.created', entityType: 'SearchSynonym', entityId: created.id, data: { terms } })
		return created
	})
	await changed()
	return row
}

export async function updateSynonym(actorId: string, id: string, terms: string[]) {
	await inTransaction(async ({ tx }) => {
		const before = await tx.searchSynonym.findUnique({ where: { id } })
		if (!before) throw new SynonymError('search.synonyms.errors.notFound', 404)
		await tx.searchSynonym.update({ where: { id }, data: { terms } })
		await recordAudit(tx, { actorId, action: 'search.synonym.updated', entityType: 'SearchSynonym', entityId: id, data: { before: before.terms, after: terms } })
	})
	await changed()
}

export async function deleteSynonym(actorId: string, id: string) {
	await inTransaction(async ({ tx }) => {
		const before = await tx.searchSynonym.findUnique({ where: { id } })
		if (!before) throw new SynonymError('search.synonyms.errors.notFound', 404)
		await tx.searchSynonym.delete({ where: { id } })
		await recordAudit(tx, { actorId, action: 'search.synonym.deleted', entityType: 'SearchSynonym', entityId: id, data: { terms: before.terms } })
	})
	await changed()
}
