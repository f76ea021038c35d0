// Every statistics figure against a real database, recomputed here from the raw rows in plain
// TypeScript (no SQL shared with the app): an empty database gives zeros, then a small exchange in
// two provinces gives the figures for the country, one province and one field.
import { describe, expect, test } from 'vitest'
import type { DealStage, IpStatus, TransferMode } from '~/generated/prisma/client'
import { MATCH_THRESHOLD } from '~/matching/rank.server'
import { IP_STATUSES, TRANSFER_MODES } from '~/models/listing-schema'
import { useTestDatabase } from '../../tests/db'
import { addMember, createOrganisation, createUser } from '../../tests/factories'
import { buildFigures, OPERATOR_FIGURES } from './figures.server'
import type { StatsFilters } from './filters'
import type { StatRow, StatTable } from './table'

const { prisma } = await useTestDatabase()

const at = (iso: string) => new Date(iso)
// Vietnam is UTC+7 all year: the calendar month of an instant, computed without Intl.
const vnMonth = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 7)
const paths = (code: string) => [...new Set([code.slice(0, 1), code.slice(0, 3), code].filter((c) => c.length <= code.length))]

const YEAR: StatsFilters = { from: '2026-01', to: '2026-12', bucket: 'quarter' }
const START = at('2025-12-31T17:00:00Z')
const END = at('2026-12-31T17:00:00Z')
const inYear = (d: Date | null) => d !== null && d >= START && d < END

