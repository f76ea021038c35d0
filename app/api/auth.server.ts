import type { MembershipRole } from '~/generated/prisma/client'
import { findApiKey } from '~/models/api-key.server'
import { getUser, hasRole, type SessionUser } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { consume } from '~/utils/rate-limit.server'
import { forbidden, unauthenticated } from './errors.server'

/** Who is calling the API: a signed-in person (session cookie) or an organisation (API key). */
export type ApiPrincipal =
	| { kind: 'user'; user: SessionUser }
	| {
			kind: 'apiKey'
			apiKey: { id: string; name: string; prefix: string; createdById: string | null }
			organisation: { id: string; slug: string; name: string }
	  }

export type UserPrincipal = Extract<ApiPrincipal, { kind: 'user' }>
export type KeyPrincipal = Extract<ApiPrincipal, { kind: 'apiKey' }>

const BEARER = /^Bearer +(\S+) *$/i

// Parallel lookups for one request (a handler and a helper) share one query and one lastUsedAt write.
const perRequest = new WeakMap<Request, Promise<ApiPrincipal | null>>()

/**
 * The caller, or null when the request carries no credentials. An Authorization header is
 * authoritative: when present it must hold a live key (else 401), and the cookie is not
 * consulted, so a broken integration never silently acts as whoever is signed in.
 */
export function getApiPrincipal(request: Request): Promise<ApiPrincipal | null> {
	let pending = perRequest.get(request)
	if (!pending) {
		pending = lookUp(request)
		perRequest.set(request, pending)
	}
	return pending
}

async function lookUp(request: Request): Promise<ApiPrincipal | null> {
	const header = request.headers.get('Authorization')
	if (header !== null) {
		const token = BEARER.exec(header)?.[1]
		if (!token) throw unauthenticated('malformed')
		const key = await findApiKey(token)
		if (!key) throw unauthenticated('invalid')
		const { organisation, ...apiKey } = key
		return { kind: 'apiKey', apiKey, organisation }
	}
	const user = await getUser(request)
	return user ? { kind: 'user', user } : null
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The caller, else 401 with a WWW-Authenticate challenge. Writes spend the caller's write budget
 * (shared with the web forms for people), so a runaway integration gets 429s, not the database.
 */
export async function requireApiPrincipal(request: Request): Promise<ApiPrincipal> {
	const principal = await getApiPrincipal(request)
	if (!principal) throw unauthenticated()
	if (!SAFE_METHODS.has(request.method.toUpperCase())) await consume('writeUser', principalKey(principal))
	return principal
}

/** A signed-in person; API keys get 403 (the resource belongs to people, not organisations). */
export async function requireApiUser(request: Request): Promise<UserPrincipal> {
	const principal = await requireApiPrincipal(request)
	if (principal.kind !== 'user') throw forbidden('api.errors.userOnly')
	return principal
}

/**
 * The person an operator of the exchange acts as, or null when the caller is none: a signed-in
 * person holding OPERATOR or ADMIN, or an API key whose creator holds one of those roles now and is
 * not disabled (checked at every request, so taking the role away stops the key).
 */
export async function operatorActorId(principal: ApiPrincipal | null): Promise<string | null> {
	if (!principal) return null
	if (principal.kind === 'user') return hasRole(principal.user, 'OPERATOR', 'ADMIN') ? principal.user.id : null
	const creatorId = principal.apiKey.createdById
	if (!creatorId) return null
	const creator = await prisma.user.findFirst({ where: { id: creatorId, disabledAt: null, roles: { hasSome: ['OPERATOR', 'ADMIN'] } }, select: { id: true } })
	return creator?.id ?? null
}

/**
 * An operator (see operatorActorId), else 403; no credentials 401. Writes spend the budget.
 * `actorId` is the person the audit log names.
 */
export async function requireApiOperator(request: Request): Promise<{ principal: ApiPrincipal; actorId: string }> {
	const principal = await requireApiPrincipal(request)
	const actorId = await operatorActorId(principal)
	if (!actorId) throw forbidden('api.errors.operatorOnly')
	return { principal, actorId }
}

/** A stable id for rate limits and logs. */
export function principalKey(principal: ApiPrincipal) {
	return principal.kind === 'user' ? `user:${principal.user.id}` : `apiKey:${principal.apiKey.id}`
}

/** The person's active role in the organisation, from the memberships loaded with the session. */
export function userRoleIn(principal: UserPrincipal, organisationId: string): MembershipRole | null {
	return principal.user.memberships.find((m) => m.organisation.id === organisationId)?.role ?? null
}

/** Whether the caller belongs to the organisation: an active member, or one of its own keys. */
export function belongsTo(principal: ApiPrincipal, organisationId: string) {
	return principal.kind === 'apiKey' ? principal.organisation.id === organisationId : userRoleIn(principal, organisationId) !== null
}

/** 403 unless the caller belongs to the organisation (see belongsTo). */
export function requireBelongsTo(principal: ApiPrincipal, organisationId: string) {
	if (principal.kind === 'apiKey' && principal.organisation.id !== organisationId) throw forbidden('api.errors.otherOrganisation')
	if (!belongsTo(principal, organisationId)) throw forbidden()
}
