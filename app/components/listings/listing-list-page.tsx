import { useTranslation } from 'react-i18next'
import { Form, Link, useLoaderData } from 'react-router'
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
					<div className="field">
						<label htmlFor="f-q">{t('listings.filters.q')}</label>
						<input id="f-q" name="q" type="search" defaultValue={filters.q ?? ''} />
					</div>
					<div className="field">
						<label htmlFor="f-field">{t('listings.filters.field')}</label>
						<select id="f-field" name="field" defaultValue={filters.field ?? ''}>
							<option value="">{t('listings.filters.allFields')}</option>
							{fieldOptions.map((f) => (
								<option key={f.code} value={f.code}>
									{f.level === 2 ? '\u00a0\u00a0' : ''}
									{f.code} · {f.name}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="f-province">{t('listings.filters.province')}</label>
						<select id="f-province" name="province" defaultValue={filters.province ?? ''}>
							<option value="">{t('listings.filters.allProvinces')}</option>
							{provinces.map((p) => (
								<option key={p.code} value={p.code}>
									{p.name}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="f-trl">{t(kind === 'offer' ? 'listings.filters.trl' : 'listings.filters.trlDemand')}</label>
						<select id="f-trl" name="trl" defaultValue={filters.trl ? String(filters.trl) : ''}>
							<option value="">{t('listings.filters.anyTrl')}</option>
							{[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
								<option key={n} value={n}>
									{t('listings.fields.trlLevel', { level: n })}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="f-mode">{t('listings.filters.mode')}</label>
						<select id="f-mode" name="mode" defaultValue={filters.mode ?? ''}>
							<option value="">{t('listings.filters.anyMode')}</option>
							{TRANSFER_MODES.map((m) => (
								<option key={m} value={m}>
									{t(`listings.transferModes.${m}`)}
								</option>
							))}
						</select>
					</div>
					{kind === 'offer' ? (
						<div className="field">
							<label htmlFor="f-ip">{t('listings.filters.ip')}</label>
							<select id="f-ip" name="ip" defaultValue={filters.ip ?? ''}>
								<option value="">{t('listings.filters.anyIp')}</option>
								{IP_STATUSES.map((s) => (
									<option key={s} value={s}>
										{t(`listings.ipStatus.${s}`)}
									</option>
								))}
							</select>
						</div>
					) : null}
					<div className="field">
						<label htmlFor="f-org">{t('listings.filters.orgType')}</label>
						<select id="f-org" name="orgType" defaultValue={filters.orgType ?? ''}>
							<option value="">{t('listings.filters.anyOrgType')}</option>
							{ORG_TYPES.map((o) => (
								<option key={o} value={o}>
									{t(`organisationTypes.${o}`)}
								</option>
							))}
						</select>
					</div>
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
					<div className="field">
						<label htmlFor="f-sort">{t('listings.filters.sort')}</label>
						<select id="f-sort" name="sort" defaultValue={filters.sort}>
							<option value="newest">{t('listings.filters.sortNewest')}</option>
							<option value="price-asc">{t('listings.filters.sortPriceAsc')}</option>
							<option value="price-desc">{t('listings.filters.sortPriceDesc')}</option>
							<option value="trl-desc">{t('listings.filters.sortTrl')}</option>
							<option value="views">{t('listings.filters.sortViews')}</option>
						</select>
					</div>
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
