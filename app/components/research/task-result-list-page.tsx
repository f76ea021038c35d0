import { useTranslation } from 'react-i18next'
import { Form, Link, useLoaderData } from 'react-router'
import { fieldFilterOptions, provinceFilterOptions, SelectFilter, TextFilter } from '~/components/filters'
import { Pagination } from '~/components/pagination'
import { ExportLinks, yearsText } from '~/components/research/common'
import { TASK_LEVELS } from '~/models/task-result-schema'
import type { TaskResultListData } from '~/task-results/list.server'

/** /task-results: registered task results with their filters; everything lives in the URL and works without JavaScript. */
export function TaskResultListPage() {
	const data = useLoaderData() as TaskResultListData
	const { t } = useTranslation()
	const { filters, items, total, more, pages, provinces, fieldOptions, fieldNames, locale, organisation } = data
	return (
		<div className="page">
			<div className="page-head">
				<div>
					<h1>{t('taskResults.list.title')}</h1>
					<p className="lead">{t('taskResults.list.lead')}</p>
				</div>
			</div>
			<div className="with-sidebar">
				<Form method="get" className="filters filters--side" role="search" aria-label={t('taskResults.filters.title')}>
					<TextFilter id="f-q" name="q" label={t('taskResults.filters.q')} value={filters.q} />
					<SelectFilter id="f-field" name="field" label={t('taskResults.filters.field')} value={filters.field} any={t('taskResults.filters.allFields')} options={fieldFilterOptions(fieldOptions)} />
					<SelectFilter id="f-level" name="level" label={t('taskResults.filters.level')} value={filters.level} any={t('taskResults.filters.anyLevel')} options={TASK_LEVELS.map((l) => ({ value: l, label: t(`taskResults.levels.${l}`) }))} />
					<div className="grid-2 grid-2--tight">
						<TextFilter id="f-from" name="yearFrom" label={t('taskResults.filters.yearFrom')} value={filters.yearFrom} year />
						<TextFilter id="f-to" name="yearTo" label={t('taskResults.filters.yearTo')} value={filters.yearTo} year />
					</div>
					<TextFilter id="f-host" name="host" label={t('taskResults.filters.host')} value={filters.host} />
					{organisation ? <SelectFilter id="f-org" name="organisation" label={t('taskResults.filters.organisation')} value={organisation.id} any="—" options={[{ value: organisation.id, label: organisation.name }]} /> : null}
					<SelectFilter id="f-province" name="province" label={t('taskResults.filters.province')} value={filters.province} any={t('taskResults.filters.allProvinces')} options={provinceFilterOptions(provinces)} />
					<SelectFilter
						id="f-offer"
						name="hasOffer"
						label={t('taskResults.filters.hasOffer')}
						value={filters.hasOffer}
						any={t('taskResults.filters.anyOffer')}
						options={[
							{ value: 'yes', label: t('taskResults.filters.withOffer') },
							{ value: 'no', label: t('taskResults.filters.withoutOffer') },
						]}
					/>
					<SelectFilter
						id="f-sort"
						name="sort"
						label={t('taskResults.filters.sort')}
						value={filters.sort}
						options={[
							{ value: 'newest', label: t('taskResults.filters.sortNewest') },
							{ value: 'oldest', label: t('taskResults.filters.sortOldest') },
							{ value: 'title', label: t('taskResults.filters.sortTitle') },
						]}
					/>
					<div className="actions-row">
						<button type="submit" className="button">
							{t('taskResults.filters.apply')}
						</button>
						<Link to="/task-results">{t('taskResults.filters.clear')}</Link>
					</div>
				</Form>
				<div className="stack">
					<p className="muted" role="status">
						{more ? t('taskResults.list.countMore', { count: total }) : t('taskResults.list.count', { count: total })}
					</p>
					{items.length === 0 ? <p className="empty">{t('taskResults.list.empty')}</p> : null}
					<ul className="listing-list" data-testid="task-result-list">
						{items.map((i) => {
							const period = yearsText(i.startYear, i.endYear)
							return (
								<li key={i.id} className="card listing-card">
									<p className="meta-line">
										<span className="badge badge--muted">{i.taskCode}</span>
										<span className="badge">{t(`taskResults.levels.${i.level}`)}</span>
										{period ? <span>{period}</span> : null}
									</p>
									<h2>
										<Link to={`/task-results/${i.id}`}>{i.title}</Link>
									</h2>
									<p className="meta-line">
										{i.hostOrganisation ? <Link to={`/organisations/${i.hostOrganisation.slug}`}>{i.hostName}</Link> : <span>{i.hostName}</span>}
										{i.province ? <span>{locale === 'vi' ? i.province.nameVi : i.province.nameEn}</span> : null}
										{i.principalInvestigator ? (
											<span>
												{t('taskResults.fields.principalInvestigator')}: {i.principalInvestigator}
											</span>
										) : null}
									</p>
									<p className="meta-line">
										{i.fieldCodes.map((c) => (
											<span key={c} className="badge">
												{fieldNames[c] ?? c}
											</span>
										))}
									</p>
									<dl className="card-facts">
										<div>
											<dt>{t('taskResults.fields.applicationStatus')}</dt>
											<dd>{t(`taskResults.applicationStatuses.${i.applicationStatus}`)}</dd>
										</div>
										{i.registrationNumber ? (
											<div>
												<dt>{t('taskResults.fields.registrationNumber')}</dt>
												<dd>{i.registrationNumber}</dd>
											</div>
										) : null}
										<div>
											<dt>{t('listings.offers.title')}</dt>
											<dd>{i._count.offers > 0 ? t('taskResults.list.offers', { count: i._count.offers }) : t('taskResults.list.notOffered')}</dd>
										</div>
									</dl>
								</li>
							)
						})}
					</ul>
					<Pagination page={filters.page} pages={pages} />
					<ExportLinks path="/task-results/export" query={data.exportQuery} area="taskResults" hint={t('taskResults.export.hint')} />
				</div>
			</div>
		</div>
	)
}
