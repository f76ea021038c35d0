import { data } from 'react-router'
import { requireRole } from '~/utils/auth.server'
import { getEnv } from '~/utils/env.server'

/**
 * The dev mailbox exists only while mail is written to files (no SMTP_URL). In development anyone
 * may read it; elsewhere (a staging or test server) only operators and admins, since the messages
 * hold live password-reset links.
 */
export async function requireMailboxAccess(request: Request) {
	const env = getEnv()
	if (env.SMTP_URL) throw data({ message: 'errors.notFound' }, { status: 404 })
	if (env.NODE_ENV === 'development') return
	await requireRole(request, 'OPERATOR')
}
