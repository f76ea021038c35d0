import type { RouterContextProvider } from 'react-router'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { fieldNames } from '~/models/reference.server'
import { invariantResponse } from '~/utils/http.server'
import { foldVietnamese } from '~/utils/provinces'
import { getTaskResult, type TaskResultDetail } from './query.server'

const nameKey = (name: string) => foldVietnamese(name).replace(/[^a-z0-9]+/g, ' ').trim()

/**
 * The people of a task as registered (the PI, then the members), each linked to the expert profile
 * that took part in this task under that name, when there is one.
 */
export function taskPeople(record: Pick<TaskResultDetail, 'principalInvestigator' | 'members' | 'experts'>) {
	const byName = new Map(record.experts.map((e) => [nameKey(e.expert.fullName), e.expert.id]))
	const people: Array<{ name: string; role: 'PRINCIPAL_INVESTIGATOR' | 'MEMBER'; expertId: string | null }> = []
	if (record.principalInvestigator) people.push({ name: record.principalInvestigator, role: 'PRINCIPAL_INVESTIGATOR', expertId: byName.get(nameKey(record.principalInvestigator)) ?? null })
	for (const member of record.members) people.push({ name: member, role: 'MEMBER', expertId: byName.get(nameKey(member)) ?? null })
	return people
}

/** Data for /task-results/:id; 404 when the id is unknown. */
export async function taskResultDetailLoader({ params, context }: { request: Request; params: { id?: string }; context: Readonly<RouterContextProvider> }) {
	const locale = getLocale(context) as AppLocale
	const taskResult = await getTaskResult(params.id ?? '')
	invariantResponse(taskResult, 'errors.notFound', { status: 404 })
	return {
		locale,
		taskResult,
		people: taskPeople(taskResult),
		fieldNames: await fieldNames(taskResult.fieldCodes, locale),
	}
}

export type TaskResultDetailData = Awaited<ReturnType<typeof taskResultDetailLoader>>
