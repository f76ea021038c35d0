import type { Locale } from '~/generated/prisma/client'
import { enqueue } from '~/jobs/queue.server'
import type { Tx, Unit } from '~/utils/transaction.server'

export type EmailJob = {
	to: string
	locale: Locale
	template: string
	params: Record<string, string | number>
}

/** Queues an e-mail; a worker renders it in the recipient's language and sends it (woken at commit when `afterCommit` is given). */
export function enqueueEmail(tx: Tx, email: EmailJob, options: { afterCommit?: Unit['afterCommit'] } = {}) {
	return enqueue(tx, 'email.send', email, options)
}
