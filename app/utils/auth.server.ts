import { redirect } from 'react-router'
import type { PlatformRole } from '~/generated/prisma/client'
import { findLiveSession } from '~/models/session.server'
import { prisma } from '~/utils/db.server'
import { invariantResponse } from '~/utils/http.server'
import { readSessionSecret } from '~/utils/session.server'

const userSelect = {
	id: true,
	email: true,
	name: true,
	locale: true,
	roles: true,
	operatorProvinceCode: true,
	memberships: {
		where: { status: 'ACTIVE' },
		select: {
			role: true,
			organisation: { select: { id: true, slug: true, name: true, type: true, verifiedAt: true } },
		},
		orderBy: { createdAt: 'asc' },
	},
} as const

export type SessionUser = NonNullable<Awaited<ReturnType<typeof loadUser>>>

function loadUser(userId: string) {
	return prisma.user.findFirst({ where: { id: userId, disabledAt: null }, select: userSelect })
}

// Parallel loaders of one request share one lookup.
const perRequest = new WeakMap<Request, Promise<SessionUser | null>>()

/** The signed-in user, or null. */
export function getUser(request: Request): Promise<SessionUser | null> {
	let pending = perRequest.get(request)
	if (!pending) {
		pending = (async () => {
			const secret = await readSessionSecret(request)
			if (!secret) return null
			const session = await findLiveSession(secret)
			return session ? loadUser(session.userId) : null
		})()
		perRequest.set(request, pending)
	}
	return pending
}

function loginRedirect(request: Request) {
	const url = new URL(request.url)
	const redirectTo = url.pathname + url.search
	return redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`)
}

/** The signed-in user; otherwise throws a redirect to the login page that returns here. */
export async function requireUser(request: Request) {
	const user = await getUser(request)
	if (!user) throw loginRedirect(request)
	return user
}

export function hasRole(user: Pick<SessionUser, 'roles'> | null | undefined, ...roles: PlatformRole[]) {
	return Boolean(user && user.roles.some((role) => roles.includes(role)))
}

/** The signed-in user holding one of the roles (ADMIN holds them all); otherwise 403. */
export async function requireRole(request: Request, ...roles: PlatformRole[]) {
	const user = await requireUser(request)
	invariantResponse(hasRole(user, 'ADMIN', ...roles), 'errors.forbidden', { status: 403 })
	return user
}

/** Sends signed-in users away from pages meant for visitors (login, register). */
export async function requireAnonymous(request: Request) {
	const user = await getUser(request)
	if (user) throw redirect('/')
}
