// Files attached to offers and demands: the one place that writes Attachment rows and decides who
// may see them. Bytes live in a FileStore (app/uploads/storage.server.ts), rows in Postgres.
import { admittedThroughDeal } from '~/deals/access.server'
import type { ListingStatus, PlatformRole } from '~/generated/prisma/client'
import { recordAudit } from '~/models/audit.server'
import { inspectFile } from '~/uploads/inspect.server'
import { isUploadErrorCode, MAX_ATTACHMENTS_PER_LISTING, MAX_FILE_BYTES, uploadErrorCode, uploadErrorStatus, type UploadErrorCode, type UploadErrorName } from '~/uploads/rules'
import { FileTooLargeError, getFileStore, newStorageKey } from '~/uploads/storage.server'
import { hasRole } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { inTransaction, type Tx } from '~/utils/transaction.server'

/** A refusal the person can act on: an i18n key (`uploads.errors.*`) and the HTTP status for it. */
export class AttachmentError extends Error {
	override name = 'AttachmentError'
	readonly code: UploadErrorCode
	readonly status: number
	constructor(reason: UploadErrorName | UploadErrorCode) {
		const code = isUploadErrorCode(reason) ? reason : uploadErrorCode(reason)
		super(code)
		this.code = code
		this.status = uploadErrorStatus(code)
	}
}

export type ListingKind = 'offer' | 'demand'
export type ListingRef = { kind: ListingKind; id: string }
export type ListingAccessInfo = ListingRef & { organisationId: string; status: ListingStatus }

/** Who is looking: the session user (`getUser`) fits; null for a visitor. `memberships` are the ACTIVE ones. */
export type Viewer = {
	id: string
	roles: PlatformRole[]
	memberships: Array<{ organisation: { id: string } }>
}

/** What a listing page shows of a file. */
export type AttachmentSummary = {
	id: string
	fileName: string
	mimeType: string
	size: number
	confidential: boolean
	createdAt: Date
}

export type AttachmentRecord = AttachmentSummary & { storageKey: string; sha256: string; listing: ListingAccessInfo }

const summarySelect = { id: true, fileName: true, mimeType: true, size: true, confidential: true, createdAt: true } as const
const listingSelect = { id: true, organisationId: true, status: true } as const

function ownerOf(ref: ListingRef) {
	return ref.kind === 'offer' ? { offerId: ref.id } : { demandId: ref.id }
}

async function findListing(ref: ListingRef): Promise<ListingAccessInfo | null> {
	const row =
		ref.kind === 'offer'
			? await prisma.offer.findUnique({ where: { id: ref.id }, select: listingSelect })
			: await prisma.demand.findUnique({ where: { id: ref.id }, select: listingSelect })
	return row ? { kind: ref.kind, ...row } : null
}

/**
 * The actor as the database knows them now. Writes re-read roles and memberships rather than trust
 * the caller's copy, so someone removed from the organisation a moment ago cannot still attach.
 */
async function loadActor(actorId: string): Promise<Viewer | null> {
	return prisma.user.findFirst({
		where: { id: actorId, disabledAt: null },
		select: {
			id: true,
			roles: true,
			memberships: { where: { status: 'ACTIVE' }, select: { organisation: { select: { id: true } } } },
		},
	})
}

/** An ACTIVE member of the listing's organisation, or an operator or admin. */
export function isListingInsider(viewer: Viewer | null | undefined, listing: Pick<ListingAccessInfo, 'organisationId'>) {
	if (!viewer) return false
	if (hasRole(viewer, 'OPERATOR', 'ADMIN')) return true
	return viewer.memberships.some((membership) => membership.organisation.id === listing.organisationId)
}

/** Who may add and remove a listing's files: the same people who may edit the listing. */
export function canEditAttachments(viewer: Viewer | null | undefined, listing: Pick<ListingAccessInfo, 'organisationId'>) {
	return isListingInsider(viewer, listing)
}

/**
 * Parties of a deal on this listing admitted after both sides accepted its NDA see its confidential
 * files (and those of a listing no longer published).
 */
export async function isAdmittedDealParty(viewer: Viewer | null | undefined, listing: ListingAccessInfo): Promise<boolean> {
	return admittedThroughDeal(viewer, listing.kind, listing.id)
}

/** Which of a listing's files the viewer may see: all of them, the public ones, or none. */
export async function listingFileAccess(viewer: Viewer | null | undefined, listing: ListingAccessInfo): Promise<'all' | 'public' | 'none'> {
	if (isListingInsider(viewer, listing)) return 'all'
	if (await isAdmittedDealParty(viewer, listing)) return 'all'
	return listing.status === 'PUBLISHED' ? 'public' : 'none'
}

/**
 * Files of a PUBLISHED listing are public unless confidential. Files of drafts, submitted, returned,
 * archived and expired listings, and confidential files, are for the organisation's active members,
 * operators and admins (and, later, admitted deal parties).
 */
