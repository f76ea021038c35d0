import { useTranslation } from 'react-i18next'
import { Form, Link, useLoaderData } from 'react-router'
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
					<div className="field">
						<label htmlFor="f-q">{t('taskResults.filters.q')}</label>
						<input id="f-q" name="q" type="search" defaultValue={filters.q ?? ''} />
					</div>
					<div className="field">
						<label htmlFor="f-field">{t('taskResults.filters.field')}</label>
						<select id="f-field" name="field" defaultValue={filters.field ?? ''}>
							<option value="">{t('taskResults.filters.allFields')}</option>
							{fieldOptions.map((f) => (
								<option key={f.code} value={f.code}>
									{f.level === 2 ? '\u00a0\u00a0' : ''}
									{f.code} · {f.name}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="f-level">{t('taskResults.filters.level')}</label>
						<select id="f-level" name="level" defaultValue={filters.level ?? ''}>
							<option value="">{t('taskResults.filters.anyLevel')}</option>
							{TASK_LEVELS.map((l) => (
								<option key={l} value={l}>
									{t(`taskResults.levels.${l}`)}
								</option>
							))}
						</select>
					</div>
					<div className="grid-2 grid-2--tight">
						<div className="field">
							<label htmlFor="f-from">{t('taskResults.filters.yearFrom')}</label>
							<input id="f-from" name="yearFrom" inputMode="numeric" pattern="\d{4}" defaultValue={filters.yearFrom ?? ''} />
						</div>
						<div className="field">
							<label htmlFor="f-to">{t('taskResults.filters.yearTo')}</label>
							<input id="f-to" name="yearTo" inputMode="numeric" pattern="\d{4}" defaultValue={filters.yearTo ?? ''} />
						</div>
					</div>
					<div className="field">
						<label htmlFor="f-host">{t('taskResults.filters.host')}</label>
						<input id="f-host" name="host" type="search" defaultValue={filters.host ?? ''} />
					</div>
					{organisation ? (
						<div className="field">
							<label htmlFor="f-org">{t('taskResults.filters.organisation')}</label>
							<select id="f-org" name="organisation" defaultValue={organisation.id}>
								<option value="">—</option>
								<option value={organisation.id}>{organisation.name}</option>
							</select>
						</div>
					) : null}
					<div className="field">
						<label htmlFor="f-province">{t('taskResults.filters.province')}</label>
						<select id="f-province" name="province" defaultValue={filters.province ?? ''}>
							<option value="">{t('taskResults.filters.allProvinces')}</option>
							{provinces.map((p) => (
								<option key={p.code} value={p.code}>
									{p.name}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="f-offer">{t('taskResults.filters.hasOffer')}</label>
						<select id="f-offer" name="hasOffer" defaultValue={filters.hasOffer ?? ''}>
							<option value="">{t('taskResults.filters.anyOffer')}</option>
							<option value="yes">{t('taskResults.filters.withOffer')}</option>
							<option value="no">{t('taskResults.filters.withoutOffer')}</option>
						</select>
					</div>
					<div className="field">
						<label htmlFor="f-sort">{t('taskResults.filters.sort')}</label>
						<select id="f-sort" name="sort" defaultValue={filters.sort}>
							<option value="newest">{t('taskResults.filters.sortNewest')}</option>
							<option value="oldest">{t('taskResults.filters.sortOldest')}</option>
							<option value="title">{t('taskResults.filters.sortTitle')}</option>
						</select>
					</div>
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
