// Decides from a file's bytes what it is, whatever its name or the browser's Content-Type say.
import { fileTypeFromBlob, supportedExtensions } from 'file-type'
import {
	ALLOWED_TYPES,
	MAX_FILE_BYTES,
	MAX_FILE_NAME_BYTES,
	MAX_FILE_NAME_CHARS,
	uploadErrorCode,
	type AllowedType,
	type FileKind,
	type UploadErrorCode,
} from '~/uploads/rules'

export {
	ALLOWED_TYPES,
	MAX_ATTACHMENTS_PER_LISTING,
	MAX_FILE_BYTES,
	MAX_FILE_NAME_BYTES,
	MAX_FILE_NAME_CHARS,
	MULTIPART_ENVELOPE_BYTES,
} from '~/uploads/rules'

export type InspectResult =
	| {
			ok: true
			mime: string
			/** The canonical extension of the detected type. */
			ext: string
			kind: FileKind
			/** The cleaned display name, ending in an extension that matches the content. */
			fileName: string
	  }
	| { ok: false; code: UploadErrorCode }

// file-type's verdicts we accept, mapped to our types. Animated PNG is still a PNG to a browser.
const BY_DETECTED_EXT = new Map<string, AllowedType>()
for (const type of ALLOWED_TYPES) BY_DETECTED_EXT.set(type.ext, type)
BY_DETECTED_EXT.set('apng', ALLOWED_TYPES.find((type) => type.ext === 'png')!)

// Extensions that name a file type. A name ending in one of these that contradicts the content is
// refused (a PNG named .docx, a PDF named .exe): the person picked the wrong file, or someone hopes
// a later program trusts the name. A name with no or an unknown extension ("Báo cáo v1.2") just
// gets the right one appended.
const KNOWN_EXTENSIONS = new Set<string>([
	...[...supportedExtensions].map((ext) => ext.toLowerCase()),
	...['htm', 'html', 'xhtml', 'shtml', 'svg', 'svgz', 'xml', 'xsl', 'js', 'mjs', 'cjs', 'css', 'json', 'txt', 'csv', 'md'],
	...['doc', 'dot', 'xls', 'xlt', 'ppt', 'pps', 'odp', 'rtf', 'hwp', 'pages', 'numbers', 'key'],
	...['exe', 'com', 'scr', 'bat', 'cmd', 'ps1', 'vbs', 'vbe', 'wsf', 'hta', 'msi', 'dll', 'sh', 'php', 'jsp', 'asp', 'aspx', 'py', 'pl', 'rb'],
	...['jpeg', 'jpe', 'jfif', 'tiff', 'heif', 'bmp', 'url', 'lnk', 'iso', 'img'],
])

/** How many leading bytes are checked for markup; browsers that sniff look at the first 512. */
export const SNIFF_HEAD_BYTES = 1024

// Markup at the start of a file that a sniffing browser, or a store serving files without our
// headers, could render as a page. Allowed formats never start with it.
const MARKUP = /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|script[\s>/]|svg[\s>/:]|iframe[\s>/]|\?xml-stylesheet)/i

function looksLikeMarkup(head: Uint8Array) {
	// latin1 maps each byte to one character, so UTF-16 tricks aside, markup shows as itself.
	const text = Buffer.from(head).toString('latin1').replace(/\0/g, '')
	return MARKUP.test(text)
}

