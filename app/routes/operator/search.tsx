import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/search'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList } from '~/components/forms'
import { createSynonym, deleteSynonym, listSynonyms, SynonymError, SynonymTermsSchema, updateSynonym } from '~/models/search-synonym.server'
import { reconcileIndex } from '~/search/reconcile.server'
import { indexStatus } from '~/search/status.server'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'search.synonyms.title')

export async function loader({ request }: Route.LoaderArgs) {
	await requireRole(request, 'OPERATOR')
	const url = new URL(request.url)
	const [synonyms, status] = await Promise.all([listSynonyms(), indexStatus()])
	const done = url.searchParams.get('done')
	const drift = ['missing', 'stale', 'extra'].map((k) => Number(url.searchParams.get(k) ?? 0))
	return { synonyms, status, done: done === 'added' || done === 'updated' || done === 'deleted' || done === 'reconciled' ? done : null, drift }
}

const Intent = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('add'), terms: SynonymTermsSchema }),
	z.object({ intent: z.literal('update'), id: z.string().min(1), terms: SynonymTermsSchema }),
	z.object({ intent: z.literal('delete'), id: z.string().min(1) }),
	z.object({ intent: z.literal('reconcile') }),
])

export async function action({ request }: Route.ActionArgs) {
	const user = await requireRole(request, 'OPERATOR')
	await consume('writeUser', user.id)
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: Intent })
	const id = String(formData.get('id') ?? '')
	const typed = String(formData.get('terms') ?? '')
	if (submission.status !== 'success') return data({ id, typed, errors: submission.reply().error ?? {}, error: null }, { status: 400 })
	const v = submission.value
	try {
		if (v.intent === 'add') await createSynonym(user.id, v.terms)
		else if (v.intent === 'update') await updateSynonym(user.id, v.id, v.terms)
		else if (v.intent === 'delete') await deleteSynonym(user.id, v.id)
		else {
			const drift = await reconcileIndex()
			return redirect(`/operator/search?done=reconciled&missing=${drift.missing}&stale=${drift.stale}&extra=${drift.extra}`)
		}
	} catch (error) {
		if (error instanceof SynonymError) return data({ id, typed, errors: {}, error: error.key }, { status: error.status })
		throw error
	}
	return redirect(`/operator/search?done=${v.intent === 'add' ? 'added' : v.intent === 'update' ? 'updated' : 'deleted'}`)
}

export default function OperatorSearch({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const busy = useNavigation().state === 'submitting'
	const { synonyms, status, done, drift } = loaderData
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	const errorsFor = (id: string) => (actionData && actionData.id === id ? (actionData.errors as Record<string, string[] | null>) : {})
	return (
		<div className="stack">
			{done && !actionData ? (
				<p className="notice notice--success" role="status" data-testid="search-admin-done">
					{done === 'reconciled'
						? t('search.index.reconciled', { missing: drift[0], stale: drift[1], extra: drift[2] })
						: tk(`search.synonyms.${done}`)}
				</p>
			) : null}
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{tk(actionData.error)}
				</p>
			) : null}
			<section className="card" data-testid="search-index-status">
				<h2>{t('search.index.title')}</h2>
				<p>{t('search.index.engine', { engine: status.engine === 'postgres' ? 'PostgreSQL' : 'Meilisearch' })}</p>
				<dl className="card-facts">
					<div>
						<dt>{t('search.index.documents')}</dt>
						<dd>{status.documents ?? '—'}</dd>
					</div>
					<div>
						<dt>{t('search.index.pending')}</dt>
						<dd>{status.pending}</dd>
					</div>
					<div>
						<dt>{t('search.index.failing')}</dt>
						<dd>{status.failing}</dd>
					</div>
				</dl>
				<Form method="post">
					<button type="submit" name="intent" value="reconcile" className="button button--ghost" disabled={busy}>
						{t('search.index.reconcile')}
					</button>
				</Form>
				<p className="muted">{t('search.index.rebuildHint')}</p>
			</section>
			<section className="card">
				<h2>{t('search.synonyms.title')}</h2>
				<p className="muted">{t('search.synonyms.lead')}</p>
				<Form method="post" className="stack" data-testid="synonym-add">
					<div className="field">
						<label htmlFor="synonym-new">{t('search.synonyms.terms')}</label>
						<input id="synonym-new" name="terms" defaultValue={actionData?.id === '' ? actionData.typed : ''} key={actionData?.id === '' ? actionData.typed : 'new'} aria-describedby="synonym-new-hint" />
						<p id="synonym-new-hint" className="field-hint">
							{t('search.synonyms.termsHint')}
						</p>
						<ErrorList errors={errorsFor('').terms} />
					</div>
					<button type="submit" name="intent" value="add" className="button" disabled={busy}>
						{t('search.synonyms.add')}
					</button>
				</Form>
				<p className="muted">{t('search.synonyms.count', { count: synonyms.length })}</p>
				<ul className="stack" data-testid="synonyms">
					{synonyms.map((s) => (
						<li key={s.id}>
							<Form method="post" className="actions-row">
								<input type="hidden" name="id" value={s.id} />
								<label htmlFor={`syn-${s.id}`} className="visually-hidden">
									{t('search.synonyms.terms')}
								</label>
								<input id={`syn-${s.id}`} name="terms" defaultValue={actionData?.id === s.id ? actionData.typed : s.terms.join(', ')} size={60} />
								<button type="submit" name="intent" value="update" className="button button--ghost" disabled={busy}>
									{t('search.synonyms.save')}
								</button>
								<button type="submit" name="intent" value="delete" className="button button--ghost" disabled={busy}>
									{t('search.synonyms.delete')}
								</button>
								<ErrorList errors={errorsFor(s.id).terms} />
							</Form>
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
