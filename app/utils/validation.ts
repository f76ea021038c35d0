import { z } from 'zod'

/** Encodes an i18n key with parameters in a zod message (see components/forms.tsx). */
export function msg(key: string, params?: Record<string, string | number>) {
	return params ? `${key}|${JSON.stringify(params)}` : key
}

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

// conform sends empty inputs as undefined, so "required" shows as the first message.
export const requiredText = (max: number, min = 1) =>
	z
		.string({ error: msg('validation.required') })
		.trim()
		.min(min, msg(min <= 1 ? 'validation.required' : 'validation.tooShort', { min }))
		.max(max, msg('validation.tooLong', { max }))

export const optionalText = (max: number) => z.string().trim().max(max, msg('validation.tooLong', { max })).optional()

export const EmailSchema = z
	.string({ error: msg('validation.required') })
	.trim()
	.max(254, msg('validation.tooLong', { max: 254 }))
	.pipe(z.email({ error: msg('validation.email') }))

export const PasswordSchema = z
	.string({ error: msg('validation.required') })
	.min(PASSWORD_MIN, msg('validation.passwordTooShort', { min: PASSWORD_MIN }))
	.max(PASSWORD_MAX, msg('validation.tooLong', { max: PASSWORD_MAX }))

/** Mã số thuế: 10 digits, or 10 digits, a hyphen and 3 for a dependent unit. */
export const TaxCodeSchema = z
	.string()
	.trim()
	.regex(/^\d{10}(-\d{3})?$/, msg('validation.taxCode'))
	.optional()

export const PhoneSchema = z
	.string()
	.trim()
	.regex(/^\+?[0-9 ().-]{8,20}$/, msg('validation.phone'))
	.optional()

export const UrlSchema = z
	.string()
	.trim()
	.max(300, msg('validation.tooLong', { max: 300 }))
	.pipe(z.url({ protocol: /^https?$/, error: msg('validation.url') }))
	.optional()

export const LocaleSchema = z.enum(['vi', 'en'], { error: msg('validation.invalid') })

export const OrganisationTypeSchema = z.enum(['ENTERPRISE', 'RESEARCH_INSTITUTE', 'UNIVERSITY', 'BROKER_FIRM', 'AGENCY'], {
	error: msg('validation.choose'),
})

export const ProvinceCodeSchema = z
	.string({ error: msg('validation.choose') })
	.regex(/^\d{2}$/, msg('validation.choose'))
