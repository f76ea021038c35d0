import { z } from 'zod'
import { cleanLine } from '~/utils/text'
import { msg } from '~/utils/validation'

// Isomorphic: the operator's form validates with it in the browser, the model again on the server.

export const NDA_LIMITS = {
	title: { min: 3, max: 200 },
	body: { min: 20, max: 50_000 },
} as const

// PostgreSQL text cannot hold U+0000: refused as a field error instead of failing the insert.
const NUL = '\u0000'

/** Markdown as stored: NFC, Windows line ends made Unix, outer blank space trimmed (inner layout is meaning). */
export function cleanBody(value: string) {
	return value.normalize('NFC').replace(/\r\n?/g, '\n').trim()
}

const text = (limits: { min: number; max: number }, clean: (value: string) => string) =>
	z
		.string({ error: msg('validation.required') })
		.refine((s) => !s.includes(NUL), { message: msg('operator.nda.errors.nul'), abort: true })
		.transform(clean)
		.pipe(
			z
				.string()
				.min(limits.min, msg('validation.tooShort', { min: limits.min }))
				.max(limits.max, msg('validation.tooLong', { max: limits.max })),
		)

/** A new NDA version: both languages required, Vietnamese first. */
export const NdaTemplateSchema = z.object({
	titleVi: text(NDA_LIMITS.title, cleanLine),
	titleEn: text(NDA_LIMITS.title, cleanLine),
	bodyVi: text(NDA_LIMITS.body, cleanBody),
	bodyEn: text(NDA_LIMITS.body, cleanBody),
})

export type NdaTemplateInput = z.infer<typeof NdaTemplateSchema>
