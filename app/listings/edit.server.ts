import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type RouterContextProvider } from 'react-router'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { listAttachments } from '~/models/attachment.server'
import { createDemand, demandDraftValues, getDemand, submitDemand, updateDemand } from '~/models/demand.server'
import { isOperator, ListingError } from '~/models/listing.server'
import {
	DemandDraftSchema,
	demandSubmitIssues,
	OfferDraftSchema,
	offerSubmitIssues,
	STEP_ORDER,
	STEPS,
	type DemandDraft,
	type ListingKind,
	type ListingStatusValue,
	type OfferDraft,
	type StepName,
} from '~/models/listing-schema'
import { EVIDENCE_ERRORS, listEvidence, searchLinkableTaskResults } from '~/models/offer-evidence.server'
import { createOffer, getOffer, offerDraftValues, submitOffer, updateOffer } from '~/models/offer.server'
import { listProvinces, listScienceFields } from '~/models/reference.server'
import { nearDuplicates } from '~/matching/duplicates.server'
import { requireUser, type SessionUser } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { clientIp, invariantResponse } from '~/utils/http.server'
import { consume } from '~/utils/rate-limit.server'
import { msg } from '~/utils/validation'
import { uploadErrorFrom } from '~/uploads/rules'

type Args = { request: Request; params: { id?: string }; context: Readonly<RouterContextProvider> }
type FormValues = Record<string, string | string[] | undefined>

const schemaFor = (kind: ListingKind) => (kind === 'offer' ? OfferDraftSchema : DemandDraftSchema)

/** A draft as form field values: arrays stay arrays, money as digits, checkboxes as "on", dates as yyyy-mm-dd. */
export function draftToFormValues(draft: OfferDraft | DemandDraft): FormValues {
	const out: FormValues = {}
	for (const [key, value] of Object.entries(draft)) {
		if (value === undefined || value === null || value === false) continue
		if (value === true) out[key] = 'on'
		else if (value instanceof Date) out[key] = new Date(value.getTime() + 7 * 3600_000).toISOString().slice(0, 10)
		else if (Array.isArray(value)) out[key] = value.map(String)
		else out[key] = String(value)
	}
	return out
}

function postableOrganisations(user: SessionUser) {
	return user.memberships.filter((m) => m.organisation.type !== 'AGENCY').map((m) => ({ id: m.organisation.id, name: m.organisation.name }))
}

async function pickers(locale: AppLocale) {
	const [provinces, fields] = await Promise.all([listProvinces(locale), listScienceFields(locale)])
	return { provinces, fields }
}

/** The first step of a new listing: which organisation, and the basics. */
export async function listingNewLoader(kind: ListingKind, { request, context }: Args) {
	const user = await requireUser(request)
	const locale = getLocale(context) as AppLocale
	return { kind, locale, organisations: postableOrganisations(user), ...(await pickers(locale)) }
}

