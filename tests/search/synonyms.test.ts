// Operators edit the synonym list; a change applies to search at once on this node.
import { expect, test } from 'vitest'
import { createSynonym, deleteSynonym, SynonymTermsSchema, updateSynonym } from '~/models/search-synonym.server'
import { drainOutbox } from '~/search/relay.server'
import { runSearch } from '~/search/service.server'
import { createUser } from '../factories'
import { useTestDatabase } from '../db'
import { exchange, publishedOffer } from './helpers'

const { prisma } = await useTestDatabase()

test('the starting list has bilingual S&T terms', async () => {
	const groups = (await prisma.searchSynonym.findMany()).map((s) => s.terms)
	expect(groups).toEqual(expect.arrayContaining([expect.arrayContaining(['thủy sản', 'aquaculture']), expect.arrayContaining(['Internet vạn vật', 'IoT'])]))
})

test('terms are cut, tidied and checked', () => {
	expect(SynonymTermsSchema.parse(' Thủy  sản, aquaculture ,AQUACULTURE;  ')).toEqual(['Thủy sản', 'aquaculture'])
	expect(SynonymTermsSchema.safeParse('một').success).toBe(false)
	expect(SynonymTermsSchema.safeParse(Array.from({ length: 13 }, (_, i) => `t${i}`).join(',')).success).toBe(false)
})

test('a new group makes one term find the other, an edit and a removal apply at once, each audited', async () => {
	const operator = await createUser({ roles: ['MEMBER', 'OPERATOR'] })
	const x = await exchange()
	const id = await publishedOffer(x, { title: 'Thiết bị xyzalpha cho nhà máy' })
	await drainOutbox()
	const found = async (text: string) => (await runSearch({ text })).hits.some((h) => h.entityId === id)
	expect(await found('xyzbeta ')).toBe(false)
	const group = await createSynonym(operator.id, ['xyzalpha', 'xyzbeta'])
	expect(await found('xyzbeta ')).toBe(true)
	await updateSynonym(operator.id, group.id, ['xyzalpha', 'xyzgamma'])
	expect(await found('xyzbeta ')).toBe(false)
	expect(await found('xyzgamma ')).toBe(true)
	await deleteSynonym(operator.id, group.id)
	expect(await found('xyzgamma ')).toBe(false)
	expect((await prisma.auditLog.findMany({ where: { entityId: group.id }, orderBy: { createdAt: 'asc' } })).map((a) => a.action)).toEqual([
		'search.synonym.created',
		'search.synonym.updated',
		'search.synonym.deleted',
	])
	await expect(deleteSynonym(operator.id, group.id)).rejects.toMatchObject({ status: 404 })
})
