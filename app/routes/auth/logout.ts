import { redirect } from 'react-router'
import type { Route } from './+types/logout'
import { revokeSession } from '~/models/session.server'
import { clearSessionCookie, readSessionSecret } from '~/utils/session.server'

// Logging out is a POST only: a GET must not change state (a link or image could trigger it).
export async function loader() {
	return redirect('/')
}

export async function action({ request }: Route.ActionArgs) {
	const secret = await readSessionSecret(request)
	if (secret) await revokeSession(secret)
	return redirect('/', { headers: { 'Set-Cookie': await clearSessionCookie() } })
}
