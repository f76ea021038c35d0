import { useTranslation } from 'react-i18next'
import type { DealPageData } from '~/deals/page.server'
import type { AppLocale } from '~/locales'
import { formatDate, formatDateTime, formatVnd } from '~/utils/format'

/** The current terms (signed or awaiting signatures), with who signed when. */
export function DealTerms({ data }: { data: DealPageData & { locale: AppLocale } }) {
	const { t } = useTranslation()
	const a = data.agreement
	if (!a) return null
	const locale = data.locale
	const signed = a.buyerSignedAt && a.sellerSignedAt
	const commission =
		a.commissionKind === 'PERCENT' && a.commissionBps != null
			? t('deals.terms.commissionPercentValue', { percent: (a.commissionBps / 100).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB') })
			: a.commissionKind === 'FIXED' && a.commissionFixed != null
				? formatVnd(a.commissionFixed, locale)
				: t('deals.terms.noCommission')
	return (
		<section className="card" data-testid="deal-terms">
			<h2>
				{signed ? t('deals.terms.agreement') : t('deals.terms.proposal')} · {t('deals.terms.version', { version: a.version })}
			</h2>
			<dl className="facts">
				<dt>{t('deals.terms.transferMode')}</dt>
				<dd>{t(`listings.transferModes.${a.transferMode}`)}</dd>
				<dt>{t('deals.terms.price')}</dt>
				<dd data-testid="deal-price">{formatVnd(a.priceVnd, locale)}</dd>
				<dt>{t('deals.terms.commission')}</dt>
				<dd>{commission}</dd>
				<dt>{t('deals.terms.platformFee')}</dt>
				<dd>{t('deals.terms.commissionPercentValue', { percent: (a.platformFeeBps / 100).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB') })}</dd>
				<dt>{t('deals.terms.buyerSignature')}</dt>
				<dd data-testid="buyer-signature">{a.buyerSignedAt ? formatDateTime(a.buyerSignedAt, locale) : t('deals.terms.notSigned')}</dd>
				<dt>{t('deals.terms.sellerSignature')}</dt>
				<dd data-testid="seller-signature">{a.sellerSignedAt ? formatDateTime(a.sellerSignedAt, locale) : t('deals.terms.notSigned')}</dd>
			</dl>
			{!signed && a.proposedMilestones.length > 0 ? (
				<div className="table-wrap">
					<table className="table">
						<caption>{t('deals.terms.proposedMilestones')}</caption>
						<thead>
							<tr>
								<th>{t('deals.milestones.title')}</th>
								<th>{t('deals.milestones.amount')}</th>
								<th>{t('deals.milestones.dueDate')}</th>
								<th>{t('deals.milestones.deliverable')}</th>
							</tr>
						</thead>
						<tbody>
							{a.proposedMilestones.map((m, i) => (
								<tr key={i}>
									<td>{m.title}</td>
									<td>{formatVnd(BigInt(m.amount), locale)}</td>
									<td>{m.dueDate ? formatDate(`${m.dueDate}T12:00:00+07:00`, locale) : '—'}</td>
									<td>{m.deliverable || '—'}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
			{a.terms ? <p className="prewrap">{a.terms}</p> : null}
			{data.history.length > 0 ? <p className="muted">{t('deals.terms.earlierVersions', { count: data.history.length })}</p> : null}
		</section>
	)
}