const DEFAULT_BASE_NAME = 'tep-dinh-kem'
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i
// Characters Windows refuses in names, plus quotes and angle brackets that have no place in a header.
const UNSAFE_CHARACTERS = /["*:<>?|]/g
// Control, format (bidi overrides that make "gpj.exe" look like "exe.jpg", zero-width), private-use,
// unassigned and lone surrogate code points.
const INVISIBLE = /\p{C}/gu

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' })

function graphemes(value: string) {
	return Array.from(segmenter.segment(value), (segment) => segment.segment)
}

/** The lower-cased extension of a name ("Báo cáo.PDF" -> "pdf"), or null when it has none. */
export function extensionOf(name: string) {
	const dot = name.lastIndexOf('.')
	if (dot <= 0) return null
	const ext = name.slice(dot + 1).toLowerCase()
	return /^[a-z0-9]{1,10}$/.test(ext) ? ext : null
}

// A letter with its marks is a few code points; "Zalgo" text stacks hundreds onto one letter.
const MAX_CODE_POINTS_PER_GRAPHEME = 4

function tameMarks(value: string) {
	return graphemes(value)
		.map((g) => Array.from(g).slice(0, MAX_CODE_POINTS_PER_GRAPHEME).join(''))
		.join('')
}

function fitLength(base: string, ext: string | null) {
	const suffix = ext ? `.${ext}` : ''
	let parts = graphemes(base)
	const room = Math.max(1, MAX_FILE_NAME_CHARS - suffix.length)
	if (parts.length > room) parts = parts.slice(0, room)
	while (parts.length > 1 && Buffer.byteLength(parts.join('') + suffix) > MAX_FILE_NAME_BYTES) parts.pop()
	// Cutting may leave a trailing space or dot, which Windows drops and "name..pdf" hides.
	const fitted = parts.join('').replace(/[\s.]+$/, '')
	return (fitted || DEFAULT_BASE_NAME) + suffix
}

/**
 * A display name that is safe to show, to store and to offer in Content-Disposition: NFC, only the
 * last path segment, no control or invisible characters, no characters Windows refuses, no leading
 * dots (hidden files, ".."), no trailing dots or spaces, no reserved device names, at most
 * MAX_FILE_NAME_CHARS characters and MAX_FILE_NAME_BYTES bytes, a lower-case extension, never
 * empty. Vietnamese letters stay.
 */
export function cleanFileName(raw: string) {
	let name = String(raw).normalize('NFC')
	name = name.replace(INVISIBLE, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : ''))
	// Browsers send only the base name, but older ones (and scripts) send "C:\fakepath\x.pdf".
	name = name.split(/[/\\]/).pop() ?? ''
	name = tameMarks(name.replace(UNSAFE_CHARACTERS, '_').replace(/\s+/g, ' ')).normalize('NFC')
	name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '')
	if (WINDOWS_RESERVED.test(name)) name = `_${name}`
	if (!name) name = DEFAULT_BASE_NAME
	const ext = extensionOf(name)
	const base = ext ? name.slice(0, name.length - ext.length - 1) : name
	return fitLength(base, ext)
}

function withExtension(name: string, type: AllowedType) {
	const ext = extensionOf(name)
	if (ext && type.exts.includes(ext)) return name
	return fitLength(name, type.ext)
}

const fail = (name: Parameters<typeof uploadErrorCode>[0]): InspectResult => ({ ok: false, code: uploadErrorCode(name) })

/**
 * What the file is, judged from its content: one of ALLOWED_TYPES, or a refusal code
 * (`uploads.errors.empty`, `.tooLarge`, `.type`, `.extensionMismatch`). The name only decides
 * the display name, and a name whose extension names another type is refused.
 */
export async function inspectFile(file: Blob, rawName: string): Promise<InspectResult> {
	if (file.size === 0) return fail('empty')
	if (file.size > MAX_FILE_BYTES) return fail('tooLarge')

	const head = new Uint8Array(await file.slice(0, SNIFF_HEAD_BYTES).arrayBuffer())
	if (looksLikeMarkup(head)) return fail('type')

	let detected: { ext: string; mime: string } | undefined
	try {
		detected = await fileTypeFromBlob(file)
	} catch {
		// A truncated or malformed container: not something we can vouch for.
		return fail('type')
	}
	const type = detected ? BY_DETECTED_EXT.get(detected.ext) : undefined
	if (!type) return fail('type')

	const cleaned = cleanFileName(rawName)
	const claimed = extensionOf(cleaned)
	if (claimed && !type.exts.includes(claimed) && KNOWN_EXTENSIONS.has(claimed)) return fail('extensionMismatch')

	return { ok: true, mime: type.mime, ext: type.ext, kind: type.kind, fileName: withExtension(cleaned, type) }
}
