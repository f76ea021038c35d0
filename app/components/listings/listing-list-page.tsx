import { useTranslation } from 'react-i18next'
import { Form, Link, useLoaderData } from 'react-router'
import { fieldFilterOptions, provinceFilterOptions, SelectFilter, TextFilter } from '~/components/filters'
import { Pagination } from '~/components/pagination'
import { MoneyRange } from '~/components/listings/money'
import type { ListingListData } from '~/listings/list.server'
import { IP_STATUSES, TRANSFER_MODES } from '~/models/listing-schema'

const ORG_TYPES = ['ENTERPRISE', 'RESEARCH_INSTITUTE', 'UNIVERSITY', 'BROKER_FIRM'] as const

/** The public list of offers or demands with its filter form; everything lives in the URL and works without JavaScript. */
export function ListingListPage() {
	const data = useLoaderData() as ListingListData
	const { t } = useTranslation()
	const { kind, filters, items, total, more, pages, provinces, fieldOptions, fieldNames, locale } = data
	const area = kind === 'offer' ? 'offers' : 'demands'
	return (
		<div className="page">
			<div className="page-head">
				<div>
					<h1>{t(`listings.${area}.title`)}</h1>
					<p className="lead">{t(`listings.${area}.lead`)}</p>
				</div>
				<Link to={`/${area}/new`} className="button">
					{t(`listings.${area}.new`)}
				</Link>
			</div>
			<div className="with-sidebar">
				<Form method="get" className="filters filters--side" role="search" aria-label={t('listings.filters.title')}>
					<TextFilter id="f-q" name="q" label={t('listings.filters.q')} value={filters.q} />
					<SelectFilter id="f-field" name="field" label={t('listings.filters.field')} value={filters.field} any={t('listings.filters.allFields')} options={fieldFilterOptions(fieldOptions)} />
					<SelectFilter id="f-province" name="province" label={t('listings.filters.province')} value={filters.province} any={t('listings.filters.allProvinces')} options={provinceFilterOptions(provinces)} />
					<SelectFilter
						id="f-trl"
						name="trl"
						label={t(kind === 'offer' ? 'listings.filters.trl' : 'listings.filters.trlDemand')}
						value={filters.trl}
						any={t('listings.filters.anyTrl')}
						options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: String(n), label: t('listings.fields.trlLevel', { level: n }) }))}
					/>
					<SelectFilter id="f-mode" name="mode" label={t('listings.filters.mode')} value={filters.mode} any={t('listings.filters.anyMode')} options={TRANSFER_MODES.map((m) => ({ value: m, label: t(`listings.transferModes.${m}`) }))} />
					{kind === 'offer' ? (
						<SelectFilter id="f-ip" name="ip" label={t('listings.filters.ip')} value={filters.ip} any={t('listings.filters.anyIp')} options={IP_STATUSES.map((v) => ({ value: v, label: t(`listings.ipStatus.${v}`) }))} />
					) : null}
					<SelectFilter id="f-org" name="orgType" label={t('listings.filters.orgType')} value={filters.orgType} any={t('listings.filters.anyOrgType')} options={ORG_TYPES.map((o) => ({ value: o, label: t(`organisationTypes.${o}`) }))} />
					<div className="grid-2 grid-2--tight">
						<div className="field">
							<label htmlFor="f-min">{t(kind === 'offer' ? 'listings.filters.min' : 'listings.filters.minBudget')}</label>
							<input id="f-min" name="min" inputMode="numeric" defaultValue={filters.min ?? ''} />
						</div>
						<div className="field">
							<label htmlFor="f-max">{t(kind === 'offer' ? 'listings.filters.max' : 'listings.filters.maxBudget')}</label>
							<input id="f-max" name="max" inputMode="numeric" defaultValue={filters.max ?? ''} />
						</div>
					</div>
					<SelectFilter
						id="f-sort"
						name="sort"
						label={t('listings.filters.sort')}
						value={filters.sort}
						options={[
							{ value: 'newest', label: t('listings.filters.sortNewest') },
							{ value: 'price-asc', label: t('listings.filters.sortPriceAsc') },
							{ value: 'price-desc', label: t('listings.filters.sortPriceDesc') },
							{ value: 'trl-desc', label: t('listings.filters.sortTrl') },
							{ value: 'views', label: t('listings.filters.sortViews') },
						]}
					/>
					<div className="actions-row">
						<button type="submit" className="button">
							{t('listings.filters.apply')}
						</button>
						<Link to={`/${area}`}>{t('listings.filters.clear')}</Link>
					</div>
				</Form>
				<div className="stack">
					<p className="muted" role="status">
						{more ? t(`listings.${area}.countMore`, { count: total }) : t(`listings.${area}.count`, { count: total })}
					</p>
					{items.length === 0 ? <p className="empty">{t(`listings.${area}.empty`)}</p> : null}
					<ul className="listing-list" data-testid="listing-list">
						{items.map((item) => {
							const i = item as Record<string, unknown> & (typeof items)[number]
							return (
								<li key={i.id} className="card listing-card">
									<h2>
										<Link to={`/${area}/${i.id}`}>{i.title}</Link>
									</h2>
									<p className="meta-line">
										<Link to={`/organisations/${i.organisation.slug}`}>{i.organisation.name}</Link>
										{i.organisation.verifiedAt ? <span className="badge badge--ok">✓</span> : null}
										{i.province ? <span>{locale === 'vi' ? i.province.nameVi : i.province.nameEn}</span> : null}
									</p>
									<p className="clamp">{kind === 'offer' ? (i.summary as string) : (i.problem as string)}</p>
									<p className="meta-line">
										{i.fieldCodes.map((c) => (
											<span key={c} className="badge">
												{fieldNames[c] ?? c}
											</span>
										))}
									</p>
									<dl className="card-facts">
										{kind === 'offer' ? (
											<>
												<div>
													<dt>TRL</dt>
													<dd>{(i.trl as number | null) ?? '—'}</dd>
												</div>
												<div>
													<dt>{t('listings.fields.price')}</dt>
													<dd>
														<MoneyRange min={i.priceMin as bigint | null} max={i.priceMax as bigint | null} open={Boolean(i.priceNegotiable)} openLabel="negotiable" />
													</dd>
												</div>
											</>
										) : (
											<>
												<div>
													<dt>{t('listings.fields.minTrl')}</dt>
													<dd>{(i.minTrl as number | null) ?? '—'}</dd>
												</div>
												<div>
													<dt>{t('listings.fields.budget')}</dt>
													<dd>
														<MoneyRange min={i.budgetMin as bigint | null} max={i.budgetMax as bigint | null} open={Boolean(i.budgetUndisclosed)} openLabel="undisclosed" />
													</dd>
												</div>
											</>
										)}
									</dl>
								</li>
							)
						})}
					</ul>
					<Pagination page={filters.page} pages={pages} />
				</div>
			</div>
		</div>
	)
}
