/**
 * Playwright fixtures: rows and signed-in browsers made directly in the database the e2e server
 * uses (playwright.config.ts), so tests only drive the UI for what they are about.
 *
 *   test('…', async ({ page, factory }) => {
 *     const { user, organisation } = await factory.owner()
 *     await factory.signIn(page.context(), user)
 *   })
 *
 * Everything a factory creates (and every e-mail handed to `factory.track`) is deleted after the test.
 */
import './env.ts'
import { randomBytes } from 'node:crypto'
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from '@playwright/test'
import type { ListingStatus, MembershipRole, MembershipStatus, OrganisationType, PlatformRole, Prisma } from '../app/generated/prisma/client.ts'
import en from '../app/locales/en/index.ts'
import vi from '../app/locales/vi/index.ts'
import { createSession } from '../app/models/session.server.ts'
import { codeKey } from '../app/models/task-result-schema.ts'
import { disconnectPrisma, getPrisma } from '../app/utils/db.server.ts'
import { hashPassword } from '../app/utils/password.server.ts'
import { serializeSessionCookie } from '../app/utils/session.server.ts'
import { E2E_BASE_URL } from './env.ts'

export { expect }

/** The UI texts, so tests check what a reader sees without copying strings. */
export const texts = { vi, en }

/** A translation with its `{{placeholders}}` filled in, as i18next renders it. */
export function interpolate(template: string, params: Record<string, string | number>): string {
	return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** A pattern matching a translation whatever its placeholders were filled with. */
export function textPattern(template: string): RegExp {
	const parts = template.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
	return new RegExp(parts.join('.+?'))
}

/** The password of every factory user. */
export const TEST_PASSWORD = 'Kiem-thu-E2E-2026!'

export type TestUser = { id: string; email: string; name: string; password: string; locale: 'vi' | 'en' }
export type TestOrganisation = { id: string; slug: string; name: string }

type UserOptions = { name?: string; email?: string; locale?: 'vi' | 'en'; roles?: PlatformRole[] }
type OrganisationOptions = { name?: string; type?: OrganisationType; provinceCode?: string; verified?: boolean }

export type TestListing = { id: string; title: string; kind: 'offer' | 'demand'; path: string }

type ListingCommon = {
	status?: ListingStatus
	/** Set as creator and contact person, who receives the listing's notifications. */
	createdBy?: Pick<TestUser, 'id'>
}
/** Any column of an offer; `fieldPaths` follows from `fieldCodes`, lifecycle dates from `status`. */
export type OfferOptions = ListingCommon & Partial<Omit<Prisma.OfferUncheckedCreateInput, 'organisationId' | 'fieldPaths' | 'status'>>
/** Any column of a demand; `fieldPaths` follows from `fieldCodes`, lifecycle dates from `status`. */
export type DemandOptions = ListingCommon & Partial<Omit<Prisma.DemandUncheckedCreateInput, 'organisationId' | 'fieldPaths' | 'status'>>

/** An S&T field code with its ancestors, as the app stores them: "40501" -> ["4", "405", "40501"]. */
export function fieldPathsOf(codes: readonly string[]) {
	const out = new Set<string>()
	for (const code of codes) for (const length of [1, 3, 5]) if (code.length >= length) out.add(code.slice(0, length))
	return [...out].sort()
}

/** The lifecycle columns a listing in `status` has when the app puts it there. */
function lifecycleColumns(status: ListingStatus) {
	const now = new Date()
	const inAYear = new Date(now)
	inAYear.setMonth(inAYear.getMonth() + 12)
	switch (status) {
		case 'SUBMITTED':
			return { submittedAt: now }
		case 'PUBLISHED':
			return { submittedAt: now, publishedAt: now, expiresAt: inAYear }
		case 'ARCHIVED':
			return { archivedAt: now }
		case 'EXPIRED':
			return { publishedAt: new Date(now.getTime() - 400 * 86_400_000), expiresAt: new Date(now.getTime() - 86_400_000) }
		default:
			return {}
	}
}

let passwordHash: Promise<string> | undefined

export function uniqueSuffix() {
	return randomBytes(4).toString('hex')
}

export class Factory {
	readonly #userIds = new Set<string>()
	readonly #organisationIds = new Set<string>()
	readonly #emails = new Set<string>()
	readonly #offerIds = new Set<string>()
	readonly #demandIds = new Set<string>()
	readonly #taskCodeKeys = new Set<string>()

	constructor(readonly baseURL: string) {}

	get db() {
		return getPrisma()
	}

	async user(options: UserOptions = {}): Promise<TestUser> {
		const suffix = uniqueSuffix()
		const email = (options.email ?? `e2e-${suffix}@kiemthu.example`).toLowerCase()
		const name = options.name ?? `Nguyễn Kiểm Thử ${suffix}`
		const locale = options.locale ?? 'vi'
		const row = await this.db.user.create({
			data: {
				email,
				name,
				passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
				locale,
				roles: Array.from(new Set<PlatformRole>(['MEMBER', ...(options.roles ?? [])])),
			},
			select: { id: true },
		})
		this.#userIds.add(row.id)
		this.#emails.add(email)
		return { id: row.id, email, name, password: TEST_PASSWORD, locale }
	}

	async organisation(options: OrganisationOptions = {}): Promise<TestOrganisation> {
		const suffix = uniqueSuffix()
		const name = options.name ?? `Viện Kiểm thử E2E ${suffix}`
		const row = await this.db.organisation.create({
			data: {
				slug: `e2e-vien-kiem-thu-${suffix}`,
				name,
				type: options.type ?? 'RESEARCH_INSTITUTE',
				provinceCode: options.provinceCode ?? '01',
				description: 'Tổ chức tạo cho kiểm thử đầu cuối.',
				verifiedAt: options.verified ? new Date() : null,
			},
			select: { id: true, slug: true, name: true },
		})
		this.#organisationIds.add(row.id)
		return row
	}

	async member(user: TestUser, organisation: TestOrganisation, role: MembershipRole = 'MEMBER', status: MembershipStatus = 'ACTIVE') {
		return this.db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role, status }, select: { id: true } })
	}

	/** A fresh organisation and its owner. */
	async owner(options: { user?: UserOptions; organisation?: OrganisationOptions } = {}) {
		const user = await this.user(options.user)
		const organisation = await this.organisation(options.organisation)
		await this.member(user, organisation, 'OWNER')
		return { user, organisation }
	}

	/**
	 * An offer inserted directly, complete enough to be submitted (summary, description, field, TRL,
	 * transfer mode, price, province); DRAFT unless `status` says otherwise. Deleted after the test
	 * (and with its organisation).
	 */
	async offer(organisation: Pick<TestOrganisation, 'id'>, options: OfferOptions = {}): Promise<TestListing> {
		const { status = 'DRAFT', createdBy, ...columns } = options
		const suffix = uniqueSuffix()
		const fieldCodes = (columns.fieldCodes as string[] | undefined) ?? ['40501']
		const row = await this.db.offer.create({
			data: {
				title: `Công nghệ nuôi tôm tuần hoàn kiểm thử ${suffix}`,
				summary: 'Hệ thống nuôi tôm tuần hoàn tiết kiệm nước, tạo cho kiểm thử đầu cuối.',
				description:
					'Công nghệ nuôi tôm thẻ chân trắng trong hệ thống tuần hoàn khép kín (RAS), tái sử dụng hơn 90% lượng nước, kiểm soát dịch bệnh bằng cảm biến.',
				keywords: ['nuôi tôm', 'RAS'],
				trl: 6,
				ipStatus: 'PATENT_PENDING',
				transferModes: ['LICENSING'],
				priceMin: 500_000_000n,
				priceMax: 800_000_000n,
				provinceCode: '92',
				createdById: createdBy?.id ?? null,
				contactUserId: createdBy?.id ?? null,
				...lifecycleColumns(status),
				...columns,
				fieldCodes,
				fieldPaths: fieldPathsOf(fieldCodes),
				status,
				organisationId: organisation.id,
			},
			select: { id: true, title: true },
		})
		this.#offerIds.add(row.id)
		return { ...row, kind: 'offer', path: `/offers/${row.id}` }
	}

	/**
	 * A demand inserted directly, complete enough to be submitted (problem, desired outcome, field,
	 * transfer mode, budget, province); DRAFT unless `status` says otherwise.
	 */
	async demand(organisation: Pick<TestOrganisation, 'id'>, options: DemandOptions = {}): Promise<TestListing> {
		const { status = 'DRAFT', createdBy, ...columns } = options
		const suffix = uniqueSuffix()
		const fieldCodes = (columns.fieldCodes as string[] | undefined) ?? ['20201']
		const row = await this.db.demand.create({
			data: {
				title: `Cần giải pháp xử lý nước thải kiểm thử ${suffix}`,
				problem:
					'Nhà máy chế biến thủy sản thải ra khoảng 500 m³ nước thải mỗi ngày, hàm lượng hữu cơ cao, hệ thống hiện tại không đạt quy chuẩn xả thải.',
				desiredOutcome: 'Nước thải sau xử lý đạt QCVN 11-MT:2015/BTNMT cột A, chi phí vận hành hợp lý.',
				keywords: ['nước thải', 'thủy sản'],
				minTrl: 6,
				transferModes: ['ASSIGNMENT'],
				budgetMin: 1_000_000_000n,
				budgetMax: 3_000_000_000n,
				provinceCode: '79',
				createdById: createdBy?.id ?? null,
				contactUserId: createdBy?.id ?? null,
				...lifecycleColumns(status),
				...columns,
				fieldCodes,
				fieldPaths: fieldPathsOf(fieldCodes),
				status,
				organisationId: organisation.id,
			},
			select: { id: true, title: true },
		})
		this.#demandIds.add(row.id)
		return { ...row, kind: 'demand', path: `/demands/${row.id}` }
	}

	/**
	 * Signs the browser context in as `user`: a Session row made by the app's own code and the
	 * `__session` cookie the server would set. Returns the cookie value.
	 */
	async signIn(context: BrowserContext, user: Pick<TestUser, 'id'>): Promise<string> {
		const session = await createSession(user.id, { userAgent: 'playwright-fixture' })
		const header = await serializeSessionCookie(session.secret, session.expiresAt)
		const pair = header.split(';')[0] ?? ''
		const value = pair.slice(pair.indexOf('=') + 1)
		await context.addCookies([
			{
				name: '__session',
				value,
				url: this.baseURL,
				httpOnly: true,
				sameSite: 'Lax',
				expires: Math.floor(session.expiresAt.getTime() / 1000),
			},
		])
		return value
	}

	/** Deletes, after the test, the account registered through the UI with this e-mail and the organisations it owns. */
	track(email: string) {
		this.#emails.add(email.toLowerCase())
	}

	/**
	 * Deletes, after the test, the task results with these task codes (written by imports the test
	 * drives through the UI), with their links to offers. Imports made by the test's users always go.
	 */
	trackTaskResults(...taskCodes: string[]) {
		for (const code of taskCodes) this.#taskCodeKeys.add(codeKey(code))
	}

	async cleanup() {
		const db = this.db
		const emails = [...this.#emails]
		const tracked = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true } })
		const userIds = [...new Set([...this.#userIds, ...tracked.map((u) => u.id)])]
		// Before the users: deleting one would only unset createdBy of its imports (their rows cascade).
		await db.import.deleteMany({ where: { createdById: { in: userIds } } })
		if (this.#taskCodeKeys.size > 0) await db.taskResult.deleteMany({ where: { taskCodeKey: { in: [...this.#taskCodeKeys] } } })
		const owned = await db.membership.findMany({
			where: { userId: { in: userIds }, role: 'OWNER' },
			select: { organisationId: true },
		})
		const organisationIds = [...new Set([...this.#organisationIds, ...owned.map((m) => m.organisationId)])]
		// Only organisations nobody else belongs to: a test user who joined a seeded one leaves it intact.
		const shared = await db.membership.findMany({
			where: { organisationId: { in: organisationIds }, userId: { notIn: userIds } },
			select: { organisationId: true },
		})
		const keep = new Set(shared.map((m) => m.organisationId).filter((id) => !this.#organisationIds.has(id)))
		// Listings go with their organisation; these are the ones a test put under another one.
		await db.offer.deleteMany({ where: { id: { in: [...this.#offerIds] } } })
		await db.demand.deleteMany({ where: { id: { in: [...this.#demandIds] } } })
		const doomed = organisationIds.filter((id) => !keep.has(id))
		// A deal holds on to its organisations, and a payment to its deal: they go first.
		const deals: Prisma.DealWhereInput = { OR: [{ buyerOrgId: { in: doomed } }, { sellerOrgId: { in: doomed } }] }
		await db.paymentEvent.deleteMany({ where: { payment: { deal: deals } } })
		await db.payment.deleteMany({ where: { deal: deals } })
		await db.deal.deleteMany({ where: deals })
		await db.organisation.deleteMany({ where: { id: { in: doomed } } })
		await db.user.deleteMany({ where: { id: { in: userIds } } })
		if (emails.length > 0) {
			await db.rateLimit.deleteMany({ where: { OR: emails.map((email) => ({ key: { endsWith: email } })) } })
		}
		this.#userIds.clear()
		this.#organisationIds.clear()
		this.#emails.clear()
		this.#offerIds.clear()
		this.#demandIds.clear()
		this.#taskCodeKeys.clear()
	}
}

/** Opens the account menu in the header and logs out. */
export async function logOut(page: Page) {
	await page.getByTestId('account-menu').click()
	await page.getByTestId('logout').click()
}

/** A conform field's error list (conform gives it the id `<form id>-<field name>-error`). */
export function fieldError(page: Page, formId: string, name: string): Locator {
	return page.locator(`[id="${formId}-${name}-error"]`)
}

/** A conform form's own error list (`<form id>-error`), e.g. "wrong e-mail or password". */
export function formError(page: Page, formId: string): Locator {
	return page.locator(`[id="${formId}-error"]`)
}

/**
 * Does `act` (the last change on a step of the listing editor) and waits until the editor's
 * autosave of that step has been answered, so that no autosave is left pending when the test moves
 * on.
 */
export async function afterAutosave(page: Page, step: string, act: () => Promise<unknown>) {
	const request = page.waitForRequest(
		(r) => r.method() === 'POST' && new URL(r.url()).searchParams.get('step') === step && (r.postData() ?? '').includes('autosave'),
		{ timeout: 10_000 },
	)
	await act()
	await (await request).response()
}

/** A page in a browser context of its own, signed in as `user` (anonymous when null). */
export type OpenPage = (user: Pick<TestUser, 'id'> | null, options?: BrowserContextOptions) => Promise<Page>

type Fixtures = { factory: Factory; serverErrors: string[]; openPage: OpenPage }
type WorkerFixtures = { database: void }

export const test = base.extend<Fixtures, WorkerFixtures>({
	// Any 5xx answer to the test's browser context fails the test, even when the page recovered
	// (a retrying assertion, a later reload): a server error is never an expected outcome here.
	serverErrors: [
		async ({ context }, use) => {
			const errors: string[] = []
			context.on('response', (response) => {
				if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`)
			})
			await use(errors)
			expect(errors, 'server errors (5xx) seen by the browser').toEqual([])
		},
		{ auto: true },
	],
	database: [
		async ({}, use) => {
			await use()
			await disconnectPrisma()
		},
		{ scope: 'worker', auto: true },
	],
	factory: async ({ baseURL }, use) => {
		const factory = new Factory(baseURL ?? E2E_BASE_URL)
		await use(factory)
		await factory.cleanup()
	},
	// Several people in one test, each in a context of their own: their 5xx answers fail the test
	// like the default context's, and the contexts are closed after it.
	openPage: async ({ browser, baseURL, factory, serverErrors }, use) => {
		const contexts: BrowserContext[] = []
		await use(async (user, options = {}) => {
			const context = await browser.newContext({ baseURL, ...options })
			contexts.push(context)
			context.on('response', (response) => {
				if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`)
			})
			if (user) await factory.signIn(context, user)
			return context.newPage()
		})
		for (const context of contexts) await context.close()
	},
})
