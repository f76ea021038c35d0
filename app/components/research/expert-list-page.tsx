import { useTranslation } from 'react-i18next'
import { Form, Link, useLoaderData } from 'react-router'
import { Pagination } from '~/components/pagination'
import { ExpertName, ExportLinks } from '~/components/research/common'
import type { ExpertListData } from '~/experts/list.server'
import { ACADEMIC_TITLES, DEGREES } from '~/models/expert-schema'
import { TASK_LEVELS } from '~/models/task-result-schema'

/** /experts: the expert directory with its filters; everything lives in the URL and works without JavaScript. */
export function ExpertListPage() {
	const data = useLoaderData() as ExpertListData
	const { t } = useTranslation()
	const { filters, items, total, more, pages, provinces, fieldOptions, fieldNames, locale, organisation } = data
	return (
		<div className="page">
			<div className="page-head">
				<div>
					<h1>{t('experts.list.title')}</h1>
					<p className="lead">{t('experts.list.lead')}</p>
				</div>
			</div>
			<div className="with-sidebar">
				<Form method="get" className="filters filters--side" role="search" aria-label={t('experts.filters.title')}>
					<div className="field">
						<label htmlFor="f-q">{t('experts.filters.q')}</label>
						<input id="f-q" name="q" type="search" defaultValue={filters.q ?? ''} />
					</div>
					<div className="field">
						<label htmlFor="f-field">{t('experts.filters.field')}</label>
						<select id="f-field" name="field" defaultValue={filters.field ?? ''}>
							<option value="">{t('experts.filters.allFields')}</option>
							{fieldOptions.map((f) => (
								<option key={f.code} value={f.code}>
									{f.level === 2 ? '\u00a0\u00a0' : ''}
									{f.code} · {f.name}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="f-province">{t('experts.filters.province')}</label>
						<select id="f-province" name="province" defaultValue={filters.province ?? ''}>
							<option value="">{t('experts.filters.allProvinces')}</option>
							{provinces.map((p) => (
								<option key={p.code} value={p.code}>
									{p.name}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="f-orgname">{t('experts.filters.organisationName')}</label>
						<input id="f-orgname" name="organisationName" type="search" defaultValue={filters.organisationName ?? ''} />
					</div>
					{organisation ? (
						<div className="field">
							<label htmlFor="f-org">{t('experts.filters.organisation')}</label>
							<select id="f-org" name="organisation" defaultValue={organisation.id}>
								<option value="">—</option>
								<option value={organisation.id}>{organisation.name}</option>
							</select>
						</div>
					) : null}
					<div className="grid-2 grid-2--tight">
						<div className="field">
							<label htmlFor="f-title">{t('experts.filters.academicTitle')}</label>
							<select id="f-title" name="title" defaultValue={filters.title ?? ''}>
								<option value="">{t('experts.filters.anyTitle')}</option>
								{ACADEMIC_TITLES.map((v) => (
									<option key={v} value={v}>
										{t(`experts.academicTitles.${v}`)}
									</option>
								))}
							</select>
						</div>
						<div className="field">
							<label htmlFor="f-degree">{t('experts.filters.degree')}</label>
							<select id="f-degree" name="degree" defaultValue={filters.degree ?? ''}>
								<option value="">{t('experts.filters.anyDegree')}</option>
								{DEGREES.map((v) => (
									<option key={v} value={v}>
										{t(`experts.degrees.${v}`)}
									</option>
								))}
							</select>
						</div>
					</div>
					<div className="field">
						<label htmlFor="f-available">{t('experts.filters.available')}</label>
						<select id="f-available" name="available" defaultValue={filters.available ?? ''}>
							<option value="">{t('experts.filters.anyAvailability')}</option>
							<option value="appraisal">{t('experts.detail.appraisal')}</option>
							<option value="consulting">{t('experts.detail.consulting')}</option>
						</select>
					</div>
					<fieldset className="fieldset-plain">
						<legend>{t('experts.filters.tasksGroup')}</legend>
						<div className="field">
							<label htmlFor="f-level">{t('experts.filters.level')}</label>
							<select id="f-level" name="level" defaultValue={filters.level ?? ''}>
								<option value="">{t('experts.filters.anyLevel')}</option>
								{TASK_LEVELS.map((l) => (
									<option key={l} value={l}>
										{t(`taskResults.levels.${l}`)}
									</option>
								))}
							</select>
						</div>
						<div className="grid-2 grid-2--tight">
							<div className="field">
								<label htmlFor="f-from">{t('experts.filters.yearFrom')}</label>
								<input id="f-from" name="yearFrom" inputMode="numeric" pattern="\d{4}" defaultValue={filters.yearFrom ?? ''} />
							</div>
							<div className="field">
								<label htmlFor="f-to">{t('experts.filters.yearTo')}</label>
								<input id="f-to" name="yearTo" inputMode="numeric" pattern="\d{4}" defaultValue={filters.yearTo ?? ''} />
							</div>
						</div>
					</fieldset>
					<div className="field">
						<label htmlFor="f-sort">{t('experts.filters.sort')}</label>
						<select id="f-sort" name="sort" defaultValue={filters.sort}>
							<option value="name">{t('experts.filters.sortName')}</option>
							<option value="newest">{t('experts.filters.sortNewest')}</option>
						</select>
					</div>
					<div className="actions-row">
						<button type="submit" className="button">
							{t('experts.filters.apply')}
						</button>
						<Link to="/experts">{t('experts.filters.clear')}</Link>
					</div>
				</Form>
				<div className="stack">
					<p className="muted" role="status">
						{more ? t('experts.list.countMore', { count: total }) : t('experts.list.count', { count: total })}
					</p>
					{items.length === 0 ? <p className="empty">{t('experts.list.empty')}</p> : null}
					<ul className="listing-list" data-testid="expert-list">
						{items.map((e) => (
							<li key={e.id} className="card listing-card">
								<h2>
									<Link to={`/experts/${e.id}`}>
										<ExpertName expert={e} />
									</Link>
								</h2>
								<p className="meta-line">
									{e.organisation ? <Link to={`/organisations/${e.organisation.slug}`}>{e.organisationName || e.organisation.name}</Link> : e.organisationName ? <span>{e.organisationName}</span> : null}
									{e.province ? <span>{locale === 'vi' ? e.province.nameVi : e.province.nameEn}</span> : null}
									{e.availableForAppraisal ? <span className="badge badge--ok">{t('experts.detail.appraisal')}</span> : null}
									{e.availableForConsulting ? <span className="badge badge--ok">{t('experts.detail.consulting')}</span> : null}
								</p>
								<p className="meta-line">
									{e.fieldCodes.map((c) => (
										<span key={c} className="badge">
											{fieldNames[c] ?? c}
										</span>
									))}
								</p>
								{e.keywords.length > 0 ? <p className="clamp">{e.keywords.join(', ')}</p> : null}
								<p className="meta-line">
									<span>{t('experts.list.tasks', { count: e._count.tasks })}</span>
									<span>{t('experts.list.publications', { count: e._count.publications })}</span>
								</p>
							</li>
						))}
					</ul>
					<Pagination page={filters.page} pages={pages} />
					<ExportLinks path="/experts/export" query={data.exportQuery} area="experts" hint={data.exportsEmails ? t('experts.export.hintOperator') : t('experts.export.hint')} />
				</div>
			</div>
		</div>
	)
}