const round = (value: unknown) => (typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value)
const rowsOf = (table: StatTable | undefined) => (table?.rows ?? []).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)])))
const normal = (rows: StatRow[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)])))
const median = (values: number[]) => {
	if (values.length === 0) return null
	const s = [...values].sort((a, b) => a - b)
	const mid = (s.length - 1) / 2
	return (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2
}

async function figures(filters: StatsFilters) {
	const tables = await buildFigures('operator', filters, 'en')
	return Object.fromEntries(tables.map((t) => [t.id, t])) as Record<string, StatTable>
}

describe('statistics figures', () => {
	test('an empty database shows zeros, not errors', async () => {
		const f = await figures(YEAR)
		expect(Object.keys(f).sort()).toEqual([...OPERATOR_FIGURES].sort())
		for (const table of Object.values(f)) {
			for (const row of table.rows) {
				for (const column of table.columns) {
					const value = row[column.key]
					if (column.kind === 'count' || column.kind === 'vnd') expect(value === 0 || (column.key === 'median' && value === null), `${table.id}.${column.key}`).toBe(true)
					if (column.kind === 'share' || column.kind === 'days' || column.kind === 'hours') expect(value, `${table.id}.${column.key}`).toBeNull()
				}
			}
		}
		expect(f.overTime!.rows.map((r) => r.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
		expect(f.unmetTopics!.rows).toEqual([])
	})

	test('each figure equals its recomputation from the raw rows, for the country, a province and a field', async () => {
		await seedExchange()
		for (const filters of [YEAR, { ...YEAR, province: '01' }, { ...YEAR, province: '79' }, { ...YEAR, field: '207' }, { ...YEAR, province: '01', field: '2' }, { from: '2026-03', to: '2026-04', bucket: 'month' as const }, { from: '2026-04', to: '2026-04', bucket: 'month' as const }]) {
			const f = await figures(filters)
			const expected = await recompute(filters)
			for (const id of Object.keys(expected)) expect(rowsOf(f[id]), `${id} ${JSON.stringify(filters)}`).toEqual(normal(expected[id]!))
			expect('byProvince' in f).toBe(!filters.province)
		}
	})

	test('the seeded exchange gives the figures a person would count by hand', async () => {
		const f = await figures(YEAR)
		const funnel = Object.fromEntries(f.funnel!.rows.map((r) => [r.step, r]))
		// 2 matches above the threshold; 3 deals (one from a match); one went all the way on the platform, one closed off it.
		expect(funnel['Match suggested']).toMatchObject({ count: 2 })
		expect(funnel['Interest expressed']).toMatchObject({ count: 3, conversion: 0.5 })
		expect(funnel['Transferred']).toMatchObject({ count: 2 })
		expect(round(funnel['Non-disclosure agreement (NDA)']!.medianDays)).toBe(round((2 + 22) / 2))
		const values = Object.fromEntries(f.dealValues!.rows.map((r) => [r.kind, r]))
		expect(values['Signed on the platform']).toMatchObject({ deals: 1, total: 900_000_000 })
		expect(values['Paid through the platform']).toMatchObject({ deals: 1, total: 250_000_000 })
		expect(values['Recorded off-platform (self-reported)']).toMatchObject({ deals: 1, total: 2_000_000_000 })
		const institutes = f.responseSignals!.rows.find((r) => r.type === 'Research institute')!
		expect(institutes).toMatchObject({ enquiries: 1, enquiriesAnswered: 1, messages: 1, messagesAnswered: 1 })
		expect(round(institutes.messageHours)).toBe(5)
		const unmet = Object.fromEntries(f.unmetByField!.rows.map((r) => [r.code, r]))
		expect(unmet['2']).toMatchObject({ demands: 2, unmet: 1 })
		expect(unmet['4']).toMatchObject({ demands: 1, unmet: 1 })
		expect(f.unmetTopics!.rows[0]).toEqual({ keyword: 'bùn thải', demands: 2 })
	})
})

// ─── The exchange ─────────────────────────────────────────────────────────────

async function member(organisationId: string) {
	const user = await createUser()
	await addMember(user.id, organisationId, 'OWNER')
	return user
}

async function seedExchange() {
	const institute = await createOrganisation({ type: 'RESEARCH_INSTITUTE', provinceCode: '01' })
	const factory = await createOrganisation({ type: 'ENTERPRISE', provinceCode: '01' })
	const university = await createOrganisation({ type: 'UNIVERSITY', provinceCode: '79' })
	const company = await createOrganisation({ type: 'ENTERPRISE', provinceCode: '79' })
	const [ui, uf, uu, uc] = [await member(institute.id), await member(factory.id), await member(university.id), await member(company.id)]

	const offer = (data: { org: string; code: string; status?: 'PUBLISHED' | 'EXPIRED' | 'DRAFT'; publishedAt: Date | null; trl?: number | null; ip?: IpStatus; modes: TransferMode[]; province?: string | null }) =>
		prisma.offer.create({
			data: {
				organisationId: data.org,
				title: `Chào bán ${data.code}`,
				status: data.status ?? 'PUBLISHED',
				fieldCodes: [data.code],
				fieldPaths: paths(data.code),
				trl: data.trl ?? null,
				ipStatus: data.ip ?? 'NONE',
				transferModes: data.modes,
				provinceCode: data.province ?? null,
				publishedAt: data.publishedAt,
			},
		})
	const o1 = await offer({ org: institute.id, code: '20701', publishedAt: at('2026-03-10T03:00:00Z'), trl: 5, ip: 'PATENT_GRANTED', modes: ['LICENSING', 'TRAINING'] })
	// Published by a university of province 79 for a site in province 01; expired since.
	const o2 = await offer({ org: university.id, code: '405', status: 'EXPIRED', publishedAt: at('2026-05-02T03:00:00Z'), modes: ['ASSIGNMENT'], province: '01' })
	const o3 = await offer({ org: institute.id, code: '207', status: 'DRAFT', publishedAt: null, modes: [] })
	await offer({ org: university.id, code: '405', publishedAt: at('2025-01-15T03:00:00Z'), trl: 3, modes: ['CONSULTING'] })
	// 1 April 00:30 in Vietnam is still 31 March in UTC: it belongs to April (Q2).
	await offer({ org: company.id, code: '207', publishedAt: at('2026-03-31T17:30:00Z'), trl: 9, ip: 'KNOW_HOW', modes: ['LICENSING'] })

	const demand = (data: { org: string; code: string; status?: 'PUBLISHED' | 'EXPIRED' | 'ARCHIVED' | 'DRAFT'; publishedAt: Date | null; minTrl?: number | null; modes: TransferMode[]; keywords?: string[] }) =>
		prisma.demand.create({
			data: {
				organisationId: data.org,
				title: `Nhu cầu ${data.code} ${data.publishedAt?.toISOString() ?? 'nháp'}`,
				status: data.status ?? 'PUBLISHED',
				fieldCodes: [data.code],
				fieldPaths: paths(data.code),
				minTrl: data.minTrl ?? null,
				transferModes: data.modes,
				keywords: data.keywords ?? [],
				publishedAt: data.publishedAt,
			},
		})
	const d1 = await demand({ org: factory.id, code: '207', publishedAt: at('2026-03-20T03:00:00Z'), minTrl: 6, modes: ['LICENSING'], keywords: ['Bùn thải'] })
	const d2 = await demand({ org: company.id, code: '405', publishedAt: at('2026-04-01T03:00:00Z'), modes: ['ASSIGNMENT', 'CONSULTING'], keywords: ['bùn thải', 'tôm'] })
	await demand({ org: factory.id, code: '20701', status: 'EXPIRED', publishedAt: at('2026-06-15T03:00:00Z'), modes: [], keywords: ['BÙN THẢI', 'quặng'] })
	await demand({ org: factory.id, code: '20701', status: 'ARCHIVED', publishedAt: at('2026-04-15T03:00:00Z'), modes: ['TRAINING'], keywords: ['bùn thải'] })
	await demand({ org: company.id, code: '405', status: 'DRAFT', publishedAt: null, modes: [] })

	const match = (offerId: string, demandId: string, score: number, createdAt: Date) =>
		prisma.match.create({ data: { kind: 'OFFER_DEMAND', pairKey: `offer:${offerId}|demand:${demandId}`, offerId, demandId, score, components: [], explanation: {}, createdAt } })
	const m1 = await match(o1.id, d1.id, 0.8, at('2026-03-21T03:00:00Z'))
	// Above the threshold, but the offer has expired: the demand stays unmet.
	await match(o2.id, d2.id, 0.9, at('2026-05-03T03:00:00Z'))
	await prisma.match.create({ data: { kind: 'TASK_RESULT_DEMAND', pairKey: `x:${d1.id}`, demandId: d1.id, score: 0.95, components: [], explanation: {} } })

	// Deal 1: from the match, all the way on the platform.
	const deal1 = await prisma.deal.create({
		data: { code: 'GD-T-1', title: 'Deal 1', stage: 'TRANSFERRED', offerId: o1.id, demandId: d1.id, matchId: m1.id, buyerOrgId: factory.id, sellerOrgId: institute.id, createdById: uf.id, createdAt: at('2026-03-25T03:00:00Z') },
	})
	const event = (dealId: string, actorId: string | null, from: DealStage | null, to: DealStage | null, createdAt: Date, kind = 'stage') =>
		prisma.dealEvent.create({ data: { dealId, actorId, kind, fromStage: from, toStage: to, createdAt } })
	await event(deal1.id, uf.id, null, null, deal1.createdAt, 'created')
	await event(deal1.id, ui.id, 'INTEREST', 'NDA', at('2026-03-27T03:00:00Z'))
	await event(deal1.id, ui.id, 'NDA', 'NEGOTIATION', at('2026-04-01T03:00:00Z'))
	await event(deal1.id, uf.id, 'NEGOTIATION', 'AGREEMENT', at('2026-04-10T03:00:00Z'))
	await event(deal1.id, null, 'AGREEMENT', 'PAYMENT', at('2026-04-20T03:00:00Z'))
	await event(deal1.id, uf.id, 'PAYMENT', 'TRANSFERRED', at('2026-05-01T03:00:00Z'))
	await prisma.dealAgreement.create({
		data: { dealId: deal1.id, version: 1, transferMode: 'LICENSING', priceVnd: 800_000_000n, platformFeeBps: 200, milestones: [], supersededAt: at('2026-04-05T03:00:00Z') },
	})
	const agreement = await prisma.dealAgreement.create({
		data: { dealId: deal1.id, version: 2, transferMode: 'LICENSING', priceVnd: 900_000_000n, platformFeeBps: 200, milestones: [], buyerSignedAt: at('2026-04-09T03:00:00Z'), sellerSignedAt: at('2026-04-10T03:00:00Z') },
	})
	const milestone = await prisma.dealMilestone.create({ data: { dealId: deal1.id, agreementId: agreement.id, position: 1, title: 'Đợt 1', amount: 300_000_000n } })
	await prisma.payment.create({
		data: {
			dealId: deal1.id,
			milestoneId: milestone.id,
			provider: 'BANK_TRANSFER',
			status: 'REFUNDED',
			amount: 300_000_000n,
			refundedAmount: 50_000_000n,
			platformFee: 6_000_000n,
			brokerShare: 0n,
			sellerNet: 294_000_000n,
			reference: 'CNT0000001',
			paidAt: at('2026-04-20T03:00:00Z'),
		},
	})
	await prisma.payment.create({
		data: { dealId: deal1.id, milestoneId: milestone.id, provider: 'BANK_TRANSFER', status: 'PENDING', amount: 1n, platformFee: 0n, brokerShare: 0n, sellerNet: 1n, reference: 'CNT0000002' },
	})

	// Deal 2: the university never answers the company's interest; the company writes again in the room.
	const deal2 = await prisma.deal.create({ data: { code: 'GD-T-2', title: 'Deal 2', offerId: o2.id, buyerOrgId: company.id, sellerOrgId: university.id, createdById: uc.id, createdAt: at('2026-05-05T03:00:00Z') } })
	await event(deal2.id, uc.id, null, null, deal2.createdAt, 'created')
	const room2 = await prisma.chatRoom.create({ data: { kind: 'DEAL', dealId: deal2.id } })
	await prisma.chatMessage.create({ data: { roomId: room2.id, seq: 1, clientMsgId: crypto.randomUUID(), senderId: uc.id, body: 'Xin trả lời', createdAt: at('2026-05-06T03:00:00Z') } })

	// Deal 3: the institute offers for the company's demand; the company closes it off-platform (its first answer).
	const deal3 = await prisma.deal.create({
		data: { code: 'GD-T-3', title: 'Deal 3', stage: 'CLOSED', demandId: d2.id, buyerOrgId: company.id, sellerOrgId: institute.id, createdById: ui.id, createdAt: at('2026-05-10T03:00:00Z'), offPlatform: true, outcomeValue: 2_000_000_000n, outcomeDate: at('2026-06-01T03:00:00Z') },
	})
	await event(deal3.id, ui.id, null, null, deal3.createdAt, 'created')
	await event(deal3.id, uc.id, 'INTEREST', 'CLOSED', at('2026-06-01T03:00:00Z'))
	// A deal of last year: outside every figure of 2026.
	await prisma.deal.create({ data: { code: 'GD-T-4', title: 'Deal 4', buyerOrgId: factory.id, sellerOrgId: university.id, createdById: uf.id, createdAt: at('2025-06-01T03:00:00Z') } })

	// Direct conversations: the factory asks the institute about its offer (answered after 5 h);
	// the company writes to the university's member without a listing (never answered).
	const direct = async (asker: { id: string }, recipient: { id: string }, context: { type: string; id: string } | null, lines: Array<[string, Date]>) => {
		// As the chat model keeps them: the room's time and its last line's.
		const room = await prisma.chatRoom.create({
			data: { kind: 'DIRECT', directKey: [asker.id, recipient.id].sort().join('|'), contextType: context?.type, contextId: context?.id, createdAt: lines[0]![1], lastMessageAt: lines.at(-1)![1] },
		})
		await prisma.chatMember.createMany({ data: [asker, recipient].map((u) => ({ roomId: room.id, userId: u.id, source: 'DIRECT' as const })) })
		let seq = 0
		for (const [senderId, createdAt] of lines) await prisma.chatMessage.create({ data: { roomId: room.id, seq: ++seq, clientMsgId: crypto.randomUUID(), senderId, body: 'x', createdAt } })
	}
	await direct(uf, ui, { type: 'offer', id: o1.id }, [
		[uf.id, at('2026-03-12T01:00:00Z')],
		[uf.id, at('2026-03-12T02:00:00Z')],
		[ui.id, at('2026-03-12T06:00:00Z')],
	])
	await direct(uc, uu, null, [[uc.id, at('2026-07-01T01:00:00Z')]])

	// Task results: one an offer was built on, one never offered, one only a draft offer names.
	const result = (code: string, province: string | null, host: string | null) =>
		prisma.taskResult.create({ data: { taskCode: `T-${code}-${Math.random()}`, taskCodeKey: `t${Math.random()}`, title: `KQ ${code}`, level: 'NATIONAL', hostName: 'Viện', hostOrganisationId: host, provinceCode: province, fieldCodes: [code], fieldPaths: paths(code), source: 'IMPORT' } })
	const t1 = await result('20701', '01', null)
	await result('405', '79', null)
	const t3 = await result('207', null, university.id)
	await prisma.offerTaskResult.create({ data: { offerId: o1.id, taskResultId: t1.id } })
	await prisma.offerTaskResult.create({ data: { offerId: o3.id, taskResultId: t3.id } })
}

// ─── The figures, recomputed ──────────────────────────────────────────────────

async function recompute(filters: StatsFilters): Promise<Record<string, StatRow[]>> {
	const [y1, m1] = filters.from.split('-').map(Number) as [number, number]
	const [y2, m2] = filters.to.split('-').map(Number) as [number, number]
	const start = new Date(Date.UTC(y1, m1 - 1, 1) - 7 * 3600_000)
	const end = new Date(Date.UTC(y2, m2, 1) - 7 * 3600_000)
	const within = (d: Date | null | undefined) => Boolean(d && d >= start && d < end)
	const inField = (p: string[] | undefined | null) => !filters.field || Boolean(p?.includes(filters.field))

	const [offers, demands, fields, provinces, matches, deals, rooms, memberships, results] = await Promise.all([
		prisma.offer.findMany({ include: { organisation: true } }),
		prisma.demand.findMany({ include: { organisation: true } }),
		prisma.scienceField.findMany(),
		prisma.province.findMany(),
		prisma.match.findMany({ include: { offer: { include: { organisation: true } }, demand: { include: { organisation: true } } } }),
		prisma.deal.findMany({ include: { events: true, agreements: true, payments: true, offer: true, demand: true, buyerOrg: true, sellerOrg: true, chatRoom: { include: { messages: true } } } }),
		prisma.chatRoom.findMany({ where: { kind: 'DIRECT' }, include: { messages: true, members: true } }),
		prisma.membership.findMany({ include: { organisation: true } }),
		prisma.taskResult.findMany({ include: { offers: { include: { offer: true } }, hostOrganisation: true } }),
	])
	type L = (typeof offers)[number] | (typeof demands)[number]
	const scoped = <T extends L>(list: T[]) => list.filter((l) => l.publishedAt && within(l.publishedAt) && (!filters.province || (l.provinceCode ?? l.organisation.provinceCode) === filters.province) && inField(l.fieldPaths))
	const so = scoped(offers)
	const sd = scoped(demands)

	const period = (month: string) => {
		const [y, m] = month.split('-').map(Number) as [number, number]
		return filters.bucket === 'year' ? String(y) : filters.bucket === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : month
	}
	const periods: string[] = []
	for (let y = y1, m = m1; y * 12 + m <= y2 * 12 + m2; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
		const p = period(`${y}-${String(m).padStart(2, '0')}`)
		if (!periods.includes(p)) periods.push(p)
	}
	const overTime = periods.map((p) => ({ period: p, offers: so.filter((l) => period(vnMonth(l.publishedAt!)) === p).length, demands: sd.filter((l) => period(vnMonth(l.publishedAt!)) === p).length }))

	const children = fields.filter((f) => f.parentCode === filters.field)
	const breakdown = (!filters.field ? fields.filter((f) => f.level === 1) : children.length ? children : fields.filter((f) => f.code === filters.field)).sort((a, b) => a.code.localeCompare(b.code))
	const byField = breakdown.map((f) => ({ code: f.code, field: f.nameEn, offers: so.filter((l) => l.fieldPaths.includes(f.code)).length, demands: sd.filter((l) => l.fieldPaths.includes(f.code)).length }))

	const provinceOf = (l: L) => l.provinceCode ?? l.organisation.provinceCode
	const byProvince = provinces
		.map((p) => ({ code: p.code, province: p.nameEn, offers: so.filter((l) => provinceOf(l) === p.code).length, demands: sd.filter((l) => provinceOf(l) === p.code).length }))
		.sort((a, b) => b.offers + b.demands - a.offers - a.demands || a.code.localeCompare(b.code))

	const byTrl = [1, 2, 3, 4, 5, 6, 7, 8, 9, null].map((level) => ({
		trl: level === null ? 'Not given' : `TRL ${level}`,
		offers: so.filter((l) => l.trl === level).length,
		demands: sd.filter((l) => l.minTrl === level).length,
	}))
	const en = (await import('~/locales/en/index')).default
	const byIpStatus = IP_STATUSES.map((s) => ({ ipStatus: en.listings.ipStatus[s], offers: so.filter((l) => l.ipStatus === s).length }))
	const byTransferMode = TRANSFER_MODES.map((m) => ({ mode: en.listings.transferModes[m], offers: so.filter((l) => l.transferModes.includes(m)).length, demands: sd.filter((l) => l.transferModes.includes(m)).length }))

	// Funnel
	const orgIn = (...orgs: Array<{ provinceCode: string }>) => !filters.province || orgs.some((o) => o.provinceCode === filters.province)
	const scopedMatches = matches.filter(
		(m) => m.kind === 'OFFER_DEMAND' && m.score >= MATCH_THRESHOLD && within(m.createdAt) && m.offer && m.demand && orgIn(m.offer.organisation, m.demand.organisation) && (inField(m.offer.fieldPaths) || inField(m.demand.fieldPaths)),
	)
	const dealInScope = (d: (typeof deals)[number]) => orgIn(d.buyerOrg, d.sellerOrg) && (!filters.field || inField(d.offer?.fieldPaths) || inField(d.demand?.fieldPaths))
	const scopedDeals = deals.filter((d) => within(d.createdAt) && dealInScope(d))
	const ORDER: DealStage[] = ['INTEREST', 'NDA', 'NEGOTIATION', 'AGREEMENT', 'PAYMENT', 'TRANSFERRED', 'CLOSED']
	const reached = (d: (typeof deals)[number], stage: DealStage) => {
		const times = d.events.filter((e) => e.toStage && e.toStage !== 'CANCELLED' && ORDER.indexOf(e.toStage) >= ORDER.indexOf(stage)).map((e) => e.createdAt.getTime())
		return times.length ? Math.min(...times) : null
	}
	const matchOf = (d: (typeof deals)[number]) => matches.find((m) => m.id === d.matchId)
	const steps = scopedDeals.map((d) => ({ interest: d.createdAt.getTime(), matched: matchOf(d)?.createdAt.getTime() ?? null, nda: reached(d, 'NDA'), agreement: reached(d, 'AGREEMENT'), paid: reached(d, 'PAYMENT'), transferred: reached(d, 'TRANSFERRED') }))
	type Step = (typeof steps)[number]
	const count = (k: keyof Step) => steps.filter((s) => s[k] !== null).length
	const days = (a: keyof Step, b: keyof Step) => {
		const m = median(steps.filter((s) => s[a] !== null && s[b] !== null).map((s) => ((s[a] as number) - (s[b] as number)) / 1000))
		return m === null ? null : m / 86_400
	}
	const ratio = (a: number, b: number) => (b > 0 ? a / b : null)
	const funnel = [
		{ step: 'Match suggested', count: scopedMatches.length, conversion: null, medianDays: null },
		{ step: 'Interest expressed', count: steps.length, conversion: ratio(count('matched'), scopedMatches.length), medianDays: days('interest', 'matched') },
		{ step: 'Non-disclosure agreement (NDA)', count: count('nda'), conversion: ratio(count('nda'), steps.length), medianDays: days('nda', 'interest') },
		{ step: 'Agreement signed', count: count('agreement'), conversion: ratio(count('agreement'), count('nda')), medianDays: days('agreement', 'nda') },
		{ step: 'Paid', count: count('paid'), conversion: ratio(count('paid'), count('agreement')), medianDays: days('paid', 'agreement') },
		{ step: 'Transferred', count: count('transferred'), conversion: ratio(count('transferred'), count('paid')), medianDays: days('transferred', 'paid') },
	]

	// Deal values
	const valueRow = (kind: string, values: number[]) => ({ kind, deals: values.length, total: values.reduce((a, b) => a + b, 0), median: median(values) })
	const inScopeAll = deals.filter(dealInScope)
	const signed = inScopeAll
		.filter((d) => !d.offPlatform)
		.flatMap((d) => {
			const a = d.agreements.filter((x) => x.buyerSignedAt && x.sellerSignedAt && within(new Date(Math.max(x.buyerSignedAt.getTime(), x.sellerSignedAt.getTime())))).sort((x, y) => y.version - x.version)[0]
			return a ? [Number(a.priceVnd)] : []
		})
	const paid = inScopeAll.flatMap((d) => {
		const ps = d.payments.filter((p) => p.paidAt && (p.status === 'PAID' || p.status === 'REFUNDED') && within(p.paidAt))
		return ps.length ? [ps.reduce((s, p) => s + Number(p.amount - p.refundedAmount), 0)] : []
	})
	const off = inScopeAll.filter((d) => d.offPlatform && d.outcomeValue !== null && within(d.outcomeDate)).map((d) => Number(d.outcomeValue))
	const dealValues = [valueRow('Signed on the platform', signed), valueRow('Paid through the platform', paid), valueRow('Recorded off-platform (self-reported)', off)]

	// Response signals
	const isMember = (userId: string | null, orgId: string) => memberships.some((m) => m.userId === userId && m.organisationId === orgId)
	const orgById = new Map(memberships.map((m) => [m.organisationId, m.organisation]))
	type Enquiry = { channel: 'interest' | 'message'; recipient: string; asked: number; answered: number | null }
	const enquiries: Enquiry[] = []
	for (const d of deals.filter((d) => within(d.createdAt) && (!filters.field || inField(d.offer?.fieldPaths) || inField(d.demand?.fieldPaths)))) {
		const recipient = isMember(d.createdById, d.buyerOrgId) ? d.sellerOrgId : isMember(d.createdById, d.sellerOrgId) ? d.buyerOrgId : null
		if (!recipient) continue
		const answers = [
			...d.events.filter((e) => e.kind !== 'created' && isMember(e.actorId, recipient)).map((e) => e.createdAt.getTime()),
			...(d.chatRoom?.messages ?? []).filter((m) => m.kind === 'TEXT' && isMember(m.senderId, recipient)).map((m) => m.createdAt.getTime()),
		]
		enquiries.push({ channel: 'interest', recipient, asked: d.createdAt.getTime(), answered: answers.length ? Math.min(...answers) : null })
	}
	for (const room of rooms) {
		const lines = room.messages.filter((m) => m.kind === 'TEXT').sort((a, b) => a.seq - b.seq)
		const first = lines[0]
		if (!first || !within(first.createdAt)) continue
		const context = room.contextType === 'offer' ? offers.find((o) => o.id === room.contextId) : room.contextType === 'demand' ? demands.find((x) => x.id === room.contextId) : undefined
		if (filters.field && !inField(context?.fieldPaths)) continue
		for (const other of room.members.filter((m) => m.userId !== first.senderId && m.source === 'DIRECT')) {
			const firstOrg = memberships.filter((m) => m.userId === other.userId && m.status === 'ACTIVE').sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]?.organisationId
			const recipient = context?.organisationId ?? firstOrg
			if (!recipient) continue
			const reply = lines.find((m) => m.senderId === other.userId && m.seq > first.seq)
			enquiries.push({ channel: 'message', recipient, asked: first.createdAt.getTime(), answered: reply?.createdAt.getTime() ?? null })
		}
	}
	const responseSignals = (['ENTERPRISE', 'RESEARCH_INSTITUTE', 'UNIVERSITY', 'BROKER_FIRM', 'AGENCY'] as const).map((type) => {
		const of = (channel: Enquiry['channel']) => enquiries.filter((e) => e.channel === channel && orgById.get(e.recipient)?.type === type && (!filters.province || orgById.get(e.recipient)?.provinceCode === filters.province))
		const hours = (list: Enquiry[]) => {
			const m = median(list.filter((e) => e.answered !== null).map((e) => (e.answered! - e.asked) / 1000))
			return m === null ? null : m / 3600
		}
		const [i, m] = [of('interest'), of('message')]
		return {
			type: en.organisationTypes[type],
			enquiries: i.length,
			enquiriesAnswered: ratio(i.filter((e) => e.answered !== null).length, i.length),
			enquiryHours: hours(i),
			messages: m.length,
			messagesAnswered: ratio(m.filter((e) => e.answered !== null).length, m.length),
			messageHours: hours(m),
		}
	})

	// Gaps
	const unmet = (d: (typeof demands)[number]) =>
		(d.status === 'PUBLISHED' || d.status === 'EXPIRED') && !matches.some((m) => m.demandId === d.id && m.kind === 'OFFER_DEMAND' && m.score >= MATCH_THRESHOLD && m.offer?.status === 'PUBLISHED')
	const open = sd.filter((d) => d.status === 'PUBLISHED' || d.status === 'EXPIRED')
	const unmetByField = breakdown.map((f) => {
		const all = open.filter((d) => d.fieldPaths.includes(f.code))
		const gap = all.filter(unmet)
		return { code: f.code, field: f.nameEn, demands: all.length, unmet: gap.length, unmetShare: ratio(gap.length, all.length) }
	})
	const topicCounts = new Map<string, number>()
	for (const d of sd.filter(unmet)) for (const k of new Set(d.keywords.map((k) => k.toLowerCase()).filter((k) => k.trim()))) topicCounts.set(k, (topicCounts.get(k) ?? 0) + 1)
	const unmetTopics = [...topicCounts]
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
		.slice(0, 20)
		.map(([keyword, n]) => ({ keyword, demands: n }))
	const scopedResults = results.filter((r) => (!filters.province || (r.provinceCode ?? r.hostOrganisation?.provinceCode) === filters.province) && inField(r.fieldPaths))
	const unofferedTaskResults = breakdown.map((f) => {
		const all = scopedResults.filter((r) => r.fieldPaths.includes(f.code))
		const never = all.filter((r) => !r.offers.some((x) => x.offer.publishedAt !== null))
		return { code: f.code, field: f.nameEn, taskResults: all.length, unoffered: never.length, unofferedShare: ratio(never.length, all.length) }
	})

	return {
		overTime,
		byField,
		...(filters.province ? {} : { byProvince }),
		byTrl,
		byIpStatus,
		byTransferMode,
		funnel,
		dealValues,
		responseSignals,
		unmetByField,
		unmetTopics,
		unofferedTaskResults,
	}
}
