// Near-duplicates for a draft demand and for a listing in review: what already exists that reads like it.
import { beforeAll, describe, expect, test } from 'vitest'
import { currentCorpus, resetCorpus } from '~/matching/corpus.server'
import { nearDuplicates } from '~/matching/duplicates.server'
import { listingEditLoader } from '~/listings/edit.server'
import { reviewItem } from '~/listings/review.server'
import { createDemand, submitDemand } from '~/models/demand.server'
import { newId } from '~/utils/id.server'
import { useTestDatabase } from '../db'
import { completeDemand, localeContext, makeRequest, outcome, signIn } from '../factories'
import { exchange, publishedDemand } from '../search/helpers'

const { prisma } = await useTestDatabase()
beforeAll(() => resetCorpus())

const DRYER = {
	title: 'Cần máy sấy bơm nhiệt cho sầu riêng cấp đông',
	problem: 'Hợp tác xã cần sấy sầu riêng và mít sau thu hoạch mà vẫn giữ được màu, mùi và độ giòn; lò sấy củi làm cháy sản phẩm.',
	desiredOutcome: 'Một máy sấy bơm nhiệt 500 kg/mẻ, điện năng dưới 1 kWh/kg sản phẩm.',
	keywords: ['máy sấy', 'bơm nhiệt', 'sầu riêng'],
	fieldCodes: ['210'],
}

describe('near-duplicates', () => {
	test('a draft demand is shown the published demand and the task result it repeats, not unrelated ones, and never itself', async () => {
		const other = await exchange()
		const published = await publishedDemand(other, DRYER)
		await publishedDemand(other)
		const taskResultId = newId()
		await prisma.taskResult.create({
			data: {
				id: taskResultId,
				taskCode: 'ĐTĐL.CN-12/21',
				taskCodeKey: 'dtdl.cn-12/21',
				title: 'Máy sấy bơm nhiệt cho sầu riêng và mít giữ màu, mùi, độ giòn',
				level: 'NATIONAL',
				hostName: 'Viện Cơ điện Nông nghiệp',
				abstract: 'Máy sấy bơm nhiệt 500 kg/mẻ cho sầu riêng cấp đông, điện năng dưới 1 kWh/kg sản phẩm.',
				keywords: ['máy sấy', 'bơm nhiệt', 'sầu riêng'],
				source: 'IMPORT',
			},
		})

		// As the server does at start: pages do not wait for the matcher to be built.
		await currentCorpus()
		const mine = await exchange()
		const draft = await createDemand(mine.actor, mine.organisationId, completeDemand({ ...DRYER, title: 'Cần máy sấy bơm nhiệt cho sầu riêng' }))
		const { cookie } = await signIn(mine.owner.user.id)
		const request = makeRequest(`/demands/${draft.id}/edit?step=technical`, { cookie })
		const page = await outcome(listingEditLoader('demand', { request, params: { id: draft.id }, context: await localeContext(request) }))
		expect(page.status).toBe(200)
		const found = (page.body as { duplicates: Array<{ type: string; id: string; similarity: number }> }).duplicates
		expect(found.map((d) => `${d.type}:${d.id}`).sort()).toEqual([`demand:${published}`, `task-result:${taskResultId}`].sort())
		expect(found.every((d) => d.similarity >= 0.7 && d.similarity <= 1)).toBe(true)

		// In review, the operator sees the published demand it repeats; the draft is not its own duplicate.
		await submitDemand(mine.actor, draft.id)
		const item = await reviewItem('demand', draft.id, mine.operator)
		expect(item.duplicates.map((d) => d.id)).toEqual([published])
	})

	test('before the matcher is built a page gets no duplicates at once, and the build starts', async () => {
		resetCorpus()
		expect(await nearDuplicates({ title: DRYER.title, keywords: DRYER.keywords, text: DRYER.problem }, { types: ['demand'] })).toEqual([])
		await currentCorpus()
		expect((await nearDuplicates({ title: DRYER.title, keywords: DRYER.keywords, text: DRYER.problem }, { types: ['demand'] })).length).toBeGreaterThan(0)
	})

	test('short or unrelated text finds nothing', async () => {
		expect(await nearDuplicates({ title: 'Máy sấy', text: '' }, { types: ['demand', 'task-result'] })).toEqual([])
		expect(await nearDuplicates({ title: 'Vắc xin phòng bệnh dịch tả lợn châu Phi', text: 'Chủng nhược độc, miễn dịch sau 14 ngày.' }, { types: ['demand', 'task-result'] })).toEqual([])
	})
})
