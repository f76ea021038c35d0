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

export function countScienceFields() {
	return prisma.scienceField.count()
}
