// Vietnamese and English text handling shared by search (app/search) and matching: one idea of
// what a word is, so a query and a document are cut and folded the same way everywhere.

const TONE = '[\u0300\u0301\u0303\u0309\u0323]'
// "hòa" and "hoà", "thủy" and "thuỷ" are the same word in two spelling conventions; the tone of a
// final oa, oe or uy is moved onto its second vowel so both spellings give one word.
const OLD_TONE_PLACEMENT = new RegExp(`([ou])(${TONE})([aey])(?![\\p{L}\\p{M}])`, 'gu')

/** NFC, lower case, one tone placement, runs of white space collapsed: the exact form of a text. */
export function normalizeText(input: string): string {
	return input
		.normalize('NFD')
		.toLocaleLowerCase('vi')
		.replace(OLD_TONE_PLACEMENT, (all, v: string, tone: string, next: string) =>
			(v === 'o' && (next === 'a' || next === 'e')) || (v === 'u' && next === 'y') ? `${v}${next}${tone}` : all,
		)
		.normalize('NFC')
		.replace(/\s+/g, ' ')
		.trim()
}

/** Diacritics dropped and đ read as d ("Công nghệ" -> "cong nghe"); lower case. */
export function foldDiacritics(input: string): string {
	return input
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[đĐ]/g, 'd')
		.normalize('NFC')
		.toLocaleLowerCase('vi')
}

/** True when folding changes the (normalised) word, i.e. it carries Vietnamese diacritics. */
export function hasDiacritics(word: string): boolean {
	return foldDiacritics(word) !== word
}

const WORD = /[\p{L}\p{N}]+/gu

/**
 * The words of a text in exact form: NFC, lower case, split on anything that is neither a letter
 * nor a digit ("KC.01.05/16-20" gives kc, 01, 05, 16, 20; "IoT" gives iot). Vietnamese words are
 * syllables, so "nuôi tôm" is two words; phrases are matched by position, not by joining.
 */
export function words(input: string): string[] {
	return normalizeText(input).match(WORD) ?? []
}

/** Adjacent words joined ("cong nghe nuoi" -> "cong nghe", "nghe nuoi"): multi-syllable terms. */
export function syllableBigrams(tokens: readonly string[]): string[] {
	const out: string[] = []
	for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`)
	return out
}
