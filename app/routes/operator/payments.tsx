import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/payments'
import { ConfirmTransferForm } from '~/components/deals/deal-forms'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { paymentsDesk } from '~/deals/page.server'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { DealError } from '~/models/deal.server'
import { confirmBankTransfer, importBankStatement, resolveStatementLine } from '~/models/payment.server'
import { requireRole } from '~/utils/auth.server'
import { formatDateTime, formatVnd } from '~/utils/format'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'deals.operator.title')

const MAX_BYTES = 2 * 1024 * 1024

export async function loader({ request, context }: Route.LoaderArgs) {
	await requireRole(request, 'OPERATOR')
	const url = new URL(request.url)
	const done = url.searchParams.get('done')
	return {
		...(await paymentsDesk()),
		locale: getLocale(context) as AppLocale,
		done: done === 'confirmed' || done === 'resolved' || done === 'imported' ? done : null,
		confirmed: Number(url.searchParams.get('n') ?? 0) || 0,
	}
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireRole(request, 'OPERATOR')
	await consume('writeUser', user.id)
	const formData = await request.formData()
	const intent = formData.get('intent')
	try {
		if (intent === 'confirm') {
			await confirmBankTransfer(user, String(formData.get('paymentId') ?? ''), String(formData.get('bankRef') ?? '') || null)
			return redirect('/operator/payments?done=confirmed')
		}
		if (intent === 'resolve') {
			await resolveStatementLine(user, String(formData.get('lineId') ?? ''))
			return redirect('/operator/payments?done=resolved')
		}
		if (intent === 'statement') {
			const file = formData.get('file')
			if (!(file instanceof File) || file.size === 0) return data({ error: 'deals.statement.errors.noFile', line: null }, { status: 400 })
			if (file.size > MAX_BYTES) return data({ error: 'deals.statement.errors.tooLarge', line: null }, { status: 413 })
			const result = await importBankStatement(user, file.name, new Uint8Array(await file.arrayBuffer()))
			return redirect(`/operator/payments?done=imported&n=${result.confirmed}`)
		}
		return data({ error: 'errors.badRequest', line: null }, { status: 400 })
	} catch (error) {
		if (error instanceof DealError) return data({ error: error.key, line: error.line ?? null }, { status: error.status })
		throw error
	}
}

export default function OperatorPaymentsPage({ loaderData: d, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	return (
		<div className="stack" data-testid="operator-payments">
			<h1>{t('deals.operator.title')}</h1>
			{d.done ? (
				<p className="notice notice--success" role="status">
					{tk(`deals.operator.done.${d.done}`, { count: d.confirmed })}
				</p>
			) : null}
			{actionData?.error ? (
				<p className="notice notice--error" role="alert" data-testid="statement-error">
					{tk(actionData.error)}
					{actionData.line ? ` ${t('deals.statement.atLine', { line: actionData.line })}` : ''}
				</p>
			) : null}
			<section className="card">
				<h2>{t('deals.operator.pending')}</h2>
				{d.pending.length === 0 ? (
					<p className="empty">{t('deals.operator.noPending')}</p>
				) : (
					<div className="table-wrap">
						<table className="table">
							<thead>
								<tr>
									<th>{t('deals.payments.reference')}</th>
									<th>{t('deals.receipt.deal')}</th>
									<th>{t('deals.roles.buyer')}</th>
									<th>{t('deals.payments.amount')}</th>
									<th>{t('deals.operator.since')}</th>
									<th />
								</tr>
							</thead>
							<tbody>
								{d.pending.map((p) => (
									<tr key={p.id} data-testid="pending-transfer">
										<td>
											<code>{p.reference}</code>
										</td>
										<td>
											<Link to={`/deals/${p.deal.id}`}>{p.deal.code}</Link> · {p.milestone.title}
										</td>
										<td>{p.deal.buyerOrg.name}</td>
										<td>{formatVnd(p.amount, d.locale)}</td>
										<td>{formatDateTime(p.createdAt, d.locale)}</td>
										<td>
											<ConfirmTransferForm paymentId={p.id} intent="confirm" />
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
			<section className="card">
				<h2>{t('deals.statement.title')}</h2>
				<p className="field-hint">{t('deals.statement.hint')}</p>
				<Form method="post" encType="multipart/form-data" className="inline-form">
					<input type="file" name="file" accept=".csv,text/csv" required />
					<button type="submit" name="intent" value="statement" className="button">
						{t('deals.statement.upload')}
					</button>
				</Form>
				{d.statements.length > 0 ? (
					<ul className="plain-list">
						{d.statements.map((s) => {
							const summary = (s.summary ?? {}) as Record<string, number>
							return (
								<li key={s.id} data-testid="statement">
									{formatDateTime(s.createdAt, d.locale)} · {s.fileName} · {s.uploadedBy?.name ?? ''} ·{' '}
									{t('deals.statement.summary', { exact: summary.exact ?? 0, partial: summary.partial ?? 0, duplicate: summary.duplicate ?? 0, inactive: summary.inactive ?? 0, unknown: summary.unknown ?? 0 })}
								</li>
							)
						})}
					</ul>
				) : null}
			</section>
			<section className="card">
				<h2>{t('deals.statement.review')}</h2>
				{d.review.length === 0 ? (
					<p className="empty">{t('deals.statement.nothingToReview')}</p>
				) : (
					<div className="table-wrap">
						<table className="table">
							<thead>
								<tr>
									<th>{t('deals.statement.outcome')}</th>
									<th>{t('deals.statement.line')}</th>
									<th>{t('deals.payments.amount')}</th>
									<th>{t('deals.statement.description')}</th>
									<th>{t('deals.statement.difference')}</th>
									<th />
								</tr>
							</thead>
							<tbody>
								{d.review.map((l) => (
									<tr key={l.id} data-testid="review-line" data-outcome={l.outcome}>
										<td>{t(`deals.statement.outcomes.${l.outcome}`)}</td>
										<td>{l.lineNo}</td>
										<td>{formatVnd(l.amount, d.locale)}</td>
										<td>{l.description}</td>
										<td>{l.difference != null ? formatVnd(l.difference, d.locale) : '—'}</td>
										<td>
											<Form method="post">
												<input type="hidden" name="lineId" value={l.id} />
												<button type="submit" name="intent" value="resolve" className="button button--small button--ghost">
													{t('deals.statement.resolve')}
												</button>
											</Form>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
