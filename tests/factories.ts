// Builders for test rows. They write through the same Prisma client the app uses, with the
// fewest fields a valid row needs; pass overrides for what a test is about.
import { randomBytes } from 'node:crypto'
import type { MembershipRole, OrganisationType, PlatformRole } from '../app/generated/prisma/client'
import { RouterContextProvider } from 'react-router'
import { i18nextMiddleware } from '../app/middleware/i18next.server'
import { createSession } from '../app/models/session.server'
import { prisma } from '../app/utils/db.server'
import { hashPassword } from '../app/utils/password.server'
import { serializeSessionCookie } from '../app/utils/session.server'

export const TEST_PASSWORD = 'Kiem-thu-mat-khau-2026'

let hashed: Promise<string> | undefined

function uid() {
	return randomBytes(4).toString('hex')
}

export async function createUser(overrides: { email?: string; name?: string; roles?: PlatformRole[]; locale?: 'vi' | 'en'; password?: string } = {}) {
	const passwordHash = overrides.password ? await hashPassword(overrides.password) : await (hashed ??= hashPassword(TEST_PASSWORD))
	return prisma.user.create({
		data: {
			email: overrides.email ?? `nguoi-dung-${uid()}@kiemthu.example`,
			name: overrides.name ?? `Nguyễn Văn ${uid()}`,
			passwordHash,
			locale: overrides.locale ?? 'vi',
			roles: overrides.roles ?? ['MEMBER'],
		},
	})
}

export async function createOrganisation(overrides: { name?: string; type?: OrganisationType; provinceCode?: string; verified?: boolean; taxCode?: string } = {}) {
	const suffix = uid()
	return prisma.organisation.create({
		data: {
			slug: `to-chuc-${suffix}`,
			name: overrides.name ?? `Viện Kiểm thử ${suffix}`,
			type: overrides.type ?? 'RESEARCH_INSTITUTE',
			provinceCode: overrides.provinceCode ?? '01',
			taxCode: overrides.taxCode ?? null,
			verifiedAt: overrides.verified ? new Date() : null,
		},
	})
}

export function addMember(userId: string, organisationId: string, role: MembershipRole = 'MEMBER', status: 'ACTIVE' | 'PENDING' = 'ACTIVE') {
	return prisma.membership.create({ data: { userId, organisationId, role, status } })
}

/** A user who owns a fresh organisation. */
export async function createOwner(overrides: Parameters<typeof createOrganisation>[0] = {}) {
	const user = await createUser()
	const organisation = await createOrganisation(overrides)
	const membership = await addMember(user.id, organisation.id, 'OWNER')
	return { user, organisation, membership }
}

/** A live session for the user and the Cookie header that carries it. */
export async function signIn(userId: string) {
	const session = await createSession(userId)
	const setCookie = await serializeSessionCookie(session.secret, session.expiresAt)
	return { secret: session.secret, cookie: setCookie.split(';')[0]! }
}

/** A Request as the browser would send it, with a session cookie and form body when given. */
export function makeRequest(path: string, options: { method?: string; cookie?: string; form?: Record<string, string | string[]>; headers?: Record<string, string> } = {}) {
	const headers = new Headers(options.headers)
	if (options.cookie) headers.set('Cookie', options.cookie)
	if (!headers.has('X-Client-IP')) headers.set('X-Client-IP', '203.0.113.7')
	let body: URLSearchParams | undefined
	if (options.form) {
		body = new URLSearchParams()
		for (const [key, value] of Object.entries(options.form)) {
			for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
		}
	}
	return new Request(`http://localhost${path}`, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body })
}

/** The signed-in user as loaders see it (roles and active memberships), for model calls that take an actor. */
export async function actorFor(userId: string) {
	const { getUser } = await import('../app/utils/auth.server')
	const { cookie } = await signIn(userId)
	const user = await getUser(makeRequest('/', { cookie }))
	if (!user) throw new Error('test user could not sign in')
	return user
}

/** Field values that pass the submit checks of an offer. */
export function completeOffer(overrides: Record<string, unknown> = {}) {
	return {
		title: 'Quy trình nuôi tôm thẻ chân trắng tuần hoàn nước',
		summary: 'Công nghệ nuôi tôm siêu thâm canh trong hệ thống tuần hoàn, tiết kiệm 80% nước thay.',
		description:
			'Hệ thống gồm bể nuôi, bể lắng, bộ lọc sinh học và thiết bị giám sát oxy hòa tan theo thời gian thực. Đã thử nghiệm tại Cà Mau và Bạc Liêu với năng suất 30 tấn/ha/vụ.',
		fieldCodes: ['405'],
		keywords: ['nuôi tôm', 'RAS', 'thủy sản'],
		trl: 7,
		ipStatus: 'UTILITY_SOLUTION' as const,
		ipNumbers: 'GPHI 2-0002345',
		transferModes: ['LICENSING' as const, 'TRAINING' as const],
		priceMin: 500_000_000,
		priceMax: 1_200_000_000,
		priceNegotiable: false,
		provinceCode: '96',
		...overrides,
	}
}

/** Field values that pass the submit checks of a demand. */
export function completeDemand(overrides: Record<string, unknown> = {}) {
	return {
		title: 'Cần công nghệ xử lý nước thải chế biến thủy sản',
		problem:
			'Nhà máy chế biến cá tra công suất 200 tấn/ngày thải ra 1.500 m³ nước thải có hàm lượng hữu cơ cao; hệ thống hiện tại không đạt QCVN 11-MT:2015/BTNMT cột A.',
		desiredOutcome: 'Nước thải đạt cột A, chi phí vận hành dưới 8.000 đồng/m³, thu hồi bùn làm phân bón.',
		fieldCodes: ['207'],
		keywords: ['xử lý nước thải', 'cá tra'],
		minTrl: 6,
		budgetMin: 2_000_000_000,
		budgetMax: 5_000_000_000,
		budgetUndisclosed: false,
		deadline: undefined,
		transferModes: ['ASSIGNMENT' as const, 'CONSULTING' as const],
		provinceCode: '82',
		...overrides,
	}
}

/** A router context the i18n middleware has run on, as loaders and actions get it in the app. */
export async function localeContext(request: Request) {
	const context = new RouterContextProvider()
	await i18nextMiddleware({ request, context, params: {}, unstable_pattern: '' } as never, async () => new Response())
	return context
}

export type Outcome = { status: number; location: string | null; body: unknown }

/** What a loader or action answered, whether it returned or threw a Response or data(). */
export async function outcome(promise: Promise<unknown>): Promise<Outcome> {
	try {
		const value = await promise
		if (value instanceof Response) return { status: value.status, location: value.headers.get('Location'), body: null }
		const v = value as { type?: string; data?: unknown; init?: { status?: number } }
		if (v?.type === 'DataWithResponseInit') return { status: v.init?.status ?? 200, location: null, body: v.data }
		return { status: 200, location: null, body: value }
	} catch (thrown) {
		if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('Location'), body: null }
		const v = thrown as { type?: string; data?: unknown; init?: { status?: number } }
		if (v?.type === 'DataWithResponseInit') return { status: v.init?.status ?? 500, location: null, body: v.data }
		throw thrown
	}
}
