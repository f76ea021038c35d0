// Matching in the product: publishing a listing ranks it (through the search relay and the job
// worker, as in production) and stores explained matches for the right owners, once.
import { beforeAll, describe, expect, test } from 'vitest'
import { resetCorpus } from '~/matching/corpus.server'
import { matchesForUser } from '~/matching/page.server'
import { matchListing, STRONG_MATCH } from '~/matching/rank.server'
import { createDemand } from '~/models/demand.server'
import { expressInterest, judgeMatch, MatchError } from '~/models/match.server'
import { drainOutbox } from '~/search/relay.server'
import { newId } from '~/utils/id.server'
import { useTestDatabase } from '../db'
import { completeDemand, createOwner, createUser } from '../factories'
import { exchange, publishedDemand, publishedOffer } from '../search/helpers'
import { runWorkerUntilIdle } from '../search/worker'

const { prisma } = await useTestDatabase()

beforeAll(() => resetCorpus())

async function settle() {
	await drainOutbox()
	await runWorkerUntilIdle({ except: ['email.send'] })
}

const WASTEWATER_OFFER = {
	title: 'Công nghệ xử lý nước thải chế biến thủy sản bằng màng sinh học MBBR',
	summary: 'Xử lý nước thải nhà máy chế biến cá tra đạt QCVN 11-MT:2015 cột A, chi phí vận hành thấp.',
	description: 'Bể sinh học giá thể di động MBBR kết hợp lắng lamen, thu hồi bùn làm phân bón. Đã lắp đặt cho ba nhà máy chế biến cá tra ở Đồng Tháp.',
	fieldCodes: ['207'],
	keywords: ['xử lý nước thải', 'MBBR', 'cá tra'],
	trl: 8,
	transferModes: ['ASSIGNMENT', 'TRAINING'],
	priceMin: 1_500_000_000,
	priceMax: 3_000_000_000,
	provinceCode: '82',
}

const RICE_OFFER = {
	title: 'Giống lúa chịu mặn OM429 cho vùng ven biển',
	summary: 'Giống lúa ngắn ngày chịu mặn 4‰, năng suất 6 tấn/ha.',
	description: 'Chọn tạo bằng lai hồi giao có chỉ thị phân tử; đã khảo nghiệm tại Sóc Trăng và Bạc Liêu.',
	fieldCodes: ['401'],
	keywords: ['giống lúa', 'chịu mặn'],
}

async function matchRows(demandId: string) {
	return prisma.match.findMany({ where: { demandId }, orderBy: { score: 'desc' } })
}

