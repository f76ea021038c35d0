// /me/matches and /broker/matches through their loaders and actions, with real sessions.
import { beforeAll, describe, expect, test } from 'vitest'
import { resetCorpus } from '~/matching/corpus.server'
import { action as brokerMatchAction, loader as brokerMatchLoader } from '~/routes/broker/match'
import { action as queueAction, loader as queueLoader } from '~/routes/broker/matches'
import { action as matchesAction, loader as matchesLoader } from '~/routes/me/matches'
import { drainOutbox } from '~/search/relay.server'
import { useTestDatabase } from '../db'
import { createUser, localeContext, makeRequest, outcome, signIn } from '../factories'
import { exchange, publishedDemand, publishedOffer } from '../search/helpers'
import { runWorkerUntilIdle } from '../search/worker'

const { prisma } = await useTestDatabase()
beforeAll(() => resetCorpus())

type Args = { request: Request; params: Record<string, string>; context: Awaited<ReturnType<typeof localeContext>> }
const call = async (fn: unknown, request: Request, params: Record<string, string> = {}) => outcome((fn as (a: Args) => Promise<unknown>)({ request, params, context: await localeContext(request) }))

// Each test its own subject: on a market of a handful of listings, identical ones would share
// every word and make each other's words common.
const SUBJECTS = [
	{
		offer: { title: 'Công nghệ xử lý nước thải chế biến thủy sản bằng màng sinh học MBBR', summary: 'Xử lý nước thải nhà máy chế biến cá tra đạt QCVN 11-MT:2015 cột A.', keywords: ['xử lý nước thải', 'cá tra'], fieldCodes: ['207'] },
		demand: {},
	},
	{
		offer: { title: 'Máy sấy bơm nhiệt cho trái cây sầu riêng', summary: 'Sấy lạnh bằng bơm nhiệt, giữ màu, mùi và độ giòn của sầu riêng và mít.', keywords: ['máy sấy', 'bơm nhiệt'], fieldCodes: ['210'] },
		demand: {
			title: 'Cần máy sấy bơm nhiệt cho sầu riêng',
			problem: 'Hợp tác xã cần sấy sầu riêng và mít sau thu hoạch mà vẫn giữ được màu, mùi và độ giòn; lò sấy củi hiện tại làm cháy sản phẩm.',
			desiredOutcome: 'Một máy sấy bơm nhiệt 500 kg/mẻ, điện năng dưới 1 kWh/kg sản phẩm.',
			keywords: ['máy sấy', 'bơm nhiệt'],
			fieldCodes: ['210'],
		},
	},
	{
		offer: { title: 'Giống lúa chịu mặn OM429 cho vùng ven biển', summary: 'Giống lúa ngắn ngày chịu mặn 4‰, năng suất 6 tấn/ha trên đất nhiễm mặn.', keywords: ['giống lúa', 'chịu mặn'], fieldCodes: ['401'] },
		demand: {
			title: 'Cần giống lúa chịu mặn cho vùng ven biển Sóc Trăng',
			problem: 'Ruộng ven biển bị xâm nhập mặn 3–4‰ vào mùa khô; giống lúa đang trồng mất trắng hai vụ liền.',
			desiredOutcome: 'Giống lúa ngắn ngày chịu mặn 4‰, năng suất trên 5 tấn/ha, có quy trình canh tác đi kèm.',
			keywords: ['giống lúa', 'chịu mặn'],
			fieldCodes: ['401'],
		},
	},
]

async function market(subject: number) {
	const institute = await exchange()
	const offer = await publishedOffer(institute, SUBJECTS[subject]!.offer)
	const enterprise = await exchange()
	const demand = await publishedDemand(enterprise, SUBJECTS[subject]!.demand)
	await drainOutbox()
	await runWorkerUntilIdle({ except: ['email.send'] })
	const match = await prisma.match.findFirstOrThrow({ where: { offerId: offer, demandId: demand } })
	return { institute, enterprise, offer, demand, match }
}

