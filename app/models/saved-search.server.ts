// Saved searches: owned by their user, who alone reads, changes and deletes them. The query is
// stored canonical (app/search/request.ts), so saving the same search twice updates one row.
import { z } from 'zod'
import { ALERT_CHANNELS, ALERT_FREQUENCIES, SAVED_NAME_MAX as NAME_MAX } from '~/models/saved-search.shared'
import { readSearchParams, searchQueryString } from '~/search/request'
import { prisma } from '~/utils/db.server'
import { inTransaction } from '~/utils/transaction.server'
import { msg } from '~/utils/validation'

export { ALERT_CHANNELS, ALERT_FREQUENCIES }
export const SAVED_SEARCHES_PER_USER = 50

export class SavedSearchError extends Error {
	constructor(
		readonly key: string,
		readonly status: number,
		readonly params: Record<string, string | number> = {},
	) {
		super(key)
	}
}

export const SavedSearchSettingsSchema = z.object({
	name: z
		.string({ error: msg('validation.required') })
		.transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
		.pipe(
			z
				// Conform reads a name of spaces, trimmed to "", as missing: the same message either way.
				.string({ error: msg('validation.required') })
				.min(1, msg('validation.required'))
				.max(NAME_MAX, msg('validation.tooLong', { max: NAME_MAX })),
		),
	frequency: z.enum(ALERT_FREQUENCIES, { error: msg('validation.choose') }),
	channel: z.enum(ALERT_CHANNELS, { error: msg('validation.choose') }),
})
export type SavedSearchSettings = z.output<typeof SavedSearchSettingsSchema>

/** The canonical form of a /search query string (page dropped); refuses one with nothing to search for. */
export function canonicalQuery(queryString: string) {
	const { params } = readSearchParams(new URLSearchParams(queryString))
	return { params, query: searchQueryString(params) }
}

/** Saves a search for its user, or updates the one with the same query. */
export async function saveSearch(userId: string, queryString: string, settings: SavedSearchSettings) {
	const { query } = canonicalQuery(queryString)
	return inTransaction(async ({ tx }) => {
		// The user's row serialises their saves, so two at once cannot both pass the limit.
		await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`
		const existing = await tx.savedSearch.findUnique({ where: { userId_query: { userId, query } }, select: { id: true } })
		if (existing) return tx.savedSearch.update({ where: { id: existing.id }, data: settings })
		const count = await tx.savedSearch.count({ where: { userId } })
		if (count >= SAVED_SEARCHES_PER_USER) throw new SavedSearchError('search.saved.errors.tooMany', 409, { max: SAVED_SEARCHES_PER_USER })
		// Alerts cover what is published from now on, not the listings the user has already seen.
		return tx.savedSearch.create({ data: { userId, query, ...settings, lastAlertAt: new Date() } })
	})
}

async function owned(userId: string, id: string) {
	const row = await prisma.savedSearch.findUnique({ where: { id }, select: { id: true, userId: true } })
	// Someone else's saved search is reported as missing: its existence is not theirs to know.
	if (!row || row.userId !== userId) throw new SavedSearchError('search.saved.errors.notFound', 404)
	return row
}

export async function updateSavedSearch(userId: string, id: string, settings: SavedSearchSettings) {
	await owned(userId, id)
	return prisma.savedSearch.update({ where: { id }, data: settings })
}

export async function deleteSavedSearch(userId: string, id: string) {
	await owned(userId, id)
	await prisma.savedSearch.delete({ where: { id } })
}

export function listSavedSearches(userId: string) {
	return prisma.savedSearch.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } })
}

export function findSavedSearch(userId: string, query: string) {
	return prisma.savedSearch.findUnique({ where: { userId_query: { userId, query } } })
}
