/**
 * An organisation's own response signals over the last 12 months (the same definitions as the
 * statistics' per-type figure), and whether it earns the public "responsive" badge.
 */
import { addMonths, monthKey } from './filters'
import { responseSignals } from './queries.server'

/** The badge needs this share of enquiries answered, out of at least BADGE_MIN_ENQUIRIES. */
export const BADGE_SHARE = 0.8
export const BADGE_MIN_ENQUIRIES = 5

type Channel = { received: number; answered: number; medianHours: number | null }

export type OrganisationSignals = { interest: Channel; message: Channel; received: number; answered: number; share: number | null; badge: boolean }

export async function organisationSignals(organisationId: string, now = new Date()): Promise<OrganisationSignals> {
	const to = monthKey(now)
	const rows = await responseSignals({ from: addMonths(to, -11), to }, 'organisation', organisationId)
	const channel = (name: 'interest' | 'message'): Channel => {
		const row = rows.find((r) => r.channel === name)
		return { received: row?.received ?? 0, answered: row?.answered ?? 0, medianHours: row?.medianSeconds == null ? null : row.medianSeconds / 3600 }
	}
	const interest = channel('interest')
	const message = channel('message')
	const received = interest.received + message.received
	const answered = interest.answered + message.answered
	const share = received > 0 ? answered / received : null
	return { interest, message, received, answered, share, badge: received >= BADGE_MIN_ENQUIRIES && share !== null && share >= BADGE_SHARE }
}