export async function listingNewAction(kind: ListingKind, { request }: Args) {
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	const formData = await request.formData()
	const organisationId = String(formData.get('organisationId') ?? '')
	const submission = parseWithZod(formData, { schema: schemaFor(kind) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	if (!postableOrganisations(user).some((o) => o.id === organisationId)) {
		return data({ result: submission.reply({ fieldErrors: { organisationId: [msg('validation.organisation')] } }) }, { status: 400 })
	}
	try {
		const { id } =
			kind === 'offer'
				? await createOffer(user, organisationId, submission.value as OfferDraft, { ip: clientIp(request) })
				: await createDemand(user, organisationId, submission.value as DemandDraft, { ip: clientIp(request) })
		return redirect(`/${kind}s/${id}/edit?step=technical`)
	} catch (error) {
		if (error instanceof ListingError) {
			return data({ result: submission.reply({ formErrors: [error.code], fieldErrors: error.fields }) }, { status: error.status })
		}
		throw error
	}
}

async function loadEditable(kind: ListingKind, user: SessionUser, id: string) {
	const found = kind === 'offer' ? await getOffer(id, user) : await getDemand(id, user)
	invariantResponse(found, 'errors.notFound', { status: 404 })
	invariantResponse(found.access.isMember, 'errors.forbidden', { status: 403 })
	invariantResponse(found.access.canEdit, 'listings.errors.archived', { status: 409 })
	const row = ('offer' in found ? found.offer : found.demand) as Record<string, unknown> & { id: string; status: string; version: number; title: string }
	const draft = kind === 'offer' ? offerDraftValues(row) : demandDraftValues(row)
	return { row, draft }
}

/** Who may be named as the listing's contact person: the organisation's active members. */
function organisationMembers(organisationId: string) {
	return prisma.membership
		.findMany({ where: { organisationId, status: 'ACTIVE' }, select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } })
		.then((rows) => rows.map((r) => r.user))
}

function stepFrom(url: URL): StepName {
	const step = url.searchParams.get('step')
	return (STEP_ORDER as string[]).includes(step ?? '') ? (step as StepName) : 'basics'
}

/** The guided editor: one step's form, with the values as saved (pending edits included). */
export async function listingEditLoader(kind: ListingKind, { request, params, context }: Args) {
	const user = await requireUser(request)
	const { row, draft } = await loadEditable(kind, user, params.id ?? '')
	const locale = getLocale(context) as AppLocale
	const url = new URL(request.url)
	const step = stepFrom(url)
	const issues = kind === 'offer' ? offerSubmitIssues(draft as OfferDraft) : demandSubmitIssues(draft as DemandDraft)
	return {
		kind,
		locale,
		step,
		id: row.id,
		title: row.title,
		status: row.status as ListingStatusValue,
		version: row.version,
		pending: row.pendingChanges ? (row.pendingSince ? ('review' as const) : ('returned' as const)) : null,
		returnReason: (row.returnReason as string | null) ?? null,
		values: draftToFormValues(draft),
		issues,
		attachments: step === 'attachments' || step === 'review' ? await listAttachments({ kind, id: row.id }, user) : [],
		uploadError: uploadErrorFrom(url),
		operator: isOperator(user),
		contactUserId: (row.contactUserId as string | null) ?? null,
		members: step === 'basics' ? await organisationMembers(row.organisationId as string) : [],
		...(step === 'basics' ? await pickers(locale) : { provinces: [], fields: [] }),
		evidence: kind === 'offer' && step === 'technical' ? await evidencePanel(row, url) : null,
		duplicates: step === 'attachments' ? [] : await draftDuplicates(kind, row.id, draft),
	}
}

/** What already exists that reads like this draft: listings of the same kind and registered task results. */
function draftDuplicates(kind: ListingKind, id: string, draft: OfferDraft | DemandDraft) {
	const text = kind === 'offer' ? `${(draft as OfferDraft).summary ?? ''}\n${(draft as OfferDraft).description ?? ''}` : `${(draft as DemandDraft).problem ?? ''}\n${(draft as DemandDraft).desiredOutcome ?? ''}`
	return nearDuplicates({ title: draft.title ?? '', keywords: draft.keywords ?? [], text }, { types: [kind, 'task-result'], self: `${kind}:${id}` })
}

/** The offer editor's "backed by registered R&D" panel: current links, and what a search (GET, `evidenceQuery`) finds to link. */
async function evidencePanel(row: { id: string; organisationId?: unknown }, url: URL) {
	const organisationId = String(row.organisationId)
	const query = (url.searchParams.get('evidenceQuery') ?? '').slice(0, 200)
	const error = url.searchParams.get('evidenceError')
	const done = url.searchParams.get('evidenceDone')
	const [linked, results] = await Promise.all([listEvidence(row.id), searchLinkableTaskResults(organisationId, query, { excludeOfferId: row.id })])
	return {
		organisationId,
		query,
		linked,
		results,
		error: error && (EVIDENCE_ERRORS as readonly string[]).includes(error) ? error : null,
		done: done === 'linked' || done === 'unlinked' ? (done as 'linked' | 'unlinked') : null,
	}
}

/**
 * Saves one step. The step's fields are laid over the saved values and the whole draft is checked,
 * so a step never erases what another step holds; on an error the typed values come back untouched.
 */
export async function listingEditAction(kind: ListingKind, { request, params }: Args) {
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	const id = params.id ?? ''
	const url = new URL(request.url)
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? 'save')
	if (intent === 'submit') {
		try {
			await (kind === 'offer' ? submitOffer(user, id) : submitDemand(user, id))
		} catch (error) {
			if (error instanceof ListingError) return data({ result: null, error: error.code, saved: null }, { status: error.status })
			throw error
		}
		return redirect(`/${kind}s/${id}?done=submitted`)
	}
	const { draft } = await loadEditable(kind, user, id)
	const step = stepFrom(url)
	const stepFields = STEPS[kind][step] as readonly string[]
	const merged = new FormData()
	for (const [key, value] of Object.entries(draftToFormValues(draft))) {
		if (stepFields.includes(key) || value === undefined) continue
		for (const v of Array.isArray(value) ? value : [value]) merged.append(key, v)
	}
	for (const key of stepFields) for (const v of formData.getAll(key)) merged.append(key, v)
	const submission = parseWithZod(merged, { schema: schemaFor(kind) })
	if (submission.status !== 'success') return data({ result: submission.reply(), error: null, saved: null }, { status: 400 })
	try {
		const version = Number(formData.get('version'))
		const contact = step === 'basics' ? String(formData.get('contactUserId') ?? '') : ''
		const saved =
			kind === 'offer'
				? await updateOffer(user, id, submission.value as OfferDraft, { expectedVersion: Number.isInteger(version) ? version : undefined, ip: clientIp(request), contactUserId: contact || undefined })
				: await updateDemand(user, id, submission.value as DemandDraft, { expectedVersion: Number.isInteger(version) ? version : undefined, ip: clientIp(request), contactUserId: contact || undefined })
		if (intent === 'autosave' || formData.get('next') === 'stay') {
			return { result: null, error: null, saved: { version: saved.version, at: new Date().toISOString(), pendingFields: saved.pendingFields } }
		}
		const next = STEP_ORDER[Math.min(STEP_ORDER.indexOf(step) + 1, STEP_ORDER.length - 1)]
		return redirect(`/${kind}s/${id}/edit?step=${next}`)
	} catch (error) {
		if (error instanceof ListingError) {
			return data({ result: submission.reply({ formErrors: [error.code], fieldErrors: error.fields }), error: error.code, saved: null }, { status: error.status })
		}
		throw error
	}
}

export type ListingEditData = Awaited<ReturnType<typeof listingEditLoader>>
export type ListingNewData = Awaited<ReturnType<typeof listingNewLoader>>
