import { addDays, addMonths } from 'date-fns'
import { describe, expect, test } from 'vitest'
import { fieldPaths, pendingColumns } from '~/models/listing.server'
import {
	DemandDraftSchema,
	IP_STATUSES,
	LIMITS,
	OfferDraftSchema,
	ReturnReasonSchema,
	TRANSFER_MODES,
	demandSubmitIssues,
	offerSubmitIssues,
	type ListingStatusValue,
} from '~/models/listing-schema'
import { provinces } from '../reference/provinces'
import { scienceFields } from '../reference/science-fields'
import { demoOrganisations, demoUsers } from './demo-data'
import {
	DOMAIN_KEYS,
	Random,
	demoListingOrganisations,
	demoReviewers,
	generateListings,
	syntheticOrganisations,
	type GeneratedDemand,
	type GeneratedOffer,
} from './demo-listings'

const NOW = new Date('2026-11-20T03:00:00Z')
const demo = () => generateListings({ count: { offers: 300, demands: 200 }, seed: 'cau-noi-demo', organisations: demoListingOrganisations(), reviewers: demoReviewers(), now: NOW })
const { offers, demands } = demo()
const all = [...offers, ...demands]

const fieldCodes = new Set(scienceFields.map((f) => f.code))
const provinceCodes = new Set(provinces.map((p) => p.code))
const orgType = new Map(demoOrganisations.map((o) => [o.key, o.type]))
const activeMembers = new Set(demoUsers.flatMap((u) => u.memberships.filter((m) => (m.status ?? 'ACTIVE') === 'ACTIVE').map((m) => `${m.organisation} ${u.email}`)))
const operators = new Set(demoUsers.filter((u) => u.roles.includes('OPERATOR')).map((u) => u.email))

const money = (v: bigint | null) => (v === null ? undefined : v.toString())
const vietnamDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)

/** What the form or the API would send for this offer, with pending edits merged when asked. */
function offerInput(o: GeneratedOffer, withPending = false) {
	const merged = withPending && o.pendingChanges ? { ...o, ...pendingColumns({ pendingChanges: o.pendingChanges as never }) } : o
	return {
		title: merged.title,
		summary: merged.summary,
		description: merged.description,
		confidential: merged.confidential,
		fieldCodes: merged.fieldCodes,
		keywords: merged.keywords,
		trl: merged.trl ?? undefined,
		ipStatus: merged.ipStatus,
		ipNumbers: merged.ipNumbers,
		transferModes: merged.transferModes,
		priceMin: money(merged.priceMin as bigint | null),
		priceMax: money(merged.priceMax as bigint | null),
		priceNegotiable: merged.priceNegotiable,
		provinceCode: merged.provinceCode ?? undefined,
	}
}

function demandInput(d: GeneratedDemand) {
	return {
		title: d.title,
		problem: d.problem,
		desiredOutcome: d.desiredOutcome,
		fieldCodes: d.fieldCodes,
		keywords: d.keywords,
		minTrl: d.minTrl ?? undefined,
		budgetMin: money(d.budgetMin),
		budgetMax: money(d.budgetMax),
		budgetUndisclosed: d.budgetUndisclosed,
		deadline: d.deadline ? vietnamDay(d.deadline) : undefined,
		transferModes: d.transferModes,
		provinceCode: d.provinceCode ?? undefined,
	}
}

function checkOffer(o: GeneratedOffer) {
	const parsed = OfferDraftSchema.safeParse(offerInput(o))
	expect(parsed.success, `${o.title}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true)
	const v = parsed.data as NonNullable<typeof parsed.data>
	// Already in the form the schema stores: nothing is trimmed, folded or dropped on the way in.
	expect(v.title).toBe(o.title)
	expect(v.summary ?? '').toBe(o.summary)
	expect(v.description ?? '').toBe(o.description)
	expect(v.confidential ?? '').toBe(o.confidential)
	expect(v.keywords).toEqual(o.keywords)
	expect(v.ipNumbers ?? '').toBe(o.ipNumbers)
	expect(v.priceMin).toBe(o.priceMin === null ? undefined : Number(o.priceMin))
	expect(v.priceMax).toBe(o.priceMax === null ? undefined : Number(o.priceMax))
	if (o.status !== 'DRAFT') expect(offerSubmitIssues(v), o.title).toEqual([])
}

function checkDemand(d: GeneratedDemand, now: Date) {
	const parsed = DemandDraftSchema.safeParse(demandInput(d))
	expect(parsed.success, `${d.title}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true)
	const v = parsed.data as NonNullable<typeof parsed.data>
	expect(v.title).toBe(d.title)
	expect(v.problem ?? '').toBe(d.problem)
	expect(v.desiredOutcome ?? '').toBe(d.desiredOutcome)
	expect(v.keywords).toEqual(d.keywords)
	expect(v.deadline?.getTime()).toBe(d.deadline?.getTime())
	if (d.status === 'DRAFT') return
	// The deadline was checked when the demand was submitted; what is on the floor is still open.
	expect(demandSubmitIssues(v, d.submittedAt ?? now), d.title).toEqual([])
	if (d.status === 'PUBLISHED') expect(demandSubmitIssues(v, now), d.title).toEqual([])
}

