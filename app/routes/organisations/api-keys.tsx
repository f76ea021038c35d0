import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/api-keys'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, FormErrors } from '~/components/forms'
import { intlLocale, isLocale } from '~/locales'
import { createApiKey, listApiKeys, MAX_ACTIVE_KEYS, revokeApiKey } from '~/models/api-key.server'
import { answerOrganisationError, canManage, getOrganisationBySlug, membershipRole } from '~/models/organisation.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'
import { msg, requiredText } from '~/utils/validation'

// The model's API_KEY_NAME_MAX; repeated here because a .server module cannot reach the browser.
const NAME_MAX = 80

const CreateKeySchema = z.object({
	intent: z.literal('create'),
	name: requiredText(NAME_MAX, 2),
})

const RevokeKeySchema = z.object({
	intent: z.literal('revoke'),
	keyId: z.string({ error: msg('validation.required') }).min(1).max(64),
})

export const meta: Route.MetaFunction = ({ matches, data: d }) =>
	d ? pageTitle(matches, 'api.keys.title', { name: d.organisation.name }) : pageTitle(matches, 'api.keys.metaTitle')

// A plain key may be in this page's answer: nobody may keep a copy of it.
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })

/** The signed-in owner or admin of the organisation in the URL; others get 403 (404 for no such organisation). */
async function requireKeyManager(request: Request, slug: string) {
	const user = await requireUser(request)
	const organisation = await getOrganisationBySlug(slug)
	invariantResponse(organisation, 'errors.notFound', { status: 404 })
	invariantResponse(canManage(await membershipRole(user.id, organisation.id)), 'errors.forbidden', { status: 403 })
	return { user, organisation }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { organisation } = await requireKeyManager(request, params.slug)
	const keys = await listApiKeys(organisation.id)
	const url = new URL(request.url)
	// Revoking asks first on a page of its own (?revoke=<id>), so it works without JavaScript.
	const confirming = keys.find((k) => k.id === url.searchParams.get('revoke') && !k.revokedAt) ?? null
	const revoked = keys.find((k) => k.id === url.searchParams.get('revoked') && k.revokedAt) ?? null
	return {
		organisation: { name: organisation.name, slug: organisation.slug },
		keys: keys.map((k) => ({ ...k, createdBy: k.createdBy?.name ?? null })),
		confirming: confirming ? { id: confirming.id, name: confirming.name, prefix: confirming.prefix } : null,
		revoked: revoked ? { name: revoked.name } : null,
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { user, organisation } = await requireKeyManager(request, params.slug)
	await consume('writeUser', user.id)
	const formData = await request.formData()

	if (formData.get('intent') === 'revoke') {
		const parsed = RevokeKeySchema.safeParse(Object.fromEntries(formData))
		if (!parsed.success) return data({ intent: 'revoke' as const, error: 'errors.badRequest', result: null, created: null }, { status: 400 })
		const outcome = await answerOrganisationError(() => revokeApiKey(user.id, organisation.id, parsed.data.keyId))
		if (!outcome.ok) return data({ intent: 'revoke' as const, error: outcome.error, result: null, created: null }, { status: outcome.status })
		return redirect(`/organisations/${organisation.slug}/api-keys?revoked=${encodeURIComponent(outcome.value.id)}`)
	}

	const submission = parseWithZod(formData, { schema: CreateKeySchema })
	if (submission.status !== 'success') return data({ intent: 'create' as const, error: null, result: submission.reply(), created: null }, { status: 400 })
	const outcome = await answerOrganisationError(() => createApiKey(user.id, organisation.id, submission.value.name))
	if (!outcome.ok) {
		return data({ intent: 'create' as const, error: null, result: submission.reply({ formErrors: [msg(outcome.error, { max: MAX_ACTIVE_KEYS })] }), created: null }, { status: outcome.status })
	}
	// Answered, not redirected: the plain key exists only in this response.
	const { name, prefix, plainKey } = outcome.value
	return { intent: 'create' as const, error: null, result: submission.reply({ resetForm: true }), created: { name, prefix, plainKey } }
}

function CopyButton({ text }: { text: string }) {
	const { t } = useTranslation()
	const [available, setAvailable] = useState(false)
	const [copied, setCopied] = useState(false)
	// Rendered once hydrated and only where the clipboard API exists; the hint covers the rest.
	useEffect(() => setAvailable(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), [])
	if (!available) return null
	return (
		<button
			type="button"
			className="button button--small"
			onClick={() => {
				void navigator.clipboard.writeText(text).then(() => setCopied(true))
			}}
		>
			{copied ? t('api.keys.copied') : t('api.keys.copy')}
		</button>
	)
}

export default function ApiKeysPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation()
	const navigation = useNavigation()
	const { organisation, keys, confirming, revoked } = loaderData
	const locale = isLocale(i18n.language) ? i18n.language : 'vi'
	const date = (value: Date | string | null) => (value ? new Date(value).toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }) : null)
	const created = actionData?.created ?? null
	const [form, fields] = useForm({
		id: 'create-key',
		lastResult: actionData?.intent === 'create' ? actionData.result : undefined,
		constraint: getZodConstraint(CreateKeySchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateKeySchema }),
		shouldRevalidate: 'onBlur',
	})
	const busy = navigation.state === 'submitting'
	const base = `/organisations/${organisation.slug}`

	return (
		<div className="page">
			<p>
				<Link to={base}>← {t('api.keys.backToOrganisation')}</Link>
			</p>
			<h1>{t('api.keys.title', { name: organisation.name })}</h1>
			<p className="muted">
				{t('api.keys.lead')} <a href="/api/v1/openapi.json">{t('api.keys.docsLink')}</a>
			</p>

			{created ? (
				<section className="card notice notice--success" role="status" aria-labelledby="created-key-title" data-testid="created-key">
					<h2 id="created-key-title">{t('api.keys.createdTitle', { name: created.name })}</h2>
					<p>
						<strong>{t('api.keys.createdHint')}</strong>
					</p>
					<div className="actions-row">
						<label className="visually-hidden" htmlFor="plain-key">
							{t('api.keys.plainKey')}
						</label>
						<input
							id="plain-key"
							readOnly
							value={created.plainKey}
							size={created.plainKey.length}
							spellCheck={false}
							autoComplete="off"
							onFocus={(event) => event.currentTarget.select()}
						/>
						<CopyButton text={created.plainKey} />
					</div>
					<p className="muted">{t('api.keys.copyHint')}</p>
					<p className="muted">
						<code>{t('api.keys.usage')}</code>
					</p>
				</section>
			) : null}

			{revoked ? (
				<p className="notice notice--success" role="status">
					{t('api.keys.revoked', { name: revoked.name })}
				</p>
			) : null}
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{t(actionData.error as 'errors.server')}
				</p>
			) : null}

			{confirming ? (
				<section className="card" role="alertdialog" aria-labelledby="revoke-title" aria-describedby="revoke-warning">
					<h2 id="revoke-title">{t('api.keys.revokeTitle', { name: confirming.name })}</h2>
					<p id="revoke-warning">
						<code>{confirming.prefix}…</code> {t('api.keys.revokeWarning')}
					</p>
					<Form method="post" action={`${base}/api-keys`} className="actions-row">
						<input type="hidden" name="intent" value="revoke" />
						<input type="hidden" name="keyId" value={confirming.id} />
						<button type="submit" className="button button--danger" disabled={busy}>
							{t('api.keys.revokeConfirm')}
						</button>
						<Link to={`${base}/api-keys`} className="button button--ghost">
							{t('common.cancel')}
						</Link>
					</Form>
				</section>
			) : null}

			<section className="card">
				<h2>{t('api.keys.listTitle')}</h2>
				{keys.length === 0 ? (
					<p className="muted">{t('api.keys.empty')}</p>
				) : (
					<div className="table-wrap">
						<table className="table" data-testid="api-key-table">
							<thead>
								<tr>
									<th scope="col">{t('api.keys.name')}</th>
									<th scope="col">{t('api.keys.prefix')}</th>
									<th scope="col">{t('api.keys.createdAt')}</th>
									<th scope="col">{t('api.keys.lastUsed')}</th>
									<th scope="col">{t('api.keys.status')}</th>
									<th scope="col">{t('common.actions')}</th>
								</tr>
							</thead>
							<tbody>
								{keys.map((key) => (
									<tr key={key.id}>
										<td>{key.name}</td>
										<td>
											<code>{key.prefix}…</code>
										</td>
										<td>
											{date(key.createdAt)}
											{key.createdBy ? (
												<div className="muted">
													{t('api.keys.createdBy')}: {key.createdBy}
												</div>
											) : null}
										</td>
										<td>{date(key.lastUsedAt) ?? <span className="muted">{t('api.keys.neverUsed')}</span>}</td>
										<td>
											{key.revokedAt ? (
												<span className="badge badge--muted">{t('api.keys.revokedAt', { date: date(key.revokedAt) })}</span>
											) : (
												<span className="badge badge--ok">{t('api.keys.active')}</span>
											)}
										</td>
										<td>
											{key.revokedAt ? null : (
												<Link to={`?revoke=${encodeURIComponent(key.id)}`} className="button button--ghost button--danger button--small">
													{t('api.keys.revoke')}
												</Link>
											)}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>

			<section className="card">
				<h2>{t('api.keys.createTitle')}</h2>
				<Form method="post" action={`${base}/api-keys`} {...getFormProps(form)}>
					<FormErrors id={form.errorId} errors={form.errors} />
					<input type="hidden" name="intent" value="create" />
					<Field label={t('api.keys.name')} meta={fields.name} hint={t('api.keys.nameHint')} autoComplete="off" />
					<button type="submit" className="button" disabled={busy}>
						{t('api.keys.create')}
					</button>
				</Form>
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
