// Builders for test rows. They write through the same Prisma client the app uses, with the
// fewest fields a valid row needs; pass overrides for what a test is about.
import { randomBytes } from 'node:crypto'
import type { MembershipRole, OrganisationType, PlatformRole } from '../app/generated/prisma/client'
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