function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value]
	if (Array.isArray(value)) return value.flatMap(strings)
	if (value && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).flatMap(strings)
	return []
}

const count = <T>(items: readonly T[], key: (item: T) => string) => items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {})

describe('Random', () => {
	test('the same seed gives the same sequence, another seed another one', () => {
		const a = new Random('x')
		const b = new Random('x')
		const c = new Random('y')
		const seqA = Array.from({ length: 20 }, () => a.next())
		expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA)
		expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA)
	})

	test('int stays within its bounds and reaches both', () => {
		const r = new Random(42)
		const seen = new Set(Array.from({ length: 2000 }, () => r.int(3, 9)))
		expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9])
	})
})

describe('generateListings', () => {
	test('is deterministic: same seed and time, same listings', () => {
		expect(demo()).toEqual({ offers, demands })
		const other = generateListings({ count: { offers: 300, demands: 200 }, seed: 'another', organisations: demoListingOrganisations(), now: NOW })
		expect(other.offers.map((o) => o.title)).not.toEqual(offers.map((o) => o.title))
	})

	test('makes the counts asked for', () => {
		expect(offers).toHaveLength(300)
		expect(demands).toHaveLength(200)
	})

	test('every offer passes the draft schema unchanged, and the submit checks unless it is a draft', () => {
		for (const o of offers) checkOffer(o)
	})

	test('every demand passes the draft schema unchanged, and the submit checks unless it is a draft', () => {
		for (const d of demands) checkDemand(d, NOW)
	})

	test('pending edits are material changes in the stored JSON format, and the edited offer still passes', () => {
		const pending = offers.filter((o) => o.pendingChanges)
		expect(pending.length).toBeGreaterThanOrEqual(2)
		for (const o of pending) {
			expect(o.status).toBe('PUBLISHED')
			expect(o.pendingSince).toBeInstanceOf(Date)
			const changes = pendingColumns({ pendingChanges: o.pendingChanges as never })
			expect(Object.keys(changes).every((k) => ['title', 'summary', 'ipStatus', 'ipNumbers', 'priceMin', 'priceMax', 'priceNegotiable'].includes(k))).toBe(true)
			expect(Object.entries(changes).some(([k, v]) => (o as Record<string, unknown>)[k] !== v)).toBe(true)
			for (const v of Object.values(o.pendingChanges ?? {})) if (v && typeof v === 'object') expect(v).toEqual({ $bigint: expect.stringMatching(/^\d+$/) })
			const parsed = OfferDraftSchema.safeParse(offerInput(o, true))
			expect(parsed.success).toBe(true)
			expect(offerSubmitIssues(parsed.data as NonNullable<typeof parsed.data>)).toEqual([])
		}
	})

	test('field codes exist in the reference, at level 2 or 3, and fieldPaths are their ancestors', () => {
		for (const l of all) {
			for (const code of l.fieldCodes) {
				expect(fieldCodes.has(code), code).toBe(true)
				expect([3, 5]).toContain(code.length)
			}
			expect(l.fieldPaths).toEqual(fieldPaths(l.fieldCodes))
		}
	})

	test('every string is NFC', () => {
		for (const l of all) for (const s of strings(l)) expect(s === s.normalize('NFC'), s).toBe(true)
	})

	test('covers the floor: at least 12 provinces, 8 level-2 groups, several level-1 groups and every domain', () => {
		const published = all.filter((l) => l.status === 'PUBLISHED')
		const used = new Set(published.map((l) => l.provinceCode))
		expect(used.size).toBeGreaterThanOrEqual(12)
		for (const code of used) expect(provinceCodes.has(code as string)).toBe(true)
		const level2 = new Set(published.flatMap((l) => l.fieldCodes.map((c) => c.slice(0, 3))))
		expect(level2.size).toBeGreaterThanOrEqual(8)
		const level1 = new Set(published.flatMap((l) => l.fieldCodes.map((c) => c.slice(0, 1))))
		expect(level1.size).toBeGreaterThanOrEqual(3)
		expect(new Set(offers.map((o) => o.domain))).toEqual(new Set(DOMAIN_KEYS))
	})

	test('mixes statuses: mostly published, about ten waiting for review, some of every other state', () => {
		for (const list of [offers, demands] as const) {
			const byStatus = count<GeneratedOffer | GeneratedDemand>(list, (l) => l.status)
			expect(byStatus.PUBLISHED as number).toBeGreaterThan(list.length * 0.75)
			for (const status of ['DRAFT', 'SUBMITTED', 'RETURNED', 'ARCHIVED', 'EXPIRED'] satisfies ListingStatusValue[]) expect(byStatus[status], status).toBeGreaterThan(0)
		}
		const queue = all.filter((l) => l.status === 'SUBMITTED' || (l.status === 'PUBLISHED' && l.pendingSince)).length
		expect(queue).toBeGreaterThanOrEqual(8)
		expect(queue).toBeLessThanOrEqual(14)
	})

	test('dates follow the lifecycle', () => {
		for (const l of all) {
			expect(l.createdAt <= l.updatedAt).toBe(true)
			expect(l.updatedAt <= NOW).toBe(true)
			if (l.submittedAt) expect(l.createdAt <= l.submittedAt).toBe(true)
			if (l.publishedAt) {
				expect(l.submittedAt && l.submittedAt < l.publishedAt).toBe(true)
				expect(l.expiresAt?.getTime()).toBe(addMonths(l.publishedAt, 12).getTime())
			}
			switch (l.status) {
				case 'PUBLISHED':
					expect(l.publishedAt && l.publishedAt >= addMonths(NOW, -11)).toBe(true)
					// Nothing is due for the expiry reminder the day the floor is seeded.
					expect(l.expiresAt && l.expiresAt > addDays(NOW, 30)).toBe(true)
					break
				case 'EXPIRED':
					expect(l.expiresAt && l.expiresAt < NOW).toBe(true)
					expect(l.expiryNotifiedAt).toBeInstanceOf(Date)
					break
				case 'ARCHIVED':
					expect(l.archivedAt && l.publishedAt && l.archivedAt >= l.publishedAt && l.archivedAt <= NOW).toBe(true)
					break
				case 'RETURNED':
					expect(ReturnReasonSchema.safeParse(l.returnReason).success).toBe(true)
					expect(l.publishedAt).toBeNull()
					break
				default:
					expect(l.publishedAt).toBeNull()
			}
			if (l.status !== 'RETURNED') expect(l.returnReason).toBeNull()
		}
	})

	test('owners: offers by institutes, universities and some enterprises, demands by enterprises, posted by their active members', () => {
		const offerOwners = count(offers, (o) => orgType.get(o.organisation) ?? 'unknown')
		expect(Object.keys(offerOwners).sort()).toEqual(['ENTERPRISE', 'RESEARCH_INSTITUTE', 'UNIVERSITY'])
		expect(offerOwners.ENTERPRISE as number).toBeLessThan(offers.length * 0.3)
		expect(new Set(demands.map((d) => orgType.get(d.organisation)))).toEqual(new Set(['ENTERPRISE']))
		for (const l of all) {
			expect(activeMembers.has(`${l.organisation} ${l.createdBy}`), l.createdBy).toBe(true)
			expect(activeMembers.has(`${l.organisation} ${l.contactUser}`), l.contactUser).toBe(true)
			if (l.reviewedBy) expect(operators.has(l.reviewedBy)).toBe(true)
		}
	})

	test("listings are often, not always, in their owner's province", () => {
		const home = new Map(demoListingOrganisations().map((o) => [o.key, o.provinceCode]))
		const share = all.filter((l) => l.provinceCode === home.get(l.organisation)).length / all.length
		expect(share).toBeGreaterThan(0.5)
		expect(share).toBeLessThan(0.9)
	})

	test('texts, keywords, IP and money look like real listings', () => {
		for (const o of offers) {
			expect(o.title.length).toBeGreaterThanOrEqual(LIMITS.title.min)
			expect(o.title.length).toBeLessThanOrEqual(LIMITS.title.max)
			if (o.status === 'DRAFT') continue
			expect(o.summary.length).toBeGreaterThanOrEqual(LIMITS.summary.min)
			expect(o.summary.length).toBeLessThanOrEqual(LIMITS.summary.max)
			expect(o.description).toMatch(/\n- .+\n- /)
			expect(o.description).toMatch(/\n1\. /)
			expect(o.trl).toBeGreaterThanOrEqual(3)
			expect(o.trl).toBeLessThanOrEqual(9)
			expect(IP_STATUSES).toContain(o.ipStatus)
			const ipFormat: Record<string, RegExp> = {
				PATENT_GRANTED: /^1-00\d{5}(, 1-00\d{5})?$/,
				PATENT_PENDING: /^1-20\d{2}-\d{5}$/,
				UTILITY_SOLUTION: /^2-000\d{4}$/,
				INDUSTRIAL_DESIGN: /^3-00\d{5}$/,
				PLANT_VARIETY: /^\d+\.VN\.20\d{2}$/,
				KNOW_HOW: /^$/,
				NONE: /^$/,
			}
			expect(o.ipNumbers).toMatch(ipFormat[o.ipStatus] as RegExp)
			for (const m of o.transferModes) expect(TRANSFER_MODES).toContain(m)
			for (const p of [o.priceMin, o.priceMax]) if (p !== null) expect(p >= 150_000_000n && p <= 15_000_000_000n).toBe(true)
		}
		for (const d of demands) {
			if (d.status === 'DRAFT') continue
			expect(d.problem).toMatch(/\n- .+\n- /)
			expect(d.desiredOutcome).toMatch(/\n- /)
			for (const b of [d.budgetMin, d.budgetMax]) if (b !== null) expect(b >= 150_000_000n && b <= 15_000_000_000n).toBe(true)
		}
		for (const l of all) {
			expect(l.keywords.length).toBeGreaterThan(0)
			expect(l.keywords.length).toBeLessThanOrEqual(LIMITS.keywords.max)
		}
		const keywords = new Set(all.flatMap((l) => l.keywords))
		for (const english of ['IoT', 'RAS']) expect(keywords.has(english), english).toBe(true)
		expect(offers.some((o) => o.confidential !== '')).toBe(true)
		expect(offers.some((o) => o.confidential === '')).toBe(true)
		expect(offers.some((o) => o.priceNegotiable && o.priceMin === null)).toBe(true)
		expect(offers.some((o) => o.priceMin !== null && o.priceMax !== null)).toBe(true)
		expect(demands.some((d) => d.budgetUndisclosed && d.budgetMin === null && d.budgetMax === null)).toBe(true)
		expect(new Set(offers.map((o) => o.ipStatus)).size).toBeGreaterThanOrEqual(6)
		// Titles repeat rarely on a floor this size.
		expect(new Set(offers.map((o) => o.title)).size).toBeGreaterThan(offers.length * 0.85)
	})
})

