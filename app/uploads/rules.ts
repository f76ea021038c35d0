// Upload rules shared by the server (which enforces them) and the upload form (which states them).
// No server imports here: components import this module into the browser bundle.

/** Largest accepted file: 20 MiB, enough for a scanned patent or a slide deck. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

/** Files one offer or demand may carry. */
export const MAX_ATTACHMENTS_PER_LISTING = 10

/** Longest display name kept, in characters (graphemes); longer names are shortened before the extension. */
export const MAX_FILE_NAME_CHARS = 120

/** Longest display name in UTF-8 bytes, under the 255-byte file-name limit of common file systems. */
export const MAX_FILE_NAME_BYTES = 240

/** Room for the multipart envelope (boundaries, part headers, the small text fields) around the file. */
export const MULTIPART_ENVELOPE_BYTES = 64 * 1024

/** Limit for the url-encoded delete form, which carries only a few short fields. */
export const MAX_SMALL_FORM_BYTES = 16 * 1024

export type FileKind = 'pdf' | 'image' | 'document' | 'spreadsheet' | 'presentation'

export type AllowedType = {
	/** The canonical extension, appended when a name has none. */
	ext: string
	/** Every extension a name may carry for this content. */
	exts: readonly string[]
	mime: string
	kind: FileKind
	/** Raster images may be shown in the browser (never SVG: it can carry script). */
	inline: boolean
}

/**
 * What may be attached, decided from the bytes. Deliberately absent:
 * - SVG, HTML, XML, plain text: markup a browser might run or render as a page;
 * - legacy Word/Excel/PowerPoint (.doc/.xls/.ppt): their container (CFB) is shared by Windows
 *   installers (.msi) and carries VBA macros, and cannot be told apart from the first bytes;
 *   people are asked to save as .docx/.xlsx/.pptx or PDF;
 * - macro-enabled OOXML (.docm, .xlsm, .pptm) and other zip archives.
 */
export const ALLOWED_TYPES: readonly AllowedType[] = [
	{ ext: 'pdf', exts: ['pdf'], mime: 'application/pdf', kind: 'pdf', inline: false },
	{ ext: 'png', exts: ['png'], mime: 'image/png', kind: 'image', inline: true },
	{ ext: 'jpg', exts: ['jpg', 'jpeg'], mime: 'image/jpeg', kind: 'image', inline: true },
	{ ext: 'webp', exts: ['webp'], mime: 'image/webp', kind: 'image', inline: true },
	{ ext: 'gif', exts: ['gif'], mime: 'image/gif', kind: 'image', inline: true },
	{ ext: 'docx', exts: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'document', inline: false },
	{ ext: 'xlsx', exts: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'spreadsheet', inline: false },
	{ ext: 'pptx', exts: ['pptx'], mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', kind: 'presentation', inline: false },
	// OpenDocument: listed among the document standards for Vietnamese state bodies (Thông tư 39/2017/TT-BTTTT).
	{ ext: 'odt', exts: ['odt'], mime: 'application/vnd.oasis.opendocument.text', kind: 'document', inline: false },
	{ ext: 'ods', exts: ['ods'], mime: 'application/vnd.oasis.opendocument.spreadsheet', kind: 'spreadsheet', inline: false },
]

/** The allowed type with this MIME type, if any. */
export function allowedTypeByMime(mime: string) {
	return ALLOWED_TYPES.find((type) => type.mime === mime)
}

/** For `<input type="file" accept>`: extensions and MIME types, so every browser's picker filters. */
export const ACCEPT_ATTRIBUTE = [...ALLOWED_TYPES.flatMap((type) => type.exts.map((ext) => `.${ext}`)), ...ALLOWED_TYPES.map((type) => type.mime)].join(',')

/** Extensions shown to people in the form's hint. */
export const ALLOWED_EXTENSIONS_LABEL = ALLOWED_TYPES.map((type) => type.ext.toUpperCase()).join(', ')

/** Every refusal, with its HTTP status. The keys are i18n keys under `uploads.errors`. */
export const UPLOAD_ERRORS = {
	missing: 400,
	malformed: 400,
	tooManyFiles: 400,
	intent: 400,
	forbidden: 403,
	notFound: 404,
	tooMany: 409,
	tooLarge: 413,
	notMultipart: 415,
	type: 415,
	extensionMismatch: 415,
	empty: 422,
	rateLimited: 429,
	server: 500,
} as const

export type UploadErrorName = keyof typeof UPLOAD_ERRORS
export type UploadErrorCode = `uploads.errors.${UploadErrorName}`

export function uploadErrorCode(name: UploadErrorName): UploadErrorCode {
	return `uploads.errors.${name}`
}

export function uploadErrorStatus(code: UploadErrorCode) {
	return UPLOAD_ERRORS[code.slice('uploads.errors.'.length) as UploadErrorName]
}

export function isUploadErrorCode(value: unknown): value is UploadErrorCode {
	return typeof value === 'string' && value.startsWith('uploads.errors.') && Object.hasOwn(UPLOAD_ERRORS, value.slice('uploads.errors.'.length))
}

/** The query parameter that carries a refusal back to the form page. */
export const UPLOAD_ERROR_PARAM = 'uploadError'

/**
 * The refusal named in a page's URL (`?uploadError=uploads.errors.type`), or null. Only known codes
 * pass, so a crafted link cannot make the page show arbitrary translation keys.
 */
export function uploadErrorFrom(url: URL | string | URLSearchParams): UploadErrorCode | null {
	const params = url instanceof URLSearchParams ? url : new URL(url, 'http://localhost').searchParams
	const value = params.get(UPLOAD_ERROR_PARAM)
	return isUploadErrorCode(value) ? value : null
}
