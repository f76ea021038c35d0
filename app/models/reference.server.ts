import type { AppLocale } from '~/locales'
import { prisma } from '~/utils/db.server'

/** The 34 provinces for pickers, named in the reader's language, sorted as Vietnamese readers expect. */
export async function listProvinces(locale: AppLocale) {
	const rows = await prisma.province.findMany({ select: { code: true, nameVi: true, nameEn: true } })
	const collator = new Intl.Collator(locale === 'vi' ? 'vi' : 'en')
	return rows
		.map((p) => ({ code: p.code, name: locale === 'vi' ? p.nameVi : p.nameEn }))
		.sort((a, b) => collator.compare(a.name, b.name))
}

export async function provinceExists(code: string) {
	return Boolean(await prisma.province.findUnique({ where: { code }, select: { code: true } }))
}

export type FieldOption = { code: string; name: string; level: number }

let fieldCache: { at: number; rows: Array<{ code: string; level: number; nameVi: string; nameEn: string }> } | undefined

/** The S&T field classification in tree order (parents before children), named in the reader's language. Cached: it changes only by migration. */
export async function listScienceFields(locale: AppLocale): Promise<FieldOption[]> {
	if (!fieldCache || Date.now() - fieldCache.at > 10 * 60_000) {
		const rows = await prisma.scienceField.findMany({ select: { code: true, level: true, nameVi: true, nameEn: true }, orderBy: { code: 'asc' } })
		fieldCache = { at: Date.now(), rows }
	}
	// Codes sort as strings: "1" < "101" < "10101" < "102" keeps each child right after its parent.
	return fieldCache.rows.map((r) => ({ code: r.code, level: r.level, name: locale === 'vi' ? r.nameVi : r.nameEn }))
}

/** Names of the given field codes, for cards and detail pages. */
export async function fieldNames(codes: readonly string[], locale: AppLocale) {
	const all = await listScienceFields(locale)
	const byCode = new Map(all.map((f) => [f.code, f.name]))
	return Object.fromEntries(codes.map((c) => [c, byCode.get(c) ?? c]))
}
