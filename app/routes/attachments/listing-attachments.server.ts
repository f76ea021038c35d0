// The action behind /offers/:id/attachments and /demands/:id/attachments (one function, two kinds).
import { redirect } from 'react-router'
import { addAttachment, AttachmentError, assertCanEditAttachments, removeAttachment, type ListingKind } from '~/models/attachment.server'
import { readUploadForm, UploadFormError, type UploadForm } from '~/uploads/form.server'
import { UPLOAD_ERROR_PARAM, uploadErrorCode, uploadErrorStatus, type UploadErrorCode, type UploadErrorName } from '~/uploads/rules'
import { getUser } from '~/utils/auth.server'
import { clientIp } from '~/utils/http.server'
import { hit } from '~/utils/rate-limit.server'

const BASE = 'http://localhost'

/** Where a listing's attachment forms live: the edit page's attachments step. */
export function attachmentsPagePath(kind: ListingKind, listingId: string) {
	return `/${kind}s/${encodeURIComponent(listingId)}/edit?step=attachments`
}

/**
 * A same-site path to return to, or the fallback. Parsed as a URL, because browsers do: "/\t/evil"
 * and "/.//evil" look relative but resolve to another host or to "//evil".
 */
export function safeReturnPath(value: string | undefined, fallback: string) {
	if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return fallback
	let url: URL
	try {
		url = new URL(value, BASE)
	} catch {
		return fallback
	}
	if (url.origin !== BASE || url.pathname.startsWith('//')) return fallback
	return url.pathname + url.search + url.hash
}

/** The path with `uploadError` set to the code, or removed when the code is null (after a success). */
function withUploadError(path: string, code: UploadErrorCode | null) {
	const url = new URL(path, BASE)
	if (code) url.searchParams.set(UPLOAD_ERROR_PARAM, code)
	else url.searchParams.delete(UPLOAD_ERROR_PARAM)
	return url.pathname + url.search + url.hash
}

function wantsJson(request: Request) {
	const accept = request.headers.get('Accept') ?? ''
	return /\bapplication\/json\b/i.test(accept) && !/\btext\/html\b/i.test(accept)
}

function isTruthyCheckbox(value: string | undefined) {
	return value === 'on' || value === 'true' || value === '1'
}

/**
 * intent=upload (file field `file`, checkbox `confidential`) or intent=delete (`attachmentId`).
 * A browser form is answered with a 303 back to `redirectTo` (default: the edit page's attachments
 * step), carrying `?uploadError=<i18n key>` on failure, so it works without JavaScript. A client
 * asking for JSON gets the status itself: 201/200, or 4xx with `{ error: { code } }`.
 */
export async function listingAttachmentsAction(kind: ListingKind, { request, params }: { request: Request; params: { id?: string } }) {
	const listingId = params.id ?? ''
	const fallback = attachmentsPagePath(kind, listingId)
	const json = wantsJson(request)
	const listing = { kind, id: listingId }

	const refuse = (code: UploadErrorCode, returnTo = fallback, headers?: HeadersInit) =>
		json
			? Response.json({ error: { code } }, { status: uploadErrorStatus(code), headers })
			: redirect(withUploadError(returnTo, code), { status: 303, headers })
	const refuseWith = (name: UploadErrorName, returnTo?: string) => refuse(uploadErrorCode(name), returnTo)

	const user = await getUser(request)
	if (!user) {
		if (json) return Response.json({ error: { code: 'errors.unauthorized' } }, { status: 401 })
		return redirect(`/login?redirectTo=${encodeURIComponent(fallback)}`, { status: 303 })
	}
	const wait = await hit('writeUser', user.id)
	if (wait !== null) return refuse(uploadErrorCode('rateLimited'), fallback, { 'Retry-After': String(wait) })

	let form: UploadForm
	try {
		// Permission first: nobody gets the server to buffer 20 MiB for a listing they cannot edit.
		await assertCanEditAttachments(user, listing)
		form = await readUploadForm(request, { allowUrlEncoded: true })
	} catch (error) {
		if (error instanceof AttachmentError || error instanceof UploadFormError) return refuse(error.code)
		throw error
	}

	const returnTo = safeReturnPath(form.fields.redirectTo, fallback)
	const ip = clientIp(request)
	try {
		switch (form.fields.intent) {
			case 'upload': {
				if (!form.multipart) return refuseWith('notMultipart', returnTo)
				if (!form.file) return refuseWith('missing', returnTo)
				const attachment = await addAttachment({ actor: user, listing, file: form.file, confidential: isTruthyCheckbox(form.fields.confidential), ip })
				return json ? Response.json({ attachment }, { status: 201 }) : redirect(withUploadError(returnTo, null), { status: 303 })
			}
			case 'delete': {
				const attachmentId = form.fields.attachmentId
				if (!attachmentId) return refuseWith('notFound', returnTo)
				await removeAttachment(user, attachmentId, { ip, listing })
				return json ? Response.json({ deleted: attachmentId }) : redirect(withUploadError(returnTo, null), { status: 303 })
			}
			default:
				return refuseWith('intent', returnTo)
		}
	} catch (error) {
		if (error instanceof AttachmentError) return refuse(error.code, returnTo)
		throw error
	}
}
