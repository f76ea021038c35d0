// Request schemas of the API: the routes validate with them and the OpenAPI document is generated
// from them (z.toJSONSchema), so the two cannot drift apart. Messages are i18n keys.
import { z } from 'zod'
import { prisma } from '~/utils/db.server'
import {
	EmailSchema,
	LocaleSchema,
	msg,
	OrganisationTypeSchema,
	PhoneSchema,
	ProvinceCodeSchema,
	requiredText,
	TaxCodeSchema,
	UrlSchema,
} from '~/utils/validation'

const nullableText = (max: number) =>
	z
		.string({ error: msg('validation.invalid') })
		.trim()
		.max(max, msg('validation.tooLong', { max }))
		.nullable()
		.optional()

export const MePatchSchema = z.strictObject({
	name: requiredText(120, 2).optional(),
	locale: LocaleSchema.optional(),
})

// Without .optional(): the object decides what may be left out.
const organisationFields = {
	name: requiredText(200, 2),
	shortName: nullableText(50),
	type: OrganisationTypeSchema,
	taxCode: TaxCodeSchema.nullable(),
	provinceCode: ProvinceCodeSchema,
	address: nullableText(300),
	website: UrlSchema.nullable(),
	email: EmailSchema.nullable().optional(),
	phone: PhoneSchema.nullable(),
	description: nullableText(5000),
}

/** The documented shape of a new organisation (the database checks are added by organisationCreateSchema). */
export const OrganisationCreateBase = z.strictObject(organisationFields)
/** The documented shape of a change: any subset of the fields; null clears an optional one. */
export const OrganisationPatchBase = z.strictObject(organisationFields).partial()

type OrganisationChecks = { provinceCode?: string; taxCode?: string | null }

/** Checks that need the database report like any other field error. */
function checkAgainstDatabase(exceptOrganisationId?: string) {
	return async (value: OrganisationChecks, ctx: z.RefinementCtx) => {
		const [province, taxHolder] = await Promise.all([
			value.provinceCode ? prisma.province.findUnique({ where: { code: value.provinceCode }, select: { code: true } }) : null,
			value.taxCode ? prisma.organisation.findUnique({ where: { taxCode: value.taxCode }, select: { id: true } }) : null,
		])
		if (value.provinceCode && !province) ctx.addIssue({ code: 'custom', path: ['provinceCode'], message: msg('api.errors.unknownProvince') })
		if (taxHolder && taxHolder.id !== exceptOrganisationId) {
			ctx.addIssue({ code: 'custom', path: ['taxCode'], message: msg('validation.taxCodeTaken') })
		}
	}
}

export const organisationCreateSchema = () => OrganisationCreateBase.superRefine(checkAgainstDatabase())

export const organisationPatchSchema = (organisationId: string) => OrganisationPatchBase.superRefine(checkAgainstDatabase(organisationId))

const booleanQuery = z.enum(['true', 'false', '1', '0'], { error: msg('api.errors.booleanExpected') }).transform((v) => v === 'true' || v === '1')

export const OrganisationListQuery = z.object({
	type: OrganisationTypeSchema.optional(),
	province: ProvinceCodeSchema.optional(),
	verified: booleanQuery.optional(),
	q: z.string().trim().max(100, msg('validation.tooLong', { max: 100 })).optional(),
})

const MembershipRoleSchema = z.enum(['OWNER', 'ADMIN', 'MEMBER'], { error: msg('validation.choose') })
const MembershipId = z.string({ error: msg('api.errors.membershipIdRequired') }).trim().min(1, msg('api.errors.membershipIdRequired')).max(64)

export const MemberAddSchema = z.strictObject({
	email: EmailSchema,
	role: MembershipRoleSchema.default('MEMBER'),
})

export const MemberRoleSchema = z.strictObject({
	membershipId: MembershipId,
	role: MembershipRoleSchema,
})

export const MemberRemoveSchema = z.strictObject({
	membershipId: MembershipId,
})

export const MemberListQuery = z.object({
	status: z.enum(['ACTIVE', 'PENDING', 'ALL'], { error: msg('validation.choose') }).optional(),
})

export const FieldsQuery = z.object({
	level: z.enum(['1', '2', '3'], { error: msg('validation.choose') }).transform(Number).optional(),
	parent: z
		.string()
		.regex(/^\d{1,5}$/, msg('api.errors.unknownScienceField'))
		.optional(),
	format: z.enum(['flat', 'tree'], { error: msg('validation.choose') }).default('flat'),
})

export const NotificationsReadSchema = z.union(
	[
		z.strictObject({ ids: z.array(z.string().min(1).max(64), { error: msg('api.errors.idsOrAll') }).min(1, msg('api.errors.idsOrAll')).max(200) }),
		z.strictObject({ all: z.literal(true, { error: msg('api.errors.idsOrAll') }) }),
	],
	{ error: msg('api.errors.idsOrAll') },
)
