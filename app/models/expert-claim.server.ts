/**
 * Claims of expert profiles: the one module that writes ExpertClaim. A signed-in user asks to
 * claim a profile; a single-use link goes to the e-mail ON THE PROFILE (not the user's), so only
 * whoever reads that mailbox can finish it, and only while signed in as the user who asked.
 * The claimant is recorded on the profile by expert.server.ts (setExpertClaimant).
 */
import { addHours } from 'date-fns'
import { enqueueEmail } from '~/jobs/email.server'
import { recordAudit } from '~/models/audit.server'
import { clearExpertClaimant, ExpertProfileError, setExpertClaimant } from '~/models/expert.server'
import { isOperator, type Actor } from '~/models/listing.server'
import { notify } from '~/models/notification.server'
import { randomToken, sha256Hex } from '~/utils/crypto.server'
import { prisma } from '~/utils/db.server'
import { hit } from '~/utils/rate-limit.server'
import { inTransaction } from '~/utils/transaction.server'
import { maskEmail } from '~/utils/text'

export const CLAIM_TOKEN_HOURS = 24


// Tokens are 43 base64url characters; anything far off is not worth a database lookup.
const plausibleToken = (token: string) => /^[A-Za-z0-9_-]{20,200}$/.test(token)

/**
 * Mails a claim link for an unclaimed profile that has an e-mail. Earlier open claims of this user
 * for this profile stop working. Returns the masked address the link went to.
 */
export async function requestClaim(actor: Pick<Actor, 'id'>, expertId: string, baseUrl: string, meta: { ip?: string | null } = {}) {
	const expert = await prisma.expert.findUnique({ where: { id: expertId }, select: { id: true, fullName: true, email: true, claimedById: true } })
	if (!expert) throw new ExpertProfileError('errors.notFound', 404)
	if (expert.claimedById) throw new ExpertProfileError('expertProfile.errors.alreadyClaimed', 409)
	if (!expert.email) throw new ExpertProfileError('expertProfile.errors.noEmail', 409)
	const held = await prisma.expert.findUnique({ where: { claimedById: actor.id }, select: { id: true } })
	if (held) throw new ExpertProfileError('expertProfile.errors.alreadyHoldsProfile', 409)
	// Each request mails an address the user does not own: a small budget per user.
	if ((await hit('expertClaimUser', actor.id)) !== null) throw new ExpertProfileError('expertProfile.errors.tooManyClaims', 429)
	const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, email: true, locale: true } })
	const token = randomToken()
	const to = expert.email
	await inTransaction(async ({ tx, afterCommit }) => {
		await tx.expertClaim.deleteMany({ where: { expertId, userId: actor.id, usedAt: null } })
		await tx.expertClaim.create({ data: { id: sha256Hex(token), expertId, userId: actor.id, expiresAt: addHours(new Date(), CLAIM_TOKEN_HOURS) } })
		await recordAudit(tx, { actorId: actor.id, action: 'expert.claim.request', entityType: 'Expert', entityId: expertId, data: { sentTo: maskEmail(to) }, ip: meta.ip })
		await enqueueEmail(
			tx,
			{
				to,
				locale: user.locale,
				template: 'expert-claim',
				params: { expertName: expert.fullName, userName: user.name, userEmail: user.email, link: `${baseUrl.replace(/\/+$/, '')}/experts/claim/${token}`, hours: CLAIM_TOKEN_HOURS },
			},
			{ afterCommit },
		)
	})
	return { sentTo: maskEmail(to) }
}

export type ClaimLookup =
	| { state: 'invalid' }
	| { state: 'notYours'; expertId: string; expertName: string }
	| { state: 'ready'; expertId: string; expertName: string }

/** What a claim link stands for, for the confirmation page; changes nothing. */
export async function findClaim(token: string, userId: string): Promise<ClaimLookup> {
	if (!plausibleToken(token)) return { state: 'invalid' }
	const claim = await prisma.expertClaim.findUnique({
		where: { id: sha256Hex(token) },
		select: { userId: true, usedAt: true, expiresAt: true, expert: { select: { id: true, fullName: true, claimedById: true } } },
	})
	if (!claim || claim.usedAt || claim.expiresAt <= new Date() || claim.expert.claimedById) return { state: 'invalid' }
	const found = { expertId: claim.expert.id, expertName: claim.expert.fullName }
	return claim.userId === userId ? { state: 'ready', ...found } : { state: 'notYours', ...found }
}

/**
 * Finishes a claim: the signed-in user must be the one who asked; the link works once, within its
 * validity, for a profile nobody holds, and a user holds one profile at most.
 */
