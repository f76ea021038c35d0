import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/webhooks-detail'
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
import { SecretReveal, useAttemptError, VerifyHelp, webhookFormConstraint, WebhookFields } from '~/webhooks/components'
import { requireWebhookPage } from '~/webhooks/pages.server'
import { WebhookFormSchema } from '~/webhooks/schema'
import {
	DELIVERIES_PER_PAGE,
	deleteWebhook,
	getWebhook,
	listDeliveries,
	redeliver,
	rotateWebhookSecret,
	sendTestEvent,
	updateWebhook,
	webhookChecks,
} from '~/webhooks/subscriptions.server'

const UpdateSchema = WebhookFormSchema.extend({ intent: z.literal('update') })

const SimpleIntent = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('rotate') }),
	z.object({ intent: z.literal('ping') }),
	z.object({ intent: z.literal('enable') }),
	z.object({ intent: z.literal('disable') }),
	z.object({ intent: z.literal('delete') }),
	z.object({ intent: z.literal('redeliver'), deliveryId: z.string().min(1).max(64) }),
])

// Notices shown after a redirect (?done=…), each an i18n key.
const DONE = { ping: 'webhooks.detail.pingSent', enabled: 'webhooks.detail.enabled', disabled: 'webhooks.detail.disabled', updated: 'webhooks.detail.updated', redelivered: 'webhooks.log.redelivered' } as const

export const meta: Route.MetaFunction = ({ matches, data: d }) => (d ? pageTitle(matches, 'webhooks.detail.title', { url: d.webhook.url }) : pageTitle(matches, 'webhooks.metaTitle'))

// A rotated secret may be in this page's answer: nobody may keep a copy of it.
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })

function pageOf(url: URL) {
	const page = Number(url.searchParams.get('page'))
	return Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1
}

const localeOf = (value: string): AppLocale => (isLocale(value) ? value : 'vi')

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { user, organisation } = await requireWebhookPage(request, params.slug)
	const outcome = await answerOrganisationError(() => getWebhook(user.id, organisation.id, params.id))
	if (!outcome.ok) throw data({ message: outcome.error }, { status: outcome.status })
	const url = new URL(request.url)
	const page = pageOf(url)
	const log = await listDeliveries(user.id, organisation.id, params.id, { skip: (page - 1) * DELIVERIES_PER_PAGE, take: DELIVERIES_PER_PAGE })
	const done = url.searchParams.get('done')
	return {
		organisation: { name: organisation.name, slug: organisation.slug },
		webhook: outcome.value,
		deliveries: log.items,
		page,
		pages: Math.max(1, Math.ceil(log.total / DELIVERIES_PER_PAGE)),
		provinces: await listProvinces(localeOf(getLocale(context))),
		confirmingDelete: url.searchParams.get('delete') === '1',
		notice: done && Object.hasOwn(DONE, done) ? DONE[done as keyof typeof DONE] : null,
	}
}

type ActionData = { intent: string; result: SubmissionResult<string[]> | null; error: string | null; rotated: { secret: string; rotationEndsAt: Date | null } | null }

export async function action({ request, params }: Route.ActionArgs) {
	const { user, organisation } = await requireWebhookPage(request, params.slug)
	await consume('writeUser', user.id)
	const formData = await request.formData()
	const self = `/organisations/${organisation.slug}/webhooks/${params.id}`
	const answer = (value: Omit<ActionData, 'result' | 'rotated'> & Partial<ActionData>, status = 200) =>
		data<ActionData>({ result: null, rotated: null, ...value }, { status })

	if (formData.get('intent') === 'update') {
		const submission = await parseWithZod(formData, { schema: webhookChecks(UpdateSchema), async: true })
		if (submission.status !== 'success') return answer({ intent: 'update', error: null, result: submission.reply() }, 400)
		const { intent: _, description, provinceCode, ...rest } = submission.value
		const outcome = await answerOrganisationError(() => updateWebhook(user.id, organisation.id, params.id, { ...rest, description: description ?? '', provinceCode: provinceCode ?? null }))
		if (!outcome.ok) return answer({ intent: 'update', error: null, result: submission.reply({ formErrors: [msg(outcome.error)] }) }, outcome.status)
		return redirect(`${self}?done=updated`)
	}

	const parsed = SimpleIntent.safeParse(Object.fromEntries(formData))
	if (!parsed.success) return answer({ intent: 'unknown', error: 'errors.badRequest' }, 400)
	const input = parsed.data
	switch (input.intent) {
		case 'rotate': {
			const outcome = await answerOrganisationError(() => rotateWebhookSecret(user.id, organisation.id, params.id))
			if (!outcome.ok) return answer({ intent: input.intent, error: outcome.error }, outcome.status)
			// Answered, not redirected: the new secret exists in clear only in this response.
			return answer({ intent: input.intent, error: null, rotated: { secret: outcome.value.secret, rotationEndsAt: outcome.value.webhook.rotationEndsAt } })
		}
		case 'delete': {
			const outcome = await answerOrganisationError(() => deleteWebhook(user.id, organisation.id, params.id))
			if (!outcome.ok) return answer({ intent: input.intent, error: outcome.error }, outcome.status)
			return redirect(`/organisations/${organisation.slug}/webhooks?deleted=${encodeURIComponent(outcome.value.url)}`)
		}
		default: {
			const outcome = await answerOrganisationError(async () => {
				if (input.intent === 'ping') await sendTestEvent(user.id, organisation.id, params.id)
				else if (input.intent === 'redeliver') await redeliver(user.id, organisation.id, params.id, input.deliveryId)
				else await updateWebhook(user.id, organisation.id, params.id, { active: input.intent === 'enable' })
			})
			if (!outcome.ok) return answer({ intent: input.intent, error: outcome.error }, outcome.status)
			const done = input.intent === 'ping' ? 'ping' : input.intent === 'redeliver' ? 'redelivered' : input.intent === 'enable' ? 'enabled' : 'disabled'
			return redirect(`${self}?done=${done}`)
		}
	}
}

