// Light English stemming: plural and common inflection endings only, so "membranes" meets
// "membrane" and "filtering" meets "filter", without the aggressive conflation of a full Porter
// stemmer ("university" and "universe"). Vietnamese syllables never end in -s, -ed or -ing, so a
// folded Vietnamese word passes through unchanged; the caller skips accented words anyway.

const VOWEL = /[aeiouy]/

/** The light stem of a lower-case ASCII word; other words are returned as they are. */
export function lightStem(word: string): string {
	if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word
	let w = word
	if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
	else if (w.endsWith('sses')) w = w.slice(0, -2)
	else if (w.endsWith('xes') || w.endsWith('ches') || w.endsWith('shes')) w = w.slice(0, -2)
	else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1)
	if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3))
	else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2))
	else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2)
	// "filter" and "filtered" meet; "membrane" and "membranes" meet; "produce" and "produced" meet
	// by dropping a final e everywhere.
	if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1)
	return w
}

function undouble(stem: string): string {
	const last = stem.at(-1)
	if (stem.length > 3 && last === stem.at(-2) && last !== undefined && !'lsz'.includes(last) && !VOWEL.test(last)) return stem.slice(0, -1)
	return stem
}
