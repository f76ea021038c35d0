/**
 * Demo seed: the organisations and people of prisma/seed/demo-data.ts, then a floor of offers and
 * demands from prisma/seed/demo-listings.ts, then registered task results and experts from
 * prisma/seed/demo-research.ts. Idempotent: what exists (matched by slug and e-mail) is left alone,
 * listings are only added to a database that has no offer yet and research only to one without task
 * results and experts, so running it twice changes nothing.
 */
import { randomBytes } from 'node:crypto'
import { createPrismaClient, type Prisma, type PrismaClient } from '../../app/utils/db.server.ts'
import { hashPassword } from '../../app/utils/password.server.ts'
import { resolveProvince } from '../../app/utils/provinces.ts'
import { DEMO_PASSWORD, demoLogins, demoOrganisations, demoUsers } from './demo-data.ts'
import { demoListingOrganisations, demoReviewers, generateListings, type GeneratedDemand, type GeneratedOffer } from './demo-listings.ts'
import { seedDemoResearch } from './demo-research.ts'

export type SeedResult = {
	created: { organisations: number; users: number; offers: number; demands: number; taskResults: number; experts: number; offerLinks: number }
	logins: typeof demoLogins
	password: string
}

/** The demo floor: enough to browse, filter and paginate; a handful of items in the operators' review queue. */
export const DEMO_LISTINGS = { offers: 300, demands: 200, seed: 'cau-noi-demo' } as const

// Taken inside the seed transaction, so two seeds started together cannot both find no offers.
const LISTINGS_LOCK_KEY = 72707370

export async function seedDemo(databaseUrl: string): Promise<SeedResult> {
	const prisma = createPrismaClient(databaseUrl, { max: 2 })
	try {
		const passwordHash = await hashPassword(DEMO_PASSWORD)
		const created = { organisations: 0, users: 0, offers: 0, demands: 0, taskResults: 0, experts: 0, offerLinks: 0 }
		await prisma.$transaction(
			async (tx) => {
				const orgIds = new Map<string, string>()
				for (const org of demoOrganisations) {
					const province = resolveProvince(org.province)
					if (!province) throw new Error(`demo organisation ${org.key}: unknown province ${org.province}`)
					const existing = await tx.organisation.findUnique({ where: { slug: org.key }, select: { id: true } })
					if (existing) {
						orgIds.set(org.key, existing.id)
						continue
					}
					const row = await tx.organisation.create({
						data: {
							slug: org.key,
							name: org.name,
							shortName: org.shortName ?? null,
							type: org.type,
							taxCode: org.taxCode ?? null,
							provinceCode: province.code,
							address: org.address,
							website: org.website ?? null,
							email: org.email ?? null,
							phone: org.phone ?? null,
							description: org.description,
							verifiedAt: org.verified ? new Date() : null,
						},
						select: { id: true },
					})
					orgIds.set(org.key, row.id)
					created.organisations++
				}
				for (const user of demoUsers) {
					const existing = await tx.user.findUnique({ where: { email: user.email }, select: { id: true } })
					if (existing) continue
					const row = await tx.user.create({
						data: {
							email: user.email,
							name: user.title ? `${user.title} ${user.name}` : user.name,
							passwordHash,
							locale: user.locale,
							roles: Array.from(new Set(['MEMBER', ...user.roles])) as Array<'MEMBER' | 'BROKER' | 'OPERATOR' | 'ADMIN'>,
						},
						select: { id: true },
					})
					created.users++
					for (const membership of user.memberships) {
						const organisationId = orgIds.get(membership.organisation)
						if (!organisationId) throw new Error(`demo user ${user.key}: unknown organisation ${membership.organisation}`)
						await tx.membership.create({
							data: { userId: row.id, organisationId, role: membership.role, status: membership.status ?? 'ACTIVE' },
						})
					}
				}
				const listings = await seedDemoListings(tx, orgIds)
				created.offers = listings.offers
				created.demands = listings.demands
				const research = await seedDemoResearch(tx)
				created.taskResults = research.taskResults
				created.experts = research.experts
				created.offerLinks = research.offerLinks
				await tx.auditLog.create({
					data: { action: 'seed.demo', entityType: 'Seed', data: created },
				})
			},
			{ timeout: 60_000 },
		)
		return { created, logins: demoLogins, password: DEMO_PASSWORD }
	} finally {
		await prisma.$disconnect()
	}
}

type ListingWriter = Pick<PrismaClient, 'offer' | 'demand' | 'listingEvent'>