export default function WebhookPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation()
	const navigation = useNavigation()
	const attemptError = useAttemptError()
	const locale = isLocale(i18n.language) ? i18n.language : 'vi'
	const { organisation, webhook, deliveries, page, pages, provinces, confirmingDelete, notice } = loaderData
	const date = (value: Date | string | null) => (value ? formatDateTime(value, locale) : '')
	const self = `/organisations/${organisation.slug}/webhooks/${webhook.id}`
	const busy = navigation.state === 'submitting'
	const [form, fields] = useForm({
		id: 'edit-webhook',
		lastResult: actionData?.intent === 'update' ? actionData.result : undefined,
		defaultValue: {
			url: webhook.url,
			description: webhook.description,
			events: webhook.events,
			fieldCodes: webhook.fieldCodes.join(', '),
			provinceCode: webhook.provinceCode ?? '',
		},
		constraint: webhookFormConstraint(),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: WebhookFormSchema }),
		shouldRevalidate: 'onBlur',
	})
	const rotated = actionData?.rotated ?? null
	const intentButton = (intent: string, label: string, className = 'button button--ghost') => (
		<Form method="post" action={self}>
			<input type="hidden" name="intent" value={intent} />
			<button type="submit" className={className} disabled={busy}>
				{label}
			</button>
		</Form>
	)

	return (
		<div className="page">
			<p>
				<Link to={`/organisations/${organisation.slug}/webhooks`}>← {t('webhooks.backToList')}</Link>
			</p>
			<h1>{t('webhooks.detail.title', { url: webhook.url })}</h1>
			<p className="muted">
				{webhook.createdBy ? t('webhooks.detail.created', { date: date(webhook.createdAt), name: webhook.createdBy }) : t('webhooks.detail.createdNoName', { date: date(webhook.createdAt) })}
				{' · '}
				{webhook.active ? <span className="badge badge--ok">{t('webhooks.status.active')}</span> : <span className="badge badge--muted">{t('webhooks.status.disabled')}</span>}
			</p>
			{!webhook.active && webhook.disabledReason ? (
				<p className="notice notice--error" role="status">
					{t(`webhooks.disabledReasons.${webhook.disabledReason as 'manual'}`, { date: date(webhook.disabledAt), defaultValue: webhook.disabledReason })}
				</p>
			) : null}
			{webhook.active && webhook.failureStreak > 0 && webhook.failingSince ? (
				<p className="notice notice--error" role="status">
					{t('webhooks.failing', { count: webhook.failureStreak, date: date(webhook.failingSince) })}
				</p>
			) : null}

			{rotated ? (
				<SecretReveal title={t('webhooks.secret.rotatedTitle')} secret={rotated.secret} note={rotated.rotationEndsAt ? t('webhooks.secret.rotation', { date: date(rotated.rotationEndsAt) }) : null} />
			) : null}
			{notice ? (
				<p className="notice notice--success" role="status">
					{t(notice)}
				</p>
			) : null}
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{t(actionData.error as 'errors.server')}
				</p>
			) : null}

			{confirmingDelete ? (
				<section className="card" role="alertdialog" aria-labelledby="delete-title" aria-describedby="delete-warning">
					<h2 id="delete-title">{t('webhooks.detail.deleteTitle', { url: webhook.url })}</h2>
					<p id="delete-warning">{t('webhooks.detail.deleteWarning')}</p>
					<Form method="post" action={self} className="actions-row">
						<input type="hidden" name="intent" value="delete" />
						<button type="submit" className="button button--danger" disabled={busy}>
							{t('webhooks.detail.deleteConfirm')}
						</button>
						<Link to={self} className="button button--ghost">
							{t('common.cancel')}
						</Link>
					</Form>
				</section>
			) : null}

			<section className="card">
				<h2>{t('webhooks.detail.actionsTitle')}</h2>
				<p>
					{t('webhooks.secret.current')}: <code>{webhook.secretHint}</code>
					{webhook.rotationEndsAt ? <span className="muted"> {t('webhooks.secret.rotation', { date: date(webhook.rotationEndsAt) })}</span> : null}
				</p>
				<div className="actions-row">
					{intentButton('ping', t('webhooks.detail.ping'), 'button')}
					{intentButton('rotate', t('webhooks.detail.rotate'))}
					{webhook.active ? intentButton('disable', t('webhooks.detail.disable')) : intentButton('enable', t('webhooks.detail.enable'))}
					<Link to={`${self}?delete=1`} className="button button--ghost button--danger">
						{t('webhooks.detail.delete')}
					</Link>
				</div>
				<p className="muted">
					{t('webhooks.detail.pingHint')} {t('webhooks.detail.rotateHint')}
				</p>
			</section>

			<section className="card">
				<h2>{t('webhooks.log.title')}</h2>
				<p className="muted">{t('webhooks.log.lead')}</p>
				{deliveries.length === 0 ? (
					<p className="muted">{t('webhooks.log.empty')}</p>
				) : (
					<div className="table-wrap">
						<table className="table" data-testid="delivery-log">
							<thead>
								<tr>
									<th scope="col">{t('webhooks.log.createdAt')}</th>
									<th scope="col">{t('webhooks.log.event')}</th>
									<th scope="col">{t('webhooks.log.status')}</th>
									<th scope="col">{t('webhooks.log.lastResult')}</th>
									<th scope="col">{t('common.actions')}</th>
								</tr>
							</thead>
							<tbody>
								{deliveries.map((delivery) => (
									<tr key={delivery.id}>
										<td>
											{date(delivery.createdAt)}
											<div className="muted">
												{t('webhooks.log.deliveryId')}: <code>{delivery.id}</code>
											</div>
										</td>
										<td>
											{t(`webhooks.events.${delivery.event.type}` as 'webhooks.events.ping', { defaultValue: delivery.event.type })}
											<div className="muted">
												<code>{delivery.event.type}</code>
											</div>
										</td>
										<td>
											<span className={`badge ${delivery.status === 'SUCCEEDED' ? 'badge--ok' : delivery.status === 'FAILED' ? 'badge--error' : 'badge--muted'}`}>
												{t(`webhooks.deliveryStatus.${delivery.status}`)}
											</span>
											<div className="muted">
												{t('webhooks.log.attempts')}: {delivery.attempts}
											</div>
											{delivery.status === 'PENDING' && delivery.attempts > 0 ? <div className="muted">{t('webhooks.log.nextAttempt', { date: date(delivery.nextAttemptAt) })}</div> : null}
										</td>
										<td>
											{delivery.lastStatusCode ? <code>{delivery.lastStatusCode}</code> : null} {attemptError(delivery.lastError)}
											{delivery.attemptLog.length > 0 ? (
												<details>
													<summary>{t('webhooks.log.attemptsTitle')}</summary>
													<ol className="plain-list">
														{delivery.attemptLog.map((attempt) => (
															<li key={attempt.id}>
																{date(attempt.at)} · {t('webhooks.log.statusCode')}: {attempt.statusCode ?? t('webhooks.log.noAnswer')} · {t('webhooks.log.duration')}: {t('webhooks.log.ms', { ms: attempt.durationMs })}
																{attempt.error ? <div className="notice--error">{attemptError(attempt.error)}</div> : null}
																{attempt.responseExcerpt ? (
																	<>
																		<div className="muted">{t('webhooks.log.response')}</div>
																		<pre className="excerpt">{attempt.responseExcerpt}</pre>
																	</>
																) : null}
															</li>
														))}
													</ol>
												</details>
											) : null}
										</td>
										<td>
											{delivery.status !== 'PENDING' ? (
												<Form method="post" action={self}>
													<input type="hidden" name="intent" value="redeliver" />
													<input type="hidden" name="deliveryId" value={delivery.id} />
													<button type="submit" className="button button--ghost button--small" disabled={busy}>
														{t('webhooks.log.redeliver')}
													</button>
												</Form>
											) : null}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				{pages > 1 ? (
					<nav className="actions-row" aria-label={t('webhooks.log.title')}>
						{page > 1 ? <Link to={`${self}?page=${page - 1}`}>← {t('webhooks.log.newer')}</Link> : null}
						<span className="muted">{t('webhooks.log.pageOf', { page, pages })}</span>
						{page < pages ? <Link to={`${self}?page=${page + 1}`}>{t('webhooks.log.older')} →</Link> : null}
					</nav>
				) : null}
			</section>

			<section className="card">
				<h2>{t('webhooks.form.editTitle')}</h2>
				<Form method="post" action={self} {...getFormProps(form)}>
					<FormErrors id={form.errorId} errors={form.errors} />
					<input type="hidden" name="intent" value="update" />
					<WebhookFields fields={fields} provinces={provinces} />
					<button type="submit" className="button" disabled={busy}>
						{t('webhooks.form.save')}
					</button>
				</Form>
			</section>

			<VerifyHelp />
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
