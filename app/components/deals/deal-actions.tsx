import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import { TransferModeSelect } from '~/components/deals/deal-forms'
import { ErrorList } from '~/components/forms'
import { Markdown } from '~/components/markdown'
import type { DealActionData } from '~/deals/detail-action.server'
import type { DealPageData } from '~/deals/page.server'
import type { AppLocale } from '~/locales'

type Props = { data: DealPageData & { locale: AppLocale; brokers: Array<{ id: string; name: string }> }; actionData: DealActionData | undefined }

const SPARE_ROWS = 4

/** What the person may do now, one form per action; the pipeline's rules decide which appear. */
export function DealActionsPanel({ data, actionData }: Props) {
	const { t } = useTranslation()
	const { actions, deal } = data
	const values = actionData?.values ?? {}
	const errors = actionData?.fieldErrors ?? {}
	const v = (name: string, fallback = '') => values[name] ?? fallback
	const has = (a: (typeof actions)[number]) => actions.includes(a)
	if (actions.length === 0) return null
	const current = data.agreement
	const mySignatureMissing = current && ((data.roles.includes('buyer') && !current.buyerSignedAt) || (data.roles.includes('seller') && !current.sellerSignedAt))
	const myNdaMissing = (data.roles.includes('buyer') && !data.facts.ndaAccepted.buyer) || (data.roles.includes('seller') && !data.facts.ndaAccepted.seller)
	// A revision starts from what is on the table; after an error, from what was typed.
	const seed = current?.proposedMilestones ?? []
	const rows = Math.max(seed.length + 1, SPARE_ROWS)
	return (
		<section className="card" data-testid="deal-actions">
			<h2>{t('deals.actions.heading')}</h2>
			{has('openNda') ? (
				<Form method="post" className="stack">
					<p>{t('deals.actions.openNdaHint')}</p>
					<button type="submit" name="intent" value="openNda" className="button">
						{t('deals.actions.openNda')}
					</button>
				</Form>
			) : null}

			{has('acceptNda') && data.ndaTemplate && myNdaMissing ? (
				<Form method="post" className="stack" data-testid="nda-form">
					<h3>
						{data.locale === 'vi' ? data.ndaTemplate.titleVi : data.ndaTemplate.titleEn} · {t('deals.actions.ndaVersion', { version: data.ndaTemplate.version })}
					</h3>
					<div className="markdown nda-text">
						<Markdown>{data.locale === 'vi' ? data.ndaTemplate.bodyVi : data.ndaTemplate.bodyEn}</Markdown>
					</div>
					<input type="hidden" name="ndaVersion" value={data.ndaTemplate.version} />
					<label className="radio">
						<input type="checkbox" name="agree" aria-describedby="agree-errors" />
						<span>{t('deals.actions.ndaAgree')}</span>
					</label>
					<ErrorList id="agree-errors" errors={errors.agree} />
					<button type="submit" name="intent" value="acceptNda" className="button">
						{t('deals.actions.acceptNda')}
					</button>
				</Form>
			) : has('acceptNda') ? (
				<p className="muted">{t('deals.actions.waitingOtherNda')}</p>
			) : null}

			{has('signTerms') && current && mySignatureMissing ? (
				<Form method="post" className="stack">
					<p>{t('deals.actions.signHint', { version: current.version })}</p>
					<input type="hidden" name="version" value={current.version} />
					<button type="submit" name="intent" value="signTerms" className="button" data-testid="sign-terms">
						{t('deals.actions.sign', { version: current.version })}
					</button>
				</Form>
			) : null}

			{has('proposeTerms') ? (
				<details open={actionData?.intent === 'proposeTerms' || !current} data-testid="terms-form">
					<summary>{current ? t('deals.actions.revise') : t('deals.actions.propose')}</summary>
					<Form method="post" className="stack" noValidate>
						<ErrorList errors={errors.form} />
						<div className="grid-2">
							<label className="field">
								<span>{t('deals.terms.transferMode')}</span>
								<TransferModeSelect name="transferMode" defaultValue={v('transferMode', current?.transferMode ?? '')} />
								<ErrorList id="transferMode-errors" errors={errors.transferMode} />
							</label>
							<label className="field">
								<span>{t('deals.terms.priceVnd')}</span>
								<input name="price" inputMode="numeric" defaultValue={v('price', current?.priceVnd.toString() ?? '')} aria-describedby="price-errors" />
								<ErrorList id="price-errors" errors={errors.price} />
							</label>
							<label className="field">
								<span>{t('deals.terms.commission')}</span>
								<select name="commissionKind" defaultValue={v('commissionKind', current?.commissionKind ?? 'NONE')}>
									<option value="NONE">{t('deals.terms.noCommission')}</option>
									<option value="PERCENT">{t('deals.terms.commissionPercent')}</option>
									<option value="FIXED">{t('deals.terms.commissionFixed')}</option>
								</select>
							</label>
							<label className="field">
								<span>{t('deals.terms.commissionPercentLabel')}</span>
								<input name="commissionPercent" inputMode="decimal" defaultValue={v('commissionPercent', current?.commissionBps != null ? String(current.commissionBps / 100) : '')} aria-describedby="commissionPercent-errors" />
								<ErrorList id="commissionPercent-errors" errors={errors.commissionPercent} />
							</label>
							<label className="field">
								<span>{t('deals.terms.commissionFixedLabel')}</span>
								<input name="commissionFixed" inputMode="numeric" defaultValue={v('commissionFixed', current?.commissionFixed?.toString() ?? '')} aria-describedby="commissionFixed-errors" />
								<ErrorList id="commissionFixed-errors" errors={errors.commissionFixed} />
							</label>
						</div>
						<fieldset className="fieldset">
							<legend>{t('deals.milestones.heading')}</legend>
							<p className="field-hint">{t('deals.actions.milestonesHint')}</p>
							<ErrorList errors={errors.milestones} />
							{Array.from({ length: rows }, (_, i) => {
								const s = seed[i]
								return (
									<div key={i} className="grid-2 grid-2--tight milestone-row" data-testid="milestone-row">
										<label className="field">
											<span>{t('deals.milestones.titleN', { n: i + 1 })}</span>
											<input name={`milestones[${i}].title`} defaultValue={v(`milestones[${i}].title`, s?.title ?? '')} />
											<ErrorList errors={errors[`milestones.${i}.title`]} />
										</label>
										<label className="field">
											<span>{t('deals.milestones.amountVnd')}</span>
											<input name={`milestones[${i}].amount`} inputMode="numeric" defaultValue={v(`milestones[${i}].amount`, s?.amount ?? '')} />
											<ErrorList errors={errors[`milestones.${i}.amount`]} />
										</label>
										<label className="field">
											<span>{t('deals.milestones.dueDate')}</span>
											<input type="date" name={`milestones[${i}].dueDate`} defaultValue={v(`milestones[${i}].dueDate`, s?.dueDate ?? '')} />
											<ErrorList errors={errors[`milestones.${i}.dueDate`]} />
										</label>
										<label className="field">
											<span>{t('deals.milestones.deliverable')}</span>
											<input name={`milestones[${i}].deliverable`} defaultValue={v(`milestones[${i}].deliverable`, s?.deliverable ?? '')} />
										</label>
									</div>
								)
							})}
						</fieldset>
						<label className="field">
							<span>{t('deals.terms.otherTerms')}</span>
							<textarea name="terms" rows={4} defaultValue={v('terms', current?.terms ?? '')} />
							<ErrorList errors={errors.terms} />
						</label>
						<button type="submit" name="intent" value="proposeTerms" className="button">
							{t('deals.actions.submitTerms')}
						</button>
					</Form>
				</details>
			) : null}

			{has('confirmTransfer') ? (
				<Form method="post" className="stack">
					<p>{t('deals.actions.confirmTransferHint')}</p>
					<button type="submit" name="intent" value="confirmTransfer" className="button" data-testid="confirm-transfer">
						{t('deals.actions.confirmTransfer')}
					</button>
				</Form>
			) : null}

			{has('close') ? (
				<Form method="post">
					<button type="submit" name="intent" value="close" className="button">
						{t('deals.actions.close')}
					</button>
				</Form>
			) : null}

			{has('claimBroker') ? (
				<Form method="post">
					<button type="submit" name="intent" value="claimBroker" className="button">
						{t('deals.actions.claim')}
					</button>
				</Form>
			) : null}

			{has('assignBroker') ? (
				<Form method="post" className="inline-form">
					<label className="field">
						<span>{t('deals.actions.assignBroker')}</span>
						<select name="brokerId" defaultValue={deal.brokerId ?? ''}>
							<option value="">{t('deals.detail.noBroker')}</option>
							{data.brokers.map((b) => (
								<option key={b.id} value={b.id}>
									{b.name}
								</option>
							))}
						</select>
					</label>
					<button type="submit" name="intent" value="assignBroker" className="button button--ghost">
						{t('deals.actions.saveBroker')}
					</button>
				</Form>
			) : null}

			{has('recordOutcome') ? (
				<details open={actionData?.intent === 'recordOutcome'}>
					<summary>{t('deals.actions.recordOutcome')}</summary>
					<Form method="post" className="stack" noValidate>
						<p className="field-hint">{t('deals.actions.recordOutcomeHint')}</p>
						<label className="field">
							<span>{t('deals.outcome.value')}</span>
							<input name="value" inputMode="numeric" defaultValue={v('value')} aria-describedby="value-errors" />
							<ErrorList id="value-errors" errors={errors.value} />
						</label>
						<label className="field">
							<span>{t('deals.terms.transferMode')}</span>
							<TransferModeSelect name="mode" defaultValue={v('mode')} />
							<ErrorList id="mode-errors" errors={errors.mode} />
						</label>
						<label className="field">
							<span>{t('deals.outcome.date')}</span>
							<input type="date" name="date" defaultValue={v('date')} />
							<ErrorList errors={errors.date} />
						</label>
						<button type="submit" name="intent" value="recordOutcome" className="button button--ghost">
							{t('deals.actions.saveOutcome')}
						</button>
					</Form>
				</details>
			) : null}

			{has('cancel') ? (
				<details open={actionData?.intent === 'cancel'}>
					<summary>{t('deals.actions.cancel')}</summary>
					<Form method="post" className="stack">
						<label className="field">
							<span>{t('deals.actions.cancelReason')}</span>
							<textarea name="reason" rows={3} maxLength={1000} defaultValue={v('reason')} required />
						</label>
						<button type="submit" name="intent" value="cancel" className="button button--danger">
							{t('deals.actions.confirmCancel')}
						</button>
					</Form>
				</details>
			) : null}
		</section>
	)
}
