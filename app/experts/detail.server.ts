import type { RouterContextProvider } from 'react-router'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { fieldNames } from '~/models/reference.server'
import { invariantResponse } from '~/utils/http.server'
import { expertiseSummary } from './expertise'
import { getExpert } from './query.server'

/** Data for /experts/:id (never the e-mail, only its masked hint); 404 when the id is unknown. */
export async function expertDetailLoader({ params, context }: { request: Request; params: { id?: string }; context: Readonly<RouterContextProvider> }) {
	const locale = getLocale(context) as AppLocale
	const expert = await getExpert(params.id ?? '')
	invariantResponse(expert, 'errors.notFound', { status: 404 })
	const expertise = expertiseSummary({
		fieldCodes: expert.fieldCodes,
		keywords: expert.keywords,
		tasks: expert.tasks.map((t) => ({ role: t.role, ...t.taskResult })),
		publications: expert.publications,
	})
	return {
		locale,
		expert,
		expertise,
		fieldNames: await fieldNames([...expert.fieldCodes, ...expertise.fields.map((f) => f.code)], locale),
	}
}

export type ExpertDetailData = Awaited<ReturnType<typeof expertDetailLoader>>
