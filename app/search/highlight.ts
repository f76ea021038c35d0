// Marks the words of a text that a query matched, whatever their diacritics, as plain runs that
// the page renders in <mark>: no HTML is ever built from indexed text.
import { foldDiacritics } from '../../matching'
import type { Highlighted } from './types'

type Needle = { folded: string; prefix: boolean }

const WORD = /[\p{L}\p{N}\p{M}]+/gu

/** `text` cut into runs, those whose folded word is a query word (or starts with a prefix) marked. */
export function highlight(text: string, needles: readonly Needle[]): Highlighted {
	const source = text.normalize('NFC')
	if (needles.length === 0) return source ? [{ text: source, match: false }] : []
	const out: Highlighted = []
	let last = 0
	for (const m of source.matchAll(WORD)) {
		const folded = foldDiacritics(m[0])
		const hit = needles.some((n) => (n.prefix ? folded.startsWith(n.folded) : folded === n.folded))
		if (!hit) continue
		const gap = source.slice(last, m.index)
		// "nuôi tôm": marked words with only spaces between read as one marked phrase.
		const joins = out.at(-1)?.match === true && /^\s+$/.test(gap)
		if (gap) push(out, gap, joins)
		push(out, m[0], true)
		last = m.index + m[0].length
	}
	if (last < source.length) push(out, source.slice(last), false)
	return out
}

function push(out: Highlighted, text: string, match: boolean) {
	const prev = out.at(-1)
	if (prev && prev.match === match) prev.text += text
	else out.push({ text, match })
}

/**
 * A window of about `length` characters of `text` around its first matched word, cut at word
 * boundaries, with an ellipsis where it was cut.
 */
export function snippet(text: string, needles: readonly Needle[], length = 220): Highlighted {
	const clean = text.replace(/\s+/g, ' ').trim()
	if (clean.length <= length) return highlight(clean, needles)
	const runs = highlight(clean, needles)
	let offset = 0
	let first = -1
	for (const r of runs) {
		if (r.match) {
			first = offset
			break
		}
		offset += r.text.length
	}
	let start = first < 0 ? 0 : Math.max(0, first - Math.floor(length / 3))
	if (start > 0) {
		const space = clean.indexOf(' ', start)
		start = space < 0 || space > first ? start : space + 1
	}
	let end = Math.min(clean.length, start + length)
	if (end < clean.length) {
		const space = clean.lastIndexOf(' ', end)
		if (space > start) end = space
	}
	// The runs already found, cut to the window (words are not folded a second time).
	const out: Highlighted = start > 0 ? [{ text: '… ', match: false }] : []
	let at = 0
	for (const r of runs) {
		const from = Math.max(start, at)
		const to = Math.min(end, at + r.text.length)
		if (from < to) push(out, r.text.slice(from - at, to - at), r.match)
		at += r.text.length
	}
	if (end < clean.length) push(out, ' …', false)
	return out
}

/** The plain text of highlighted runs. */
export function plain(runs: Highlighted) {
	return runs.map((r) => r.text).join('')
}
