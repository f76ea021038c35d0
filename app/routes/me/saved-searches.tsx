import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/saved-searches'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList } from '~/components/forms'
import { AlertFields } from '~/components/search/alert-fields'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { deleteSavedSearch, listSavedSearches, SavedSearchError, SavedSearchSettingsSchema, updateSavedSearch } from '~/models/saved-search.server'
import { SAVED_NAME_MAX } from '~/models/saved-search.shared'
import { requireUser } from '~/utils/auth.server'
import { formatDate } from '~/utils/format'
import { invariantResponse } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'search.saved.title')

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const rows = await listSavedSearches(user.id)
	const done = new URL(request.url).searchParams.get('done')
	return {
		locale: getLocale(context) as AppLocale,
		done: done === 'updated' || done === 'deleted' ? done : null,
		items: rows.map((r) => ({ id: r.id, name: r.name, query: r.query, frequency: r.frequency, channel: r.channel, createdAt: r.createdAt.toISOString() })),
	}
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	const formData = await request.formData()
	const id = String(formData.get('id') ?? '')
	const intent = formData.get('intent')
	invariantResponse(id && (intent === 'update' || intent === 'delete'), 'errors.badRequest', { status: 400 })
	try {
		if (intent === 'delete') {
			await deleteSavedSearch(user.id, id)
			return redirect('/me/saved-searches?done=deleted')
		}
		const submission = parseWithZod(formData, { schema: SavedSearchSettingsSchema })
		const values = Object.fromEntries(['name', 'frequency', 'channel'].map((k) => [k, String(formData.get(k) ?? '')]))
		if (submission.status !== 'success') return data({ id, errors: submission.reply().error ?? {}, values, error: null }, { status: 400 })
		await updateSavedSearch(user.id, id, submission.value)
		return redirect('/me/saved-searches?done=updated')
	} catch (error) {
		if (error instanceof SavedSearchError) return data({ id, errors: {}, values: null, error: error.key }, { status: error.status })
		throw error
	}
}

export default function SavedSearchesPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	return (
		<div className="page narrow">
			<h1>{t('search.saved.title')}</h1>
			<p className="lead">{t('search.saved.lead')}</p>
			{loaderData.done && !actionData ? (
				<p className="notice notice--success" role="status">
					{t(loaderData.done === 'deleted' ? 'search.saved.deleted' : 'search.saved.updated')}
				</p>
			) : null}
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{tk(actionData.error)}
				</p>
			) : null}
			{loaderData.items.length === 0 ? <p className="empty">{t('search.saved.none')}</p> : null}
			<ul className="stack" data-testid="saved-searches">
				{loaderData.items.map((item) => {
					const mine = actionData?.id === item.id ? actionData : undefined
					const errors = (mine?.errors ?? {}) as Record<string, string[] | null>
					const typed = mine?.values ?? undefined
					return (
						<li key={item.id} className="card" data-testid="saved-search">
							<p className="meta-line">
								<Link to={`/search${item.query ? `?${item.query}` : ''}`}>{t('search.saved.open')}</Link>
								<span className="muted">{t('search.saved.createdAt', { date: formatDate(item.createdAt, loaderData.locale) })}</span>
							</p>
							<Form method="post" className="stack">
								<input type="hidden" name="id" value={item.id} />
								<div className="field">
									<label htmlFor={`name-${item.id}`}>{t('search.saved.name')}</label>
									<input id={`name-${item.id}`} name="name" defaultValue={typed?.name ?? item.name} maxLength={SAVED_NAME_MAX} aria-invalid={errors.name?.length ? true : undefined} />
									<ErrorList errors={errors.name} />
								</div>
								<AlertFields idPrefix={`saved-${item.id}`} frequency={typed?.frequency || item.frequency} channel={typed?.channel || item.channel} />
								<div className="actions-row">
									<button type="submit" name="intent" value="update" className="button" disabled={navigation.state === 'submitting'}>
										{t('search.saved.update')}
									</button>
									<button type="submit" name="intent" value="delete" className="button button--ghost" disabled={navigation.state === 'submitting'}>
										{t('search.saved.delete')}
									</button>
								</div>
							</Form>
						</li>
					)
				})}
			</ul>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
