import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { ConfirmTransferForm } from '~/components/deals/deal-forms'
import type { DealPageData } from '~/deals/page.server'
import type { AppLocale } from '~/locales'
import { formatDate, formatDateTime, formatVnd } from '~/utils/format'

/** The signed agreement's milestones with their payments: shares, status, how to pay, receipts. */
export function DealMilestones({ data }: { data: DealPageData & { locale: AppLocale } }) {
	const { t } = useTranslation()
	const { deal, locale } = data
	if (deal.milestones.length === 0) return null
	const canPay = data.actions.includes('payMilestone')
	const canConfirm = data.actions.includes('confirmBankTransfer')
	return (
		<section className="card" data-testid="deal-milestones">
			<h2>{t('deals.milestones.heading')}</h2>
			<ol className="plain-list stack">
				{deal.milestones.map((m) => {
					const payments = deal.payments.filter((p) => p.milestoneId === m.id)
					return (
						<li key={m.id} className="card" data-testid="milestone" data-status={m.status}>
							<p>
								<strong>{m.title}</strong> · {formatVnd(m.amount, locale)}{' '}
								<span className={`badge ${m.status === 'PAID' ? 'badge--ok' : 'badge--warn'}`}>{t(`deals.milestones.status.${m.status}`)}</span>
							</p>
							<p className="muted">
								{m.dueDate ? t('deals.milestones.due', { date: formatDate(m.dueDate, locale) }) : t('deals.milestones.noDue')}
								{m.deliverable ? ` · ${m.deliverable}` : ''}
							</p>
							{payments.length > 0 ? (
								<div className="table-wrap">
									<table className="table">
										<thead>
											<tr>
												<th>{t('deals.payments.provider')}</th>
												<th>{t('deals.payments.status')}</th>
												<th>{t('deals.payments.platformFee')}</th>
												<th>{t('deals.payments.brokerShare')}</th>
												<th>{t('deals.payments.sellerNet')}</th>
												<th>{t('deals.payments.reference')}</th>
												<th />
											</tr>
										</thead>
										<tbody>
											{payments.map((p) => (
												<tr key={p.id} data-testid="payment" data-status={p.status}>
													<td>{t(`deals.payments.providers.${p.provider}`)}</td>
													<td>
														{t(`deals.payments.statuses.${p.status}`)}
														{p.paidAt ? <span className="muted"> · {formatDateTime(p.paidAt, locale)}</span> : null}
													</td>
													<td>{formatVnd(p.platformFee, locale)}</td>
													<td>{formatVnd(p.brokerShare, locale)}</td>
													<td>{formatVnd(p.sellerNet, locale)}</td>
													<td>
														<code>{p.reference}</code>
													</td>
													<td>
														{p.status === 'PAID' || p.status === 'REFUNDED' ? (
															<Link to={`/deals/${deal.id}/payments/${p.id}/receipt`}>{t('deals.payments.receipt')}</Link>
														) : p.status === 'PENDING' ? (
															<Link to={`/deals/${deal.id}/payments/${p.id}`}>{t('deals.payments.howToPay')}</Link>
														) : null}
														{canConfirm && p.status === 'PENDING' && p.provider === 'BANK_TRANSFER' ? (
															<ConfirmTransferForm paymentId={p.id} intent="confirmBankTransfer" />
														) : null}
													</td>
												</tr>
											))}
										</tbody>
									</table>
								</div>
							) : null}
							{canPay && m.status === 'DUE' && data.providers.length === 0 ? <p className="muted" data-testid="no-provider">{t('deals.payments.noProvider')}</p> : null}
							{canPay && m.status === 'DUE' && data.providers.length > 0 ? (
								<Form method="post" className="actions-row">
									<input type="hidden" name="milestoneId" value={m.id} />
									<input type="hidden" name="intent" value="pay" />
									{data.providers.map((provider) => (
										<button key={provider} type="submit" name="provider" value={provider} className={provider === 'BANK_TRANSFER' ? 'button' : 'button button--ghost'} data-testid={`pay-${provider}`}>
											{t(`deals.payments.payWith.${provider}`)}
										</button>
									))}
								</Form>
							) : null}
						</li>
					)
				})}
			</ol>
		</section>
	)
}
