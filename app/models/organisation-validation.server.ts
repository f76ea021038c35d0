import { OrganisationFormSchema } from '~/models/organisation-schema'
import { provinceExists } from '~/models/reference.server'
import { prisma } from '~/utils/db.server'
import { msg } from '~/utils/validation'

/** The form schema plus database checks (province exists, tax code unique, AGENCY reserved), as field errors. */
export function organisationServerSchema(options: { organisationId?: string; allowAgency?: boolean }) {
	return OrganisationFormSchema.superRefine(async (v, ctx) => {
		if (v.type === 'AGENCY' && !options.allowAgency) ctx.addIssue({ code: 'custom', path: ['type'], message: msg('validation.choose') })
		if (!(await provinceExists(v.provinceCode))) ctx.addIssue({ code: 'custom', path: ['provinceCode'], message: msg('validation.province') })
		if (v.taxCode) {
			const holder = await prisma.organisation.findUnique({ where: { taxCode: v.taxCode }, select: { id: true } })
			if (holder && holder.id !== options.organisationId) ctx.addIssue({ code: 'custom', path: ['taxCode'], message: msg('validation.taxCodeTaken') })
		}
	})
}
