import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/webhooks'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/forms'
import { isLocale, type AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { answerOrganisationError } from '~/models/organisation.server'
import { listProvinces } from '~/models/reference.server'
import { formatDateTime } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'
import { msg } from '~/utils/validation'
import { SecretReveal, VerifyHelp, webhookFormConstraint, WebhookFields } from '~/webhooks/components'
import { MAX_WEBHOOKS } from '~/webhooks/events'
import { requireWebhookPage } from '~/webhooks/pages.server'
import { WebhookFormSchema } from '~/webhooks/schema'
import { createWebhook, listWebhooks, webhookChecks } from '~/webhooks/subscriptions.server'

export const meta: Route.MetaFunction = ({ matches, data: d }) =>
	d ? pageTitle(matches, 'webhooks.title', { name: d.organisation.name }) : pageTitle(matches, 'webhooks.metaTitle')

// A new secret may be in this page's answer: nobody may keep a copy of it.
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })

const localeOf = (value: string): AppLocale => (isLocale(value) ? value : 'vi')

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { user, organisation } = await requireWebhookPage(request, params.slug)
	const url = new URL(request.url)
	return {
		organisation: { name: organisation.name, slug: organisation.slug },
		webhooks: await listWebhooks(user.id, organisation.id),
		provinces: await listProvinces(localeOf(getLocale(context))),
		deleted: url.searchParams.get('deleted')?.slice(0, 300) ?? null,
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { user, organisation } = await requireWebhookPage(request, params.slug)
	await consume('writeUser', user.id)
	const submission = await parseWithZod(await request.formData(), { schema: webhookChecks(WebhookFormSchema), async: true })
	if (submission.status !== 'success') return data({ result: submission.reply(), created: null }, { status: 400 })
	const { description, provinceCode, ...rest } = submission.value
	const outcome = await answerOrganisationError(() => createWebhook(user.id, organisation.id, { ...rest, description: description ?? '', provinceCode: provinceCode ?? null }))
	if (!outcome.ok) return data({ result: submission.reply({ formErrors: [msg(outcome.error, { max: MAX_WEBHOOKS })] }), created: null }, { status: outcome.status })
	// Answered, not redirected: the secret exists in clear only in this response.
	const { webhook, secret } = outcome.value
	return { result: submission.reply({ resetForm: true }), created: { id: webhook.id, url: webhook.url, secret } }
}

export default function WebhooksPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation()
	const navigation = useNavigation()
	const locale = isLocale(i18n.language) ? i18n.language : 'vi'
	const { organisation, webhooks, provinces, deleted } = loaderData
	const created = actionData?.created ?? null
	const [form, fields] = useForm({
		id: 'create-webhook',
		lastResult: actionData?.result,
		constraint: webhookFormConstraint(),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: WebhookFormSchema }),
		shouldRevalidate: 'onBlur',
	})
	const base = `/organisations/${organisation.slug}`
	const busy = navigation.state === 'submitting'

	return (
		<div className="page">
			<p>
				<Link to={base}>← {t('webhooks.backToOrganisation')}</Link>
			</p>
			<h1>{t('webhooks.title', { name: organisation.name })}</h1>
			<p className="muted">{t('webhooks.lead')}</p>
			<VerifyHelp />

			{created ? (
				<>
					<SecretReveal title={t('webhooks.secret.createdTitle')} secret={created.secret} />
					<p>
						<Link to={`${base}/webhooks/${created.id}`}>{t('webhooks.list.open')} →</Link>
					</p>
				</>
			) : null}
			{deleted ? (
				<p className="notice notice--success" role="status">
					{t('webhooks.detail.deleted', { url: deleted })}
				</p>
			) : null}

			<section className="card">
				<h2>{t('webhooks.list.title')}</h2>
				{webhooks.length === 0 ? (
					<p className="muted">{t('webhooks.list.empty')}</p>
				) : (
					<div className="table-wrap">
						<table className="table" data-testid="webhook-table">
							<thead>
								<tr>
									<th scope="col">{t('webhooks.list.url')}</th>
									<th scope="col">{t('webhooks.list.events')}</th>
									<th scope="col">{t('webhooks.list.status')}</th>
									<th scope="col">{t('webhooks.list.lastDelivery')}</th>
									<th scope="col">{t('common.actions')}</th>
								</tr>
							</thead>
							<tbody>
								{webhooks.map((hook) => (
									<tr key={hook.id}>
										<td>
											<code>{hook.url}</code>
											{hook.description ? <div className="muted">{hook.description}</div> : null}
										</td>
										<td>
											<ul className="plain-list">
												{hook.events.map((type) => (
													<li key={type}>{t(`webhooks.events.${type}` as 'webhooks.events.ping', { defaultValue: type })}</li>
												))}
											</ul>
											{hook.fieldCodes.length > 0 || hook.provinceCode ? (
												<div className="muted">
													{t('webhooks.list.filters', {
														filters: [
															hook.fieldCodes.length > 0 ? t('webhooks.list.fieldFilter', { codes: hook.fieldCodes.join(', ') }) : null,
															hook.provinceCode ? t('webhooks.list.provinceFilter', { code: provinces.find((p) => p.code === hook.provinceCode)?.name ?? hook.provinceCode }) : null,
														]
															.filter(Boolean)
															.join('; '),
													})}
												</div>
											) : null}
										</td>
										<td>
											{hook.active ? (
												<span className="badge badge--ok">{t('webhooks.status.active')}</span>
											) : (
												<span className="badge badge--muted">{t('webhooks.status.disabled')}</span>
											)}
										</td>
										<td>
											{hook.lastDelivery ? (
												<>
													<span className={`badge ${hook.lastDelivery.status === 'SUCCEEDED' ? 'badge--ok' : hook.lastDelivery.status === 'FAILED' ? 'badge--error' : 'badge--muted'}`}>
														{t(`webhooks.deliveryStatus.${hook.lastDelivery.status}`)}
													</span>{' '}
													{hook.lastDelivery.lastStatusCode ? <code>{hook.lastDelivery.lastStatusCode}</code> : null}
													<div className="muted">{formatDateTime(hook.lastDelivery.updatedAt, locale)}</div>
												</>
											) : (
												<span className="muted">{t('webhooks.list.never')}</span>
											)}
										</td>
										<td>
											<Link to={`${base}/webhooks/${hook.id}`} className="button button--ghost button--small">
												{t('webhooks.list.open')}
											</Link>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>

			<section className="card">
				<h2>{t('webhooks.form.createTitle')}</h2>
				<Form method="post" action={`${base}/webhooks`} {...getFormProps(form)}>
					<FormErrors id={form.errorId} errors={form.errors} />
					<WebhookFields fields={fields} provinces={provinces} />
					<button type="submit" className="button" disabled={busy}>
						{t('webhooks.form.create')}
					</button>
				</Form>
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