export async function completeClaim(actor: Pick<Actor, 'id'>, token: string, meta: { ip?: string | null } = {}) {
	if (!plausibleToken(token)) throw new ExpertProfileError('expertProfile.errors.invalidLink', 400)
	const id = sha256Hex(token)
	return inTransaction(async (unit) => {
		const { tx } = unit
		const claim = await tx.expertClaim.findUnique({ where: { id }, select: { userId: true, expertId: true } })
		if (!claim) throw new ExpertProfileError('expertProfile.errors.invalidLink', 400)
		// Someone else's link is refused without spending it: its owner can still use it.
		if (claim.userId !== actor.id) throw new ExpertProfileError('expertProfile.errors.notYourLink', 403)
		// Spent with a conditional update, so two submissions racing use it once.
		const spent = await tx.expertClaim.updateMany({ where: { id, userId: actor.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } })
		if (spent.count !== 1) throw new ExpertProfileError('expertProfile.errors.invalidLink', 400)
		await setExpertClaimant(tx, claim.expertId, actor.id)
		// The profile is taken: every other open link for it is void.
		await tx.expertClaim.deleteMany({ where: { expertId: claim.expertId, usedAt: null } })
		const expert = await tx.expert.findUniqueOrThrow({ where: { id: claim.expertId }, select: { fullName: true } })
		await recordAudit(tx, { actorId: actor.id, action: 'expert.claim.complete', entityType: 'Expert', entityId: claim.expertId, ip: meta.ip })
		await notify(unit, { userId: actor.id, kind: 'expert.claimed', params: { name: expert.fullName }, link: `/experts/${claim.expertId}` })
		return { expertId: claim.expertId }
	})
}

/** Operators unlink a profile from the account that claimed it (a mistaken or disputed claim). */
export async function releaseClaim(actor: Pick<Actor, 'id' | 'roles'>, expertId: string, meta: { ip?: string | null } = {}) {
	if (!isOperator(actor)) throw new ExpertProfileError('errors.forbidden', 403)
	return inTransaction(async ({ tx }) => {
		const exists = await tx.expert.findUnique({ where: { id: expertId }, select: { id: true } })
		if (!exists) throw new ExpertProfileError('errors.notFound', 404)
		const previous = await clearExpertClaimant(tx, expertId)
		if (!previous) throw new ExpertProfileError('expertProfile.errors.notClaimed', 409)
		await recordAudit(tx, { actorId: actor.id, action: 'expert.claim.release', entityType: 'Expert', entityId: expertId, data: { userId: previous }, ip: meta.ip })
		return { releasedFrom: previous }
	})
}

const NOTICE_ERRORS = ['expertProfile.errors.noEmail', 'expertProfile.errors.alreadyClaimed', 'expertProfile.errors.alreadyHoldsProfile', 'expertProfile.errors.tooManyClaims', 'expertProfile.errors.notClaimed']

/** The outcome the claim and editor routes send back to the expert page in its query string. */
function noticeFrom(url: URL | undefined) {
	if (!url) return { done: null, error: null }
	const claim = url.searchParams.get('claim')
	const error = url.searchParams.get('claimError')
	const done = claim === 'sent' || claim === 'released' ? claim : url.searchParams.get('saved') === '1' ? 'saved' : url.searchParams.get('claimed') === '1' ? 'claimed' : null
	return { done: done as 'sent' | 'released' | 'saved' | 'claimed' | null, error: error && NOTICE_ERRORS.includes(error) ? error : null }
}

/** What the claim panel of an expert page shows to this viewer; `url` is the page's, for the notices. */
export async function claimPanelFor(expert: { id: string }, viewer: Pick<Actor, 'id' | 'roles'> | null, url?: URL) {
	const row = await prisma.expert.findUnique({
		where: { id: expert.id },
		select: { email: true, claimedById: true, claimedAt: true, claimedBy: { select: { name: true } } },
	})
	if (!row) return null
	const operator = isOperator(viewer)
	return {
		claimed: Boolean(row.claimedById),
		claimedAt: row.claimedAt,
		isClaimant: Boolean(viewer && row.claimedById === viewer.id),
		signedIn: Boolean(viewer),
		canClaim: !row.claimedById && Boolean(row.email),
		hasEmail: Boolean(row.email),
		maskedEmail: row.email && !row.claimedById ? maskEmail(row.email) : null,
		canRelease: operator && Boolean(row.claimedById),
		// Operators see who holds a profile they might release; nobody else does.
		claimantName: operator ? (row.claimedBy?.name ?? null) : null,
		hours: CLAIM_TOKEN_HOURS,
		...noticeFrom(url),
	}
}

export type ClaimPanelData = NonNullable<Awaited<ReturnType<typeof claimPanelFor>>>

/** A profile as its claimant's editor shows it: the values they edit, and the imported publications read-only. */
export async function getProfileForEditing(expertId: string) {
	const expert = await prisma.expert.findUnique({
		where: { id: expertId },
		select: {
			id: true,
			fullName: true,
			claimedById: true,
			academicTitle: true,
			degree: true,
			organisationName: true,
			provinceCode: true,
			fieldCodes: true,
			keywords: true,
			bio: true,
			availableForAppraisal: true,
			availableForConsulting: true,
			availabilityNote: true,
			publications: { select: { title: true, year: true, venue: true, source: true }, orderBy: { position: 'asc' } },
		},
	})
	if (!expert) return null
	const { publications, ...rest } = expert
	return {
		...rest,
		ownPublications: publications.filter((p) => p.source === 'SELF').map(({ source: _s, ...p }) => p),
		importedPublications: publications.filter((p) => p.source !== 'SELF').map(({ source: _s, ...p }) => p),
	}
}
