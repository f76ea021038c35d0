// Readers for the fields task results and experts have in common. Each records its issues and
// returns undefined when the source does not carry the field (so an update keeps it).
import { resolveProvince, suggestProvince } from '~/utils/provinces'
import { cellList, cellText, type Cell } from './cells'
import type { Issues } from './issues'
import { lookUpField } from './reference'

/** A text field: undefined when absent, '' when present but empty (clears it). */
export function readText(
	raw: Record<string, Cell>,
	key: string,
	issues: Issues,
	{ required = false, min = 0, max, multiline = false }: { required?: boolean; min?: number; max: number; multiline?: boolean },
): string | undefined {
	if (!Object.hasOwn(raw, key)) {
		if (required) issues.add(key, 'required')
		return undefined
	}
	const text = cellText(raw[key], multiline)
	if (!text) {
		if (required) issues.add(key, 'required')
		return required ? undefined : ''
	}
	if (text.length < min) issues.add(key, 'tooShort', { min })
	else if (text.length > max) issues.add(key, 'tooLong', { max })
	else return text
	return undefined
}

/** S&T field codes (or names); unknown ones are refused with the closest known field. */
export function readFieldCodes(cell: Cell, issues: Issues, max: number) {
	const codes: string[] = []
	for (const item of cellList(cell, { commas: true })) {
		const found = lookUpField(item)
		if (found.code !== null) {
			if (!codes.includes(found.code)) codes.push(found.code)
		} else if (found.suggestion) {
			issues.add('fieldCodes', 'unknownFieldSuggest', { value: item.slice(0, 80), code: found.suggestion.code, nameVi: found.suggestion.nameVi, nameEn: found.suggestion.nameEn })
		} else {
			issues.add('fieldCodes', 'unknownField', { value: item.slice(0, 80) })
		}
	}
	if (codes.length > max) issues.add('fieldCodes', 'tooManyFields', { max })
	return codes
}

export function readKeywords(cell: Cell, issues: Issues, limits: { max: number; each: number }) {
	const keywords = cellList(cell)
	if (keywords.some((k) => k.length > limits.each)) issues.add('keywords', 'keywordTooLong', { max: limits.each })
	if (keywords.length > limits.max) issues.add('keywords', 'tooManyKeywords', { max: limits.max })
	return keywords
}

/** A province by current or former name or code, mapped to one of the 34 current units; null when empty. */
export function readProvince(cell: Cell, issues: Issues): string | null {
	const text = cellText(cell)
	if (!text) return null
	const found = resolveProvince(text)
	if (found) return found.code
	const suggestion = suggestProvince(text)
	if (suggestion) issues.add('province', suggestion.former ? 'unknownProvinceSuggestFormer' : 'unknownProvinceSuggest', { value: text.slice(0, 80), suggestion: suggestion.name, current: suggestion.nameVi })
	else issues.add('province', 'unknownProvince', { value: text.slice(0, 80) })
	return null
}
