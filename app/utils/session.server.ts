import { createCookie } from 'react-router'
import { cookieSecure, getEnv } from '~/utils/env.server'

// The cookie holds only the session secret; everything else lives in the Session table.
function sessionCookie() {
	const env = getEnv()
	return createCookie('__session', {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: cookieSecure(),
		secrets: [env.SESSION_SECRET ?? 'unset-secret-replaced-at-boot'],
		maxAge: env.SESSION_MAX_DAYS * 24 * 60 * 60,
	})
}

export async function readSessionSecret(request: Request): Promise<string | null> {
	const value = await sessionCookie().parse(request.headers.get('Cookie'))
	return typeof value === 'string' && value.length >= 32 && value.length <= 128 ? value : null
}

export function serializeSessionCookie(secret: string, expires: Date) {
	return sessionCookie().serialize(secret, { expires })
}

export function clearSessionCookie() {
	return sessionCookie().serialize('', { maxAge: 0, expires: new Date(0) })
}

export function requestMeta(request: Request) {
	return {
		ip: request.headers.get('X-Client-IP'),
		userAgent: request.headers.get('User-Agent'),
	}
}
