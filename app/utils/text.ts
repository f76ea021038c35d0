/** NFC, trimmed, inner runs of white space collapsed: how every user-typed line is stored. */
export function cleanLine(value: string) {
	return value.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** Lower-cased NFC e-mail, so "An@X.vn" and "an@x.vn" are one account. */
export function normalizeEmail(value: string) {
	return value.normalize('NFC').trim().toLowerCase()
}

/** A URL slug from Vietnamese text: "Viện Công nghệ Thủy sản" -> "vien-cong-nghe-thuy-san". */
export function slugify(value: string) {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
}
