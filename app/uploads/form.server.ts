// Reads an upload request without ever holding more than the limit in memory.
import { MAX_FILE_BYTES, MAX_SMALL_FORM_BYTES, MULTIPART_ENVELOPE_BYTES, uploadErrorCode, uploadErrorStatus, type UploadErrorCode, type UploadErrorName } from '~/uploads/rules'

/** A refusal before or while reading the body; `status` is the HTTP status to answer with. */
export class UploadFormError extends Error {
	override name = 'UploadFormError'
	readonly code: UploadErrorCode
	readonly status: number
	constructor(name: UploadErrorName) {
		const code = uploadErrorCode(name)
		super(code)
		this.code = code
		this.status = uploadErrorStatus(code)
	}
}

export type UploadForm = {
	/** The file sent in `fileField`, or null when none was chosen (browsers send an empty, unnamed part). */
	file: File | null
	/** The text fields, first value of each. */
	fields: Record<string, string>
	/** Whether the body was multipart (only multipart can carry a file). */
	multipart: boolean
}

export type ReadUploadFormOptions = {
	/** Name of the file field; default `file`. */
	fileField?: string
	/** Largest file; the body may be this plus MULTIPART_ENVELOPE_BYTES. Default MAX_FILE_BYTES. */
	maxFileBytes?: number
	/** Also accept a url-encoded form (capped at MAX_SMALL_FORM_BYTES), e.g. for a delete button. */
	allowUrlEncoded?: boolean
}

function mediaType(request: Request) {
	return (request.headers.get('Content-Type') ?? '').split(';', 1)[0]!.trim().toLowerCase()
}

/**
 * The body as a stream that errors once more than `limit` bytes have passed. Content-Length is
 * checked first (refusing before a byte is read), but a chunked body has none, so the count is
 * what actually bounds memory.
 */
function boundedBody(request: Request, limit: number) {
	const declared = request.headers.get('Content-Length')
	if (declared !== null) {
		const length = Number(declared)
		if (!Number.isSafeInteger(length) || length < 0) throw new UploadFormError('malformed')
		if (length > limit) throw new UploadFormError('tooLarge')
	}
	if (!request.body) throw new UploadFormError('malformed')
	let seen = 0
	const state = { overLimit: false }
	const counter = new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			seen += chunk.byteLength
			if (seen > limit) {
				state.overLimit = true
				controller.error(new UploadFormError('tooLarge'))
				return
			}
			controller.enqueue(chunk)
		},
	})
	return { stream: request.body.pipeThrough(counter), state }
}

/**
 * Parses an upload form: 413 (`uploads.errors.tooLarge`) when Content-Length or the bytes read
 * exceed the file limit plus the envelope margin, 415 (`uploads.errors.notMultipart`) for any other
 * body type (unless url-encoded is allowed), 400 (`uploads.errors.malformed`) for a broken body,
 * 400 (`uploads.errors.tooManyFiles`) when more than one file was sent. Throws UploadFormError.
 */
export async function readUploadForm(request: Request, options: ReadUploadFormOptions = {}): Promise<UploadForm> {
	const { fileField = 'file', maxFileBytes = MAX_FILE_BYTES, allowUrlEncoded = false } = options
	const type = mediaType(request)
	const multipart = type === 'multipart/form-data'
	if (!multipart && !(allowUrlEncoded && type === 'application/x-www-form-urlencoded')) throw new UploadFormError('notMultipart')

	const { stream, state } = boundedBody(request, multipart ? maxFileBytes + MULTIPART_ENVELOPE_BYTES : MAX_SMALL_FORM_BYTES)
	let formData: FormData
	try {
		// Parsing through a Response keeps the original Content-Type (with its boundary).
		formData = await new Response(stream, { headers: { 'Content-Type': request.headers.get('Content-Type')! } }).formData()
	} catch {
		throw new UploadFormError(state.overLimit ? 'tooLarge' : 'malformed')
	}

	// No prototype, so a field named "__proto__" or "constructor" is just a field.
	const fields: Record<string, string> = Object.create(null) as Record<string, string>
	let file: File | null = null
	let files = 0
	for (const [name, value] of formData) {
		if (typeof value === 'string') {
			if (!Object.hasOwn(fields, name)) fields[name] = value
			continue
		}
		// An empty file input is sent as a part with no name and no bytes: "no file chosen".
		if (value.size === 0 && value.name === '') continue
		files++
		if (files > 1) throw new UploadFormError('tooManyFiles')
		if (name === fileField) file = value
	}
	return { file, fields, multipart }
}