describe('/me/matches', () => {
	test('an owner sees the pair with why; dismissing without a reason keeps the note and says why; with a reason the pair leaves the list', async () => {
		const { enterprise, demand, match } = await market(0)
		const { cookie } = await signIn(enterprise.owner.user.id)
		const page = await call(matchesLoader, makeRequest('/me/matches', { cookie }))
		expect(page.status).toBe(200)
		const listing = (page.body as { listings: Array<{ id: string; matches: Array<{ id: string; components: unknown[]; terms: unknown[] }> }> }).listings.find((l) => l.id === demand)!
		const shown = listing.matches.find((m) => m.id === match.id)!
		expect(shown.components.length).toBeGreaterThan(1)
		expect(shown.terms.length).toBeGreaterThan(0)

		const bad = await call(matchesAction, makeRequest('/me/matches', { method: 'POST', cookie, form: { matchId: match.id, intent: 'dismiss', reason: '', note: 'Đã làm việc với viện này' } }))
		expect(bad.status).toBe(400)
		expect(bad.body).toMatchObject({ errors: { reason: ['matching.errors.reason'] }, values: { note: 'Đã làm việc với viện này' } })

		const ok = await call(matchesAction, makeRequest('/me/matches', { method: 'POST', cookie, form: { matchId: match.id, intent: 'dismiss', reason: 'ALREADY_KNOWN', note: '' } }))
		expect(ok.status).toBe(302)
		expect(ok.location).toContain('done=dismissed')
		const after = await call(matchesLoader, makeRequest('/me/matches', { cookie }))
		const ids = (after.body as { listings: Array<{ id: string; matches: Array<{ id: string }> }> }).listings.find((l) => l.id === demand)!.matches.map((m) => m.id)
		expect(ids).not.toContain(match.id)
	})

	test('a stranger acting on someone else’s match gets a translated 404, and a visitor is sent to log in', async () => {
		const { match } = await market(1)
		const stranger = await createUser()
		const { cookie } = await signIn(stranger.id)
		const res = await call(matchesAction, makeRequest('/me/matches', { method: 'POST', cookie, form: { matchId: match.id, intent: 'relevant' } }))
		expect(res).toMatchObject({ status: 404, body: { error: 'matching.errors.notFound' } })
		const junk = await call(matchesAction, makeRequest('/me/matches', { method: 'POST', cookie, form: { matchId: match.id, intent: 'drop table' } }))
		expect(junk.status).toBe(400)
		const visitor = await call(matchesLoader, makeRequest('/me/matches'))
		expect(visitor.status).toBe(302)
		expect(visitor.location).toMatch(/^\/login/)
	})
})

describe('/broker/matches', () => {
	test('brokers see the strongest open pairs, claim one, and a second broker cannot take it; members get 403', async () => {
		const { match } = await market(2)
		const broker = await createUser({ roles: ['MEMBER', 'BROKER'] })
		const other = await createUser({ roles: ['MEMBER', 'BROKER'] })
		const member = await createUser()
		const b = await signIn(broker.id)
		const o = await signIn(other.id)
		const m = await signIn(member.id)
		expect((await call(queueLoader, makeRequest('/broker/matches', { cookie: m.cookie }))).status).toBe(403)

		const queue = await call(queueLoader, makeRequest('/broker/matches', { cookie: b.cookie }))
		const items = (queue.body as { items: Array<{ id: string; score: number }> }).items
		expect(items.map((i) => i.id)).toContain(match.id)
		expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((x, y) => y - x))

		const claimed = await call(queueAction, makeRequest('/broker/matches', { method: 'POST', cookie: b.cookie, form: { matchId: match.id, intent: 'claim' } }))
		expect(claimed).toMatchObject({ status: 302, location: `/broker/matches/${match.id}?done=claimed` })
		const taken = await call(brokerMatchAction, makeRequest(`/broker/matches/${match.id}`, { method: 'POST', cookie: o.cookie, form: { intent: 'claim' } }), { id: match.id })
		expect(taken).toMatchObject({ status: 409, body: { error: 'matching.errors.claimedByOther' } })
		// The other broker no longer sees it in the open queue.
		const theirs = await call(queueLoader, makeRequest('/broker/matches', { cookie: o.cookie }))
		expect((theirs.body as { items: Array<{ id: string }> }).items.map((i) => i.id)).not.toContain(match.id)

		const side = await call(brokerMatchLoader, makeRequest(`/broker/matches/${match.id}`, { cookie: b.cookie }), { id: match.id })
		expect(side.status).toBe(200)
		expect(side.body).toMatchObject({ claim: { mine: true }, demand: { id: match.demandId }, offer: { id: match.offerId } })
		const missing = await call(brokerMatchLoader, makeRequest('/broker/matches/nope', { cookie: b.cookie }), { id: 'nope' })
		expect(missing.status).toBe(404)
	})
})
