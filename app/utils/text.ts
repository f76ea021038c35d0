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

/** Edit distance (Levenshtein, a swap of two neighbours counting as one), for "did you mean" suggestions. */
export function editDistance(a: string, b: string) {
	const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1
			d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
		}
	}
	return d[a.length]![b.length]!
}

/** "nguyen.an@vnu.edu.vn" -> "n•••@vnu.edu.vn": enough to recognise one's own address, not to write to it. */
export function maskEmail(email: string) {
	const at = email.lastIndexOf('@')
	if (at < 1) return '•••'
	return `${email[0]}•••${email.slice(at)}`
}