export async function canDownload(viewer: Viewer | null | undefined, attachment: { confidential: boolean; listing: ListingAccessInfo }) {
	const access = await listingFileAccess(viewer, attachment.listing)
	return access === 'all' || (access === 'public' && !attachment.confidential)
}

/** Anyone may fetch a public file; the download route uses this to choose its caching. */
export function isPublicAttachment(attachment: { confidential: boolean; listing: Pick<ListingAccessInfo, 'status'> }) {
	return attachment.listing.status === 'PUBLISHED' && !attachment.confidential
}

/** An attachment with its listing, for the download route and permission checks; null when absent. */
export async function findAttachment(id: string): Promise<AttachmentRecord | null> {
	const row = await prisma.attachment.findUnique({
		where: { id },
		select: { ...summarySelect, storageKey: true, sha256: true, offer: { select: listingSelect }, demand: { select: listingSelect } },
	})
	if (!row) return null
	const { offer, demand, ...rest } = row
	const listing: ListingAccessInfo | null = offer ? { kind: 'offer', ...offer } : demand ? { kind: 'demand', ...demand } : null
	return listing ? { ...rest, listing } : null
}

/** The listing's files the viewer may download, oldest first; [] when they may see none. */
export async function listAttachments(ref: ListingRef, viewer: Viewer | null | undefined): Promise<AttachmentSummary[]> {
	const listing = await findListing(ref)
	if (!listing) return []
	const access = await listingFileAccess(viewer, listing)
	if (access === 'none') return []
	return prisma.attachment.findMany({
		where: { ...ownerOf(ref), ...(access === 'public' ? { confidential: false } : {}) },
		select: summarySelect,
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
	})
}

export function countAttachments(ref: ListingRef, db: Pick<Tx, 'attachment'> = prisma) {
	return db.attachment.count({ where: ownerOf(ref) })
}

// Serialises uploads to one listing, so two at once cannot both take the last free place.
async function lockListing(tx: Tx, ref: ListingRef) {
	if (ref.kind === 'offer') await tx.$queryRaw`SELECT 1 FROM "Offer" WHERE "id" = ${ref.id} FOR UPDATE`
	else await tx.$queryRaw`SELECT 1 FROM "Demand" WHERE "id" = ${ref.id} FOR UPDATE`
}

/**
 * Refuses (404/403, as addAttachment would) before a route reads a large body, so strangers cannot
 * make the server buffer uploads it will throw away. addAttachment checks again.
 */
export async function assertCanEditAttachments(actor: { id: string }, ref: ListingRef) {
	const listing = await findListing(ref)
	if (!listing) throw new AttachmentError('notFound')
	if (!canEditAttachments(await loadActor(actor.id), listing)) throw new AttachmentError('forbidden')
	return listing
}

export type AddAttachmentInput = {
	actor: { id: string }
	listing: ListingRef
	file: File
	confidential: boolean
	/** The client's address, for the audit log. */
	ip?: string | null
}

/**
 * Attaches a file to an offer or demand. In order: the actor may edit the listing (else 404/403),
 * it has room (409), the bytes are an allowed type whose name does not contradict it (413/415/422),
 * then the bytes are stored and the row and its audit entry are written in one transaction; when
 * that fails the stored file is deleted again. Throws AttachmentError for refusals.
 */
export async function addAttachment({ actor, listing: ref, file, confidential, ip }: AddAttachmentInput): Promise<AttachmentSummary> {
	const listing = await assertCanEditAttachments(actor, ref)
	if ((await countAttachments(ref)) >= MAX_ATTACHMENTS_PER_LISTING) throw new AttachmentError('tooMany')

	return withStoredFile(file, ({ inspected, stored, storageKey }) =>
		inTransaction(async ({ tx }) => {
			await lockListing(tx, ref)
			if ((await countAttachments(ref, tx)) >= MAX_ATTACHMENTS_PER_LISTING) throw new AttachmentError('tooMany')
			const attachment = await tx.attachment.create({
				data: {
					...ownerOf(ref),
					storageKey,
					fileName: inspected.fileName,
					mimeType: inspected.mime,
					size: stored.size,
					sha256: stored.sha256,
					confidential,
					uploadedById: actor.id,
				},
				select: summarySelect,
			})
			await recordAudit(tx, {
				actorId: actor.id,
				organisationId: listing.organisationId,
				action: 'attachment.add',
				entityType: 'Attachment',
				entityId: attachment.id,
				data: { listingKind: ref.kind, listingId: ref.id, fileName: attachment.fileName, mimeType: attachment.mimeType, size: attachment.size, sha256: stored.sha256, confidential },
				ip: ip ?? null,
			})
			return attachment
		}),
	)
}

/**
 * Checks a file by its content, stores it and runs `write` (the row and its audit entry); when
 * `write` fails the stored file is deleted again, since no row would ever serve or delete it.
 */