/** The demo offers and demands, when the database has no offer yet; returns how many were added. */
async function seedDemoListings(tx: Prisma.TransactionClient, orgIds: Map<string, string>, now = new Date()) {
	await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LISTINGS_LOCK_KEY})`
	if (await tx.offer.findFirst({ select: { id: true } })) return { offers: 0, demands: 0, events: 0 }
	const { offers, demands } = generateListings({
		count: { offers: DEMO_LISTINGS.offers, demands: DEMO_LISTINGS.demands },
		seed: DEMO_LISTINGS.seed,
		organisations: demoListingOrganisations(),
		reviewers: demoReviewers(),
		now,
	})
	const users = await tx.user.findMany({ where: { email: { in: demoUsers.map((u) => u.email) } }, select: { id: true, email: true } })
	return insertListings(tx, { offers, demands }, { organisations: orgIds, users: new Map(users.map((u) => [u.email, u.id])) })
}

/** A fresh id in the shape of Prisma's cuid() default (c + 24 base-36 characters), made here so events can name rows created in bulk. */
export function newId() {
	const digits = BigInt(`0x${randomBytes(16).toString('hex')}`).toString(36).padStart(25, '0').slice(-24)
	return `c${digits}`
}

export type ListingIds = {
	/** Organisation id by slug. */
	organisations: ReadonlyMap<string, string>
	/** User id by e-mail. */
	users: ReadonlyMap<string, string>
}

/**
 * Inserts generated listings with createMany in chunks, plus a `published` ListingEvent for each
 * published one (oldest first, so event ids follow publication), as publishing through the
 * lifecycle would have written. Used by the demo seed and by the benchmarks.
 */
export async function insertListings(
	db: ListingWriter,
	listings: { offers: readonly GeneratedOffer[]; demands: readonly GeneratedDemand[] },
	ids: ListingIds,
	options: { chunkSize?: number; concurrency?: number } = {},
) {
	const chunkSize = options.chunkSize ?? 500
	// Inside an interactive transaction statements run one at a time; a pool can take a few at once.
	const concurrency = Math.max(1, options.concurrency ?? 1)
	const inChunks = async <T>(rows: readonly T[], size: number, write: (chunk: T[]) => Promise<unknown>) => {
		const chunks: T[][] = []
		for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size))
		let next = 0
		const worker = async () => {
			while (next < chunks.length) await write(chunks[next++] as T[])
		}
		await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker))
	}
	const organisationId = (key: string) => {
		const id = ids.organisations.get(key)
		if (!id) throw new Error(`listing owner ${key} is not in the database`)
		return id
	}
	const userId = (email: string | null) => {
		if (email === null) return null
		const id = ids.users.get(email)
		if (!id) throw new Error(`listing user ${email} is not in the database`)
		return id
	}
	const common = (l: GeneratedOffer | GeneratedDemand) => ({
		id: newId(),
		organisationId: organisationId(l.organisation),
		createdById: userId(l.createdBy),
		contactUserId: userId(l.contactUser),
		reviewedById: userId(l.reviewedBy),
		status: l.status,
		title: l.title,
		fieldCodes: l.fieldCodes,
		fieldPaths: l.fieldPaths,
		keywords: l.keywords,
		transferModes: l.transferModes,
		provinceCode: l.provinceCode,
		...(l.pendingChanges ? { pendingChanges: l.pendingChanges as Prisma.InputJsonObject } : {}),
		pendingSince: l.pendingSince,
		returnReason: l.returnReason,
		submittedAt: l.submittedAt,
		publishedAt: l.publishedAt,
		expiresAt: l.expiresAt,
		expiryNotifiedAt: l.expiryNotifiedAt,
		archivedAt: l.archivedAt,
		viewCount: l.viewCount,
		version: l.version,
		createdAt: l.createdAt,
		updatedAt: l.updatedAt,
	})
	const offerRows: Prisma.OfferCreateManyInput[] = listings.offers.map((o) => ({
		...common(o),
		summary: o.summary,
		description: o.description,
		confidential: o.confidential,
		trl: o.trl,
		ipStatus: o.ipStatus,
		ipNumbers: o.ipNumbers,
		priceMin: o.priceMin,
		priceMax: o.priceMax,
		priceNegotiable: o.priceNegotiable,
	}))
	const demandRows: Prisma.DemandCreateManyInput[] = listings.demands.map((d) => ({
		...common(d),
		problem: d.problem,
		desiredOutcome: d.desiredOutcome,
		minTrl: d.minTrl,
		budgetMin: d.budgetMin,
		budgetMax: d.budgetMax,
		budgetUndisclosed: d.budgetUndisclosed,
		deadline: d.deadline,
	}))
	await inChunks(offerRows, chunkSize, (data) => db.offer.createMany({ data }))
	await inChunks(demandRows, chunkSize, (data) => db.demand.createMany({ data }))
	const events: Prisma.ListingEventCreateManyInput[] = [
		...offerRows.map((r) => ({ entityType: 'Offer', row: r })),
		...demandRows.map((r) => ({ entityType: 'Demand', row: r })),
	]
		.filter(({ row }) => row.status === 'PUBLISHED' && row.publishedAt)
		.sort((a, b) => new Date(a.row.publishedAt as Date).getTime() - new Date(b.row.publishedAt as Date).getTime())
		.map(({ entityType, row }) => ({ entityType, entityId: row.id as string, event: 'published', createdAt: row.publishedAt as Date }))
	await inChunks(events, chunkSize * 4, (data) => db.listingEvent.createMany({ data }))
	return { offers: offerRows.length, demands: demandRows.length, events: events.length }
}
