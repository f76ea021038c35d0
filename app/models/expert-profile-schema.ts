// Isomorphic: the claimed expert's editor validates with this in the browser and in its action.
import { z } from 'zod'
import { ACADEMIC_TITLES, DEGREES, EXPERT_LIMITS, type Publication } from '~/models/expert-schema'
import { FieldCodesSchema, keywordsSchema } from '~/models/listing-schema'
import { msg } from '~/utils/validation'

const line = (max: number) =>
	z
		.string()
		.max(max, msg('validation.tooLong', { max }))
		.transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())

const text = (max: number) =>
	z
		.string()
		.max(max, msg('validation.tooLong', { max }))
		.transform((v) => v.normalize('NFC').replace(/\r\n/g, '\n').trim())

const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.boolean()])
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true')

// Typed as one line separated by commas or semicolons: trimmed, without duplicates (ignoring case).
const Keywords = keywordsSchema(EXPERT_LIMITS.keywords, 3000)

const Year = z.coerce
	.number({ error: msg('expertProfile.errors.year') })
	.int(msg('expertProfile.errors.year'))
	.min(1900, msg('expertProfile.errors.year'))
	.max(2100, msg('expertProfile.errors.year'))

/** One line of the publications the expert adds; a line left blank is no publication. */
const PublicationLine = z
	.object({
		title: line(EXPERT_LIMITS.publicationTitle).optional(),
		year: Year.optional(),
		venue: line(EXPERT_LIMITS.line).optional(),
	})
	.superRefine((v, ctx) => {
		if (!v.title && (v.year !== undefined || v.venue)) ctx.addIssue({ code: 'custom', path: ['title'], message: msg('expertProfile.errors.publicationTitle') })
	})

const Publications = z
	.array(PublicationLine.optional())
	.optional()
	.transform((lines, ctx): Publication[] => {
		const out = (lines ?? []).filter((p) => p?.title).map((p) => ({ title: p!.title!, year: p!.year ?? null, venue: p!.venue ?? '' }))
		if (out.length > EXPERT_LIMITS.publications) {
			ctx.addIssue({ code: 'custom', message: msg('expertProfile.errors.tooManyPublications', { max: EXPERT_LIMITS.publications }) })
			return z.NEVER
		}
		return out
	})

/** What a claimed expert edits on their own profile. Name and e-mail are not among them. */
export const ExpertProfileFormSchema = z.object({
	academicTitle: z.enum(ACADEMIC_TITLES, { error: msg('validation.choose') }).optional(),
	degree: z.enum(DEGREES, { error: msg('validation.choose') }).optional(),
	organisationName: line(EXPERT_LIMITS.line).optional(),
	provinceCode: z
		.string()
		.regex(/^\d{2}$/, msg('validation.province'))
		.optional(),
	fieldCodes: FieldCodesSchema,
	keywords: Keywords,
	bio: text(EXPERT_LIMITS.bio).optional(),
	availableForAppraisal: checkbox,
	availableForConsulting: checkbox,
	availabilityNote: text(EXPERT_LIMITS.availabilityNote).optional(),
	publications: Publications,
})

export type ExpertProfileInput = z.infer<typeof ExpertProfileFormSchema>