async function withStoredFile<T>(file: File, write: (stored: { inspected: { fileName: string; mime: string }; stored: { size: number; sha256: string }; storageKey: string }) => Promise<T>): Promise<T> {
	const inspected = await inspectFile(file, file.name)
	if (!inspected.ok) throw new AttachmentError(inspected.code)
	const store = getFileStore()
	const storageKey = newStorageKey()
	let stored: { size: number; sha256: string }
	try {
		stored = await store.put(storageKey, file.stream(), { maxBytes: MAX_FILE_BYTES })
	} catch (error) {
		if (error instanceof FileTooLargeError) throw new AttachmentError('tooLarge')
		throw error
	}
	try {
		return await write({ inspected, stored, storageKey })
	} catch (error) {
		await store.delete(storageKey).catch((deleteError: unknown) => logger.error({ err: deleteError, storageKey }, 'could not delete the file of a failed attachment'))
		throw error
	}
}

/**
 * Removes an attachment: 404 when the actor may not even see it (so its existence does not leak)
 * or it belongs to another listing than `meta.listing`,
 * 403 when they may see but not edit. The row goes in a transaction with its audit entry; the
 * file is deleted once that has committed. Returns the listing it belonged to.
 */
export async function removeAttachment(actor: { id: string }, attachmentId: string, meta: { ip?: string | null; listing?: ListingRef } = {}): Promise<ListingRef> {
	const attachment = await findAttachment(attachmentId)
	if (!attachment) throw new AttachmentError('notFound')
	// A route for one listing removes only that listing's files.
	if (meta.listing && (meta.listing.kind !== attachment.listing.kind || meta.listing.id !== attachment.listing.id)) throw new AttachmentError('notFound')
	const fresh = await loadActor(actor.id)
	if (!(await canDownload(fresh, attachment))) throw new AttachmentError('notFound')
	if (!canEditAttachments(fresh, attachment.listing)) throw new AttachmentError('forbidden')

	await inTransaction(async ({ tx, afterCommit }) => {
		const { count } = await tx.attachment.deleteMany({ where: { id: attachment.id } })
		if (count === 0) throw new AttachmentError('notFound')
		await recordAudit(tx, {
			actorId: actor.id,
			organisationId: attachment.listing.organisationId,
			action: 'attachment.remove',
			entityType: 'Attachment',
			entityId: attachment.id,
			data: { listingKind: attachment.listing.kind, listingId: attachment.listing.id, fileName: attachment.fileName, sha256: attachment.sha256 },
			ip: meta.ip ?? null,
		})
		afterCommit(() => getFileStore().delete(attachment.storageKey))
	})
	return { kind: attachment.listing.kind, id: attachment.listing.id }
}

/** Storage keys of a listing's files: a listing delete must remove them after its commit (rows cascade, files do not). */
export async function storageKeysOf(ref: ListingRef, db: Pick<Tx, 'attachment'> = prisma) {
	const rows = await db.attachment.findMany({ where: ownerOf(ref), select: { storageKey: true } })
	return rows.map((row) => row.storageKey)
}

// ─── Files sent in chat ───────────────────────────────────────────────────────

/** A file waiting to be sent with a chat message, or sent: readable by the room's current members only. */
export async function addChatAttachment({ actor, roomId, file, ip }: { actor: { id: string }; roomId: string; file: File; ip?: string | null }): Promise<AttachmentSummary> {
	// Refused before the bytes are read: a stranger learns nothing and the server buffers nothing.
	if (!(await isChatMember(roomId, actor.id))) throw new AttachmentError('notFound')
	return withStoredFile(file, ({ inspected, stored, storageKey }) =>
		inTransaction(async ({ tx }) => {
			const attachment = await tx.attachment.create({
				data: { chatRoomId: roomId, storageKey, fileName: inspected.fileName, mimeType: inspected.mime, size: stored.size, sha256: stored.sha256, confidential: true, uploadedById: actor.id },
				select: summarySelect,
			})
			await recordAudit(tx, { actorId: actor.id, action: 'attachment.add', entityType: 'Attachment', entityId: attachment.id, data: { chatRoomId: roomId, fileName: attachment.fileName, mimeType: attachment.mimeType, size: attachment.size, sha256: stored.sha256 }, ip: ip ?? null })
			return attachment
		}),
	)
}

async function isChatMember(roomId: string, userId: string) {
	const member = await prisma.chatMember.findUnique({ where: { roomId_userId: { roomId, userId } }, select: { removedAt: true } })
	return Boolean(member && !member.removedAt)
}

/** A chat file for the download route, when the viewer is a current member of its room; else null (a 404). */
export async function findChatAttachmentFor(id: string, viewer: { id: string } | null) {
	if (!viewer) return null
	const row = await prisma.attachment.findUnique({ where: { id }, select: { ...summarySelect, storageKey: true, sha256: true, chatRoomId: true } })
	if (!row?.chatRoomId || !(await isChatMember(row.chatRoomId, viewer.id))) return null
	return row
}