describe('publishing a demand', () => {
	test('creates explained matches to the relevant offers of other organisations, and notifies both owners once', async () => {
		const institute = await exchange()
		const good = await publishedOffer(institute, WASTEWATER_OFFER)
		const rice = await publishedOffer(institute, RICE_OFFER)
		const enterprise = await exchange()
		// The enterprise's own offer on the same subject is not a match for its own demand.
		const ownOffer = await publishedOffer(enterprise, { ...WASTEWATER_OFFER, title: 'Dịch vụ vận hành trạm xử lý nước thải thủy sản' })
		await settle()
		const demand = await publishedDemand(enterprise)
		await settle()

		const rows = await matchRows(demand)
		const pairs = rows.filter((r) => r.kind === 'OFFER_DEMAND')
		expect(pairs.map((r) => r.offerId)).toContain(good)
		expect(pairs.map((r) => r.offerId)).not.toContain(rice)
		expect(pairs.map((r) => r.offerId)).not.toContain(ownOffer)
		const best = pairs.find((r) => r.offerId === good)!
		expect(best.score).toBeGreaterThan(0)
		expect(best.score).toBeLessThanOrEqual(1)
		// The explanation adds up to the score and names the words both sides share.
		const components = best.components as Array<{ name: string; contribution: number }>
		expect(components.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(best.score, 6)
		expect(components.map((c) => c.name)).toEqual(expect.arrayContaining(['text', 'field', 'trl', 'price']))
		const terms = (best.explanation as { terms: Array<{ term: string }> }).terms.map((t) => t.term)
		expect(terms.join(' ')).toMatch(/nước thải|cá tra/)

		// Both owners hear of a strong pair, once, however often the demand is ranked again.
		const notices = () => prisma.notification.findMany({ where: { kind: 'matching.new' } })
		const strong = best.score >= STRONG_MATCH
		expect((await notices()).map((n) => n.userId).sort()).toEqual(strong ? [institute.owner.user.id, enterprise.owner.user.id].sort() : [])
		await matchListing({ type: 'demand', id: demand })
		await matchListing({ type: 'offer', id: good })
		expect(await notices()).toHaveLength(strong ? 2 : 0)
		expect(await matchRows(demand)).toHaveLength(rows.length)

		// The page shows the pair to both sides.
		const forEnterprise = await matchesForUser(enterprise.owner.user.id)
		expect(forEnterprise.listings.find((l) => l.id === demand)!.matches.map((m) => m.offer?.id)).toContain(good)
		const forInstitute = await matchesForUser(institute.owner.user.id)
		expect(forInstitute.listings.find((l) => l.id === good)!.matches.map((m) => m.demand?.id)).toEqual([demand])
		expect(forInstitute.listings.find((l) => l.id === rice)!.matches).toEqual([])
	})

	test('an offer published after the demand finds it, with the same score as from the demand’s side', async () => {
		const enterprise = await exchange()
		const demand = await publishedDemand(enterprise, {
			title: 'Cần máy sấy bơm nhiệt cho sầu riêng',
			problem: 'Hợp tác xã cần sấy sầu riêng và mít sau thu hoạch mà vẫn giữ được màu, mùi và độ giòn; lò sấy củi hiện tại làm cháy sản phẩm và tốn nhân công.',
			desiredOutcome: 'Một máy sấy bơm nhiệt 500 kg/mẻ, điện năng dưới 1 kWh/kg sản phẩm.',
			keywords: ['máy sấy', 'bơm nhiệt'],
			fieldCodes: ['210'],
		})
		await settle()
		const institute = await exchange()
		const offer = await publishedOffer(institute, {
			title: 'Máy sấy bơm nhiệt cho trái cây sầu riêng',
			summary: 'Sấy lạnh bằng bơm nhiệt, giữ màu, mùi và độ giòn của sầu riêng và mít.',
			description: 'Buồng sấy 500 kg/mẻ điều khiển nhiệt độ và độ ẩm tự động, tiết kiệm 40% điện so với sấy điện trở. Đã chuyển giao cho hai hợp tác xã ở Tiền Giang.',
			keywords: ['máy sấy', 'bơm nhiệt'],
			fieldCodes: ['210'],
		})
		await settle()
		const [pair] = await prisma.match.findMany({ where: { demandId: demand, offerId: offer } })
		expect(pair).toBeDefined()
		const fromOffer = pair!.score
		await matchListing({ type: 'demand', id: demand })
		const again = await prisma.match.findUniqueOrThrow({ where: { id: pair!.id } })
		expect(again.score).toBeCloseTo(fromOffer, 9)
	})

	test('a latent task result (no offer yet) is matched to a demand with its host; once an offer builds on it, it is no longer latent', async () => {
		const enterprise = await exchange()
		const host = await createOwner({ name: 'Viện Cơ điện Nông nghiệp' })
		const taskResultId = newId()
		await prisma.taskResult.create({
			data: {
				id: taskResultId,
				taskCode: 'KC.07.12/16-20',
				taskCodeKey: 'kc0712/16-20',
				title: 'Nghiên cứu hệ thống xử lý nước thải chế biến cá tra bằng công nghệ sinh học',
				level: 'NATIONAL',
				hostName: host.organisation.name,
				hostOrganisationId: host.organisation.id,
				abstract: 'Quy trình xử lý nước thải chế biến thủy sản, đạt QCVN 11-MT:2015 cột A, thu hồi bùn.',
				keywords: ['xử lý nước thải', 'cá tra'],
				fieldCodes: ['207'],
				source: 'IMPORT',
			},
		})
		const demand = await publishedDemand(enterprise)
		await settle()
		const latent = (await matchRows(demand)).filter((r) => r.kind === 'TASK_RESULT_DEMAND')
		expect(latent.map((r) => r.taskResultId)).toContain(taskResultId)
		const page = await matchesForUser(enterprise.owner.user.id, { listing: `demand:${demand}` })
		const shown = page.listings[0]!.matches.find((m) => m.kind === 'TASK_RESULT_DEMAND')!
		expect(shown.other).toMatchObject({ type: 'task-result', title: expect.stringContaining('nước thải'), organisation: host.organisation.name })

		const offer = await publishedOffer(await exchange(), { ...WASTEWATER_OFFER, title: 'Trạm xử lý nước thải cá tra' })
		await prisma.offerTaskResult.create({ data: { offerId: offer, taskResultId } })
		await matchListing({ type: 'demand', id: demand })
		expect((await matchRows(demand)).filter((r) => r.kind === 'TASK_RESULT_DEMAND').map((r) => r.taskResultId)).not.toContain(taskResultId)
	})
})

describe('feedback and visibility', () => {
	test('interest in a latent task result reaches the managers of its host organisation', async () => {
		const enterprise = await exchange()
		const host = await createOwner({ name: 'Viện Công nghệ Sau thu hoạch' })
		const taskResultId = newId()
		await prisma.taskResult.create({
			data: {
				id: taskResultId,
				taskCode: 'KC.07.19/16-20',
				taskCodeKey: 'kc0719/16-20',
				title: 'Nghiên cứu máy sấy bơm nhiệt cho sầu riêng giữ màu và mùi',
				level: 'NATIONAL',
				hostName: host.organisation.name,
				hostOrganisationId: host.organisation.id,
				abstract: 'Máy sấy bơm nhiệt 500 kg/mẻ cho sầu riêng và mít, giữ màu, mùi và độ giòn.',
				keywords: ['máy sấy', 'bơm nhiệt', 'sầu riêng'],
				fieldCodes: ['210'],
				source: 'IMPORT',
			},
		})
		const demand = await publishedDemand(enterprise, {
			title: 'Cần máy sấy bơm nhiệt cho sầu riêng và mít',
			problem: 'Hợp tác xã cần sấy sầu riêng và mít mà vẫn giữ màu, mùi và độ giòn; lò sấy củi làm cháy sản phẩm.',
			desiredOutcome: 'Một máy sấy bơm nhiệt 500 kg/mẻ.',
			keywords: ['máy sấy', 'bơm nhiệt'],
			fieldCodes: ['210'],
		})
		await settle()
		const latent = (await matchRows(demand)).find((r) => r.taskResultId === taskResultId)!
		expect(await expressInterest(enterprise.owner.user.id, latent.id)).toEqual({ notified: true })
		expect(await prisma.notification.findMany({ where: { kind: 'matching.interest', userId: host.user.id } })).toMatchObject([{ link: `/task-results/${taskResultId}` }])
	})

	test('a dismissed pair does not come back when the demand is ranked again; interest notifies the other side', async () => {
		const institute = await exchange()
		const offer = await publishedOffer(institute, WASTEWATER_OFFER)
		const enterprise = await exchange()
		const demand = await publishedDemand(enterprise)
		await settle()
		const pair = (await matchRows(demand)).find((r) => r.offerId === offer)!
		await judgeMatch(enterprise.owner.user.id, pair.id, { verdict: 'DISMISSED', reason: 'ALREADY_KNOWN', note: 'Đã làm việc với viện' })
		await prisma.demand.update({ where: { id: demand }, data: { desiredOutcome: 'Nước thải đạt cột A; chi phí vận hành thấp.' } })
		await settle()
		await matchListing({ type: 'demand', id: demand })
		const page = await matchesForUser(enterprise.owner.user.id)
		expect(page.listings.find((l) => l.id === demand)!.matches.map((m) => m.id)).not.toContain(pair.id)
		const dismissed = await matchesForUser(enterprise.owner.user.id, { dismissed: true })
		expect(dismissed.listings.find((l) => l.id === demand)!.matches.map((m) => m.id)).toEqual([pair.id])
		// The row and its feedback are kept for learning.
		expect(await prisma.matchFeedback.findMany({ where: { matchId: pair.id } })).toMatchObject([{ verdict: 'DISMISSED', reason: 'ALREADY_KNOWN', organisationId: enterprise.organisationId }])

		// The institute's side is not affected by the enterprise's dismissal, and its interest reaches the enterprise.
		expect((await matchesForUser(institute.owner.user.id)).listings.find((l) => l.id === offer)!.matches.map((m) => m.id)).toContain(pair.id)
		await expressInterest(institute.owner.user.id, pair.id)
		const notice = await prisma.notification.findFirstOrThrow({ where: { kind: 'matching.interest', userId: enterprise.owner.user.id } })
		expect(notice.userId).toBe(enterprise.owner.user.id)
		await expect(expressInterest(institute.owner.user.id, pair.id)).rejects.toMatchObject({ key: 'matching.errors.alreadyInterested', status: 409 })
	})

	test('drafts are never matched; an organisation cannot see or act on another organisation’s matches', async () => {
		const institute = await exchange()
		const offer = await publishedOffer(institute, WASTEWATER_OFFER)
		const enterprise = await exchange()
		const draft = await createDemand(enterprise.actor, enterprise.organisationId, completeDemand())
		await settle()
		await matchListing({ type: 'demand', id: draft.id })
		await matchListing({ type: 'offer', id: offer })
		expect(await prisma.match.findMany({ where: { demandId: draft.id } })).toEqual([])
		expect((await matchesForUser(institute.owner.user.id)).listings.find((l) => l.id === offer)!.matches.map((m) => m.demand?.id)).not.toContain(draft.id)

		const demand = await publishedDemand(enterprise)
		await settle()
		const pair = (await matchRows(demand)).find((r) => r.offerId === offer)!
		const stranger = await createUser()
		const outsider = await createOwner()
		for (const userId of [stranger.id, outsider.user.id]) {
			expect((await matchesForUser(userId)).listings.flatMap((l) => l.matches)).toEqual([])
			const error = await judgeMatch(userId, pair.id, { verdict: 'RELEVANT' }).catch((e: unknown) => e)
			expect(error).toBeInstanceOf(MatchError)
			expect(error).toMatchObject({ status: 404 })
		}
		// Withdrawn: the pair disappears from the other side's page.
		await prisma.demand.update({ where: { id: demand }, data: { status: 'ARCHIVED' } })
		expect((await matchesForUser(institute.owner.user.id)).listings.find((l) => l.id === offer)!.matches.map((m) => m.demand?.id)).not.toContain(demand)
	})
})
