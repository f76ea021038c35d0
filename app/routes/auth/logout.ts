import { redirect } from 'react-router'
import type { Route } from './+types/logout'
import { revokeSession } from '~/models/session.server'
import { disconnectSession } from '~/realtime/registry.server'
import { sha256Hex } from '~/utils/crypto.server'
import { clearSessionCookie, readSessionSecret } from '~/utils/session.server'

// Logging out is a POST only: a GET must not change state (a link or image could trigger it).
export async function loader() {
	return redirect('/')
}

export async function action({ request }: Route.ActionArgs) {
	const secret = await readSessionSecret(request)
	if (secret) {
		await revokeSession(secret)
		// Close this session's open sockets now rather than at their next periodic check.
		disconnectSession(sha256Hex(secret))
	}
	return redirect('/', { headers: { 'Set-Cookie': await clearSessionCookie() } })
}
