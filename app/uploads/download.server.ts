// Response headers for serving stored files so that nothing in them can run in the browser.
import { allowedTypeByMime } from '~/uploads/rules'

/** "Báo cáo kỹ thuật (bản 2).pdf" -> "Bao cao ky thuat (ban 2).pdf": for clients that ignore filename*. */
export function asciiFileName(name: string) {
	const ascii = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		// Only characters that need no quoting or escaping inside a quoted-string.
		.replace(/[^A-Za-z0-9 ._()+,=@-]/g, '_')
		.replace(/^[\s.]+/, '')
		.trim()
	return ascii || 'file'
}

/** RFC 8187 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves alone. */
function encodeExtValue(value: string) {
	return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<utf-8>` (RFC 6266), safe for any display name. */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment') {
	return `${disposition}; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`
}

export type DownloadHeaderInput = {
	fileName: string
	mimeType: string
	size: number
	sha256: string
	/** Whether anyone may fetch it; decides between shared caching and no-store. */
	isPublic: boolean
}

/**
 * Headers for a stored file. The type is the one sniffed at upload and must still be on the allowed
 * list (else octet-stream); nosniff stops browsers guessing another; the sandboxing CSP means even a
 * file opened as a page has no script, no same origin and loads nothing; only raster images are
 * `inline`, and never SVG or HTML, which uploads refuse anyway.
 */
export function downloadHeaders(file: DownloadHeaderInput) {
	const type = allowedTypeByMime(file.mimeType)
	const headers = new Headers({
		'Content-Type': type?.mime ?? 'application/octet-stream',
		'Content-Length': String(file.size),
		'Content-Disposition': contentDisposition(file.fileName, type?.inline ? 'inline' : 'attachment'),
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy': "default-src 'none'; sandbox",
		'Cross-Origin-Resource-Policy': 'same-origin',
		// A public file may become restricted later (the listing is archived, the file marked
		// confidential), so shared caches keep it only briefly.
		'Cache-Control': file.isPublic ? 'public, max-age=600' : 'private, no-store',
	})
	// The bytes behind an id never change, so their hash is a strong validator.
	if (file.isPublic) headers.set('ETag', `"${file.sha256}"`)
	return headers
}

/** Whether the client already holds this version (If-None-Match), so a 304 will do. */
export function isNotModified(request: Request, sha256: string) {
	const header = request.headers.get('If-None-Match')
	if (!header) return false
	return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === `"${sha256}"`)
}
