import { formerProvinces, provinces } from '../../prisma/reference/provinces.ts'
import { editDistance } from './text.ts'

export type ResolvedProvince = {
	/** Code of the current (post-1 July 2025) unit. */
	code: string
	/** Name of the current unit. */
	nameVi: string
	/** True when the input named or coded a unit or name no longer in use, e.g. "Hà Giang", "27". */
	former: boolean
}

/**
 * Vietnamese text reduced to what people can be expected to type the same way: any Unicode form,
 * no tone or vowel marks, đ as d, lower case, single spaces. "Đắk  Lắk" and "dak lak" fold alike.
 */
export function foldVietnamese(s: string) {
	return s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim()
}

// Longest first, so "thanh pho truc thuoc trung uong" is not left half stripped as "truc thuoc...".
const prefixes = ['thanh pho truc thuoc trung uong', 'thanh pho', 'tinh', 't p', 'tp']
const suffixes = ['viet nam', 'vietnam', 'province', 'city']

/**
 * The comparison key of a place name: folded, punctuation read as spaces ("TP.HCM", "Bà Rịa–Vũng
 * Tàu"), the administrative prefix or English suffix dropped, then spaces removed so that "Hanoi",
 * "Ha Noi" and "Hà  Nội" meet.
 */
function placeKey(input: string) {
	let s = foldVietnamese(input).replace(/[^a-z0-9]+/g, ' ').trim()
	for (const prefix of prefixes) {
		if (s.startsWith(`${prefix} `)) {
			s = s.slice(prefix.length + 1)
			break
		}
	}
	for (let changed = true; changed;) {
		changed = false
		for (const suffix of suffixes) {
			if (s.endsWith(` ${suffix}`)) {
				s = s.slice(0, -suffix.length - 1)
				changed = true
			}
		}
	}
	return s.replace(/ /g, '')
}

// Everyday names the official lists do not carry. Keyed by current code or by former code.
const currentAliases: Readonly<Record<string, ReadonlyArray<string>>> = {
	'01': ['HN'],
	'79': ['HCM', 'TPHCM', 'HCMC', 'Sài Gòn', 'Thành phố Hồ Chí Minh', 'Hồ Chí Minh'],
}
const formerAliases: Readonly<Record<string, ReadonlyArray<string>>> = {
	'46': ['Thừa Thiên Huế', 'TT Huế', 'TT-Huế'],
	'66': ['Đắc Lắc'],
	'77': ['BRVT'],
}

const currentByCode = new Map(provinces.map(province => [province.code, province]))
const formerByCode = new Map(formerProvinces.map(former => [former.code, former]))

const byKey = (() => {
	const index = new Map<string, ResolvedProvince>()
	const add = (name: string, resolved: ResolvedProvince) => {
		const key = placeKey(name)
		const existing = index.get(key)
		// A current name and the former unit of the same name point to the same place; anything
		// else sharing a key would make lookups ambiguous, so fail when the module loads.
		if (existing && existing.code !== resolved.code) {
			throw new Error(`Province key "${key}" is ambiguous: ${existing.code} and ${resolved.code}`)
		}
		if (!existing) index.set(key, resolved)
	}
	for (const province of provinces) {
		const resolved = { code: province.code, nameVi: province.nameVi, former: false }
		add(province.nameVi, resolved)
		add(province.nameEn, resolved)
		for (const alias of currentAliases[province.code] ?? []) add(alias, resolved)
	}
	for (const former of formerProvinces) {
		const target = currentByCode.get(former.provinceCode)
		if (!target) throw new Error(`Former province ${former.code} maps to unknown ${former.provinceCode}`)
		const resolved = { code: target.code, nameVi: target.nameVi, former: true }
		add(former.nameVi, resolved)
		for (const alias of formerAliases[former.code] ?? []) add(alias, resolved)
	}
	return index
})()

/**
 * The current provincial unit meant by a name or code as people write it: current or former names,
 * with or without marks or prefixes ("Tỉnh Hà Giang", "TP.HCM", "Thừa Thiên Huế", "Ha Noi"), or a
 * two-digit code. Two-digit codes are read as current codes first, then as former ones; the two never
 * disagree, since each current unit took the code of one of its former parts. Returns null when
 * nothing matches, never a guess.
 */
export function resolveProvince(input: string): ResolvedProvince | null {
	const trimmed = input.normalize('NFC').trim()
	if (/^\d{1,2}$/.test(trimmed)) {
		// Spreadsheets drop the leading zero of "01".
		const code = trimmed.padStart(2, '0')
		const current = currentByCode.get(code)
		if (current) return { code: current.code, nameVi: current.nameVi, former: false }
		const former = formerByCode.get(code)
		const target = former && currentByCode.get(former.provinceCode)
		return target ? { code: target.code, nameVi: target.nameVi, former: true } : null
	}
	const key = placeKey(trimmed)
	if (!key) return null
	const found = byKey.get(key)
	return found ? { ...found } : null
}

/**
 * The known name closest to an unrecognised one ("Thanh Hao" is one letter off "Thanh Hóa"), with the
 * current unit it belongs to, for "did you mean" messages. Current names win ties over former ones.
 * Null when nothing is close enough to be a likely typo.
 */
export function suggestProvince(input: string): (ResolvedProvince & { name: string }) | null {
	const key = placeKey(input)
	if (key.length < 2) return null
	let best: { name: string; resolved: ResolvedProvince; score: number } | null = null
	for (const { key: candidate, name, resolved } of names) {
		const score = editDistance(key, candidate) + (resolved.former ? 0.5 : 0)
		if (!best || score < best.score) best = { name, resolved, score }
	}
	return best && best.score <= Math.max(1, Math.floor(key.length / 4)) + 0.5 ? { ...best.resolved, name: best.name } : null
}

const names = [
	...provinces.flatMap((p) => [p.nameVi, p.nameEn].map((name) => ({ key: placeKey(name), name: p.nameVi, resolved: { code: p.code, nameVi: p.nameVi, former: false } }))),
	...formerProvinces.map((f) => {
		const target = currentByCode.get(f.provinceCode)!
		return { key: placeKey(f.nameVi), name: f.nameVi, resolved: { code: target.code, nameVi: target.nameVi, former: true } }
	}),
]
