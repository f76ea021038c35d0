import type { Locale } from '~/generated/prisma/client'
import { enqueue } from '~/jobs/queue.server'
import type { Tx } from '~/utils/transaction.server'

export type EmailJob = {
	to: string
	locale: Locale
	template: string
	params: Record<string, string | number>
}

/** Queues an e-mail; a worker renders it in the recipient's language and sends it. */
export function enqueueEmail(tx: Tx, email: EmailJob) {
	return enqueue(tx, 'email.send', email)
}