describe('syntheticOrganisations', () => {
	const orgs = syntheticOrganisations({ count: 60, seed: 'bench' })

	test('are deterministic, distinct and have members on the .example domain', () => {
		expect(syntheticOrganisations({ count: 60, seed: 'bench' })).toEqual(orgs)
		expect(new Set(orgs.map((o) => o.key)).size).toBe(60)
		for (const o of orgs) {
			expect(provinceCodes.has(o.provinceCode)).toBe(true)
			expect(o.members.length).toBeGreaterThan(0)
			expect(o.members).toEqual(o.users.map((u) => u.email))
			for (const email of o.members) expect(email).toMatch(/@[a-z0-9-]+\.example$/)
		}
		expect(new Set(orgs.map((o) => o.type))).toEqual(new Set(['RESEARCH_INSTITUTE', 'UNIVERSITY', 'ENTERPRISE']))
	})

	test('own valid listings at benchmark scale', () => {
		const now = NOW
		const bench = generateListings({ count: { offers: 2000, demands: 2000 }, seed: 'bench', organisations: orgs, now })
		for (const o of bench.offers) checkOffer(o)
		for (const d of bench.demands) checkDemand(d, now)
		const members = new Map(orgs.map((o) => [o.key, new Set(o.members)]))
		for (const l of [...bench.offers, ...bench.demands]) expect(members.get(l.organisation)?.has(l.createdBy)).toBe(true)
	})
})
