import { z } from 'zod'
import { msg, OrganisationTypeSchema, optionalText, PhoneSchema, ProvinceCodeSchema, requiredText, TaxCodeSchema, UrlSchema } from '~/utils/validation'

/** The organisation form, shared by the create and edit pages and the API. */
export const OrganisationFormSchema = z.object({
	name: requiredText(200, 2),
	shortName: optionalText(40),
	type: OrganisationTypeSchema,
	taxCode: TaxCodeSchema,
	provinceCode: ProvinceCodeSchema,
	address: optionalText(300),
	website: UrlSchema,
	email: z.string().trim().max(254).pipe(z.email({ error: msg('validation.email') })).optional(),
	phone: PhoneSchema,
	description: optionalText(5000),
})

export type OrganisationForm = z.infer<typeof OrganisationFormSchema>

/** Types a member may choose; AGENCY is reserved for operators. */
export const SELF_SERVICE_TYPES = ['ENTERPRISE', 'RESEARCH_INSTITUTE', 'UNIVERSITY', 'BROKER_FIRM'] as const

/** Owners and admins manage an organisation's details, members and keys. */
export function canManage(role: 'OWNER' | 'ADMIN' | 'MEMBER' | null | undefined) {
	return role === 'OWNER' || role === 'ADMIN'
}
