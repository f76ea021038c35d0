// Reference lookups for imported rows: S&T fields by code or name, with a suggestion when unknown.
import { scienceFields } from '../../prisma/reference/science-fields.ts'
import { foldVietnamese } from '~/utils/provinces'
import { editDistance } from '~/utils/text'

const byCode = new Map(scienceFields.map((f) => [f.code, f]))
const byName = new Map<string, string>()
for (const f of scienceFields) {
	for (const name of [f.nameVi, f.nameEn]) {
		const key = foldVietnamese(name)
		// "Khác" leaves repeat under several parents: a name that is not unique cannot stand for a code.
		byName.set(key, byName.has(key) && byName.get(key) !== f.code ? '' : f.code)
	}
}

export type FieldLookup = { code: string } | { code: null; suggestion: { code: string; nameVi: string; nameEn: string } | null }

/**
 * A field as people write it: "40501", "405 - Thủy sản", "405 Fisheries", or its name in either
 * language. Unknown codes and names come back with the closest known one as a suggestion.
 */
export function lookUpField(input: string): FieldLookup {
	const text = input.normalize('NFC').trim()
	const code = /^(\d{1,5})(?:\s*[-–:.)]\s*|\s+|$)/.exec(text)?.[1]
	if (code) {
		if (byCode.has(code)) return { code }
		return { code: null, suggestion: closestCode(code) }
	}
	const key = foldVietnamese(text)
	const named = byName.get(key)
	if (named) return { code: named }
	return { code: null, suggestion: closestName(key) }
}

function describe(code: string) {
	const f = byCode.get(code)!
	return { code: f.code, nameVi: f.nameVi, nameEn: f.nameEn }
}

// The known code sharing the longest prefix at the fewest edits ("40599" -> "40501", not "10599").
function closestCode(code: string) {
	let best: { code: string; score: number } | null = null
	for (const f of scienceFields) {
		const distance = editDistance(code, f.code)
		let prefix = 0
		while (prefix < code.length && code[prefix] === f.code[prefix]) prefix++
		if (prefix === 0 && distance > 1) continue
		const score = distance - 1.5 * prefix + (f.code.length === code.length ? 0 : 0.1)
		if (!best || score < best.score) best = { code: f.code, score }
	}
	return best ? describe(best.code) : null
}

function closestName(key: string) {
	let best: { code: string; distance: number } | null = null
	for (const [name, code] of byName) {
		if (!code) continue
		const distance = editDistance(key, name)
		if (!best || distance < best.distance) best = { code, distance }
	}
	return best && best.distance <= Math.max(2, Math.floor(key.length / 4)) ? describe(best.code) : null
}

export function fieldExists(code: string) {
	return byCode.has(code)
}
