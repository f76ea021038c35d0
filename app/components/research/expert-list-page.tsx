import { useTranslation } from 'react-i18next'
import { Form, Link, useLoaderData } from 'react-router'
import { fieldFilterOptions, provinceFilterOptions, SelectFilter, TextFilter } from '~/components/filters'
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
					<TextFilter id="f-q" name="q" label={t('experts.filters.q')} value={filters.q} />
					<SelectFilter id="f-field" name="field" label={t('experts.filters.field')} value={filters.field} any={t('experts.filters.allFields')} options={fieldFilterOptions(fieldOptions)} />
					<SelectFilter id="f-province" name="province" label={t('experts.filters.province')} value={filters.province} any={t('experts.filters.allProvinces')} options={provinceFilterOptions(provinces)} />
					<TextFilter id="f-orgname" name="organisationName" label={t('experts.filters.organisationName')} value={filters.organisationName} />
					{organisation ? <SelectFilter id="f-org" name="organisation" label={t('experts.filters.organisation')} value={organisation.id} any="—" options={[{ value: organisation.id, label: organisation.name }]} /> : null}
					<div className="grid-2 grid-2--tight">
						<SelectFilter id="f-title" name="title" label={t('experts.filters.academicTitle')} value={filters.title} any={t('experts.filters.anyTitle')} options={ACADEMIC_TITLES.map((v) => ({ value: v, label: t(`experts.academicTitles.${v}`) }))} />
						<SelectFilter id="f-degree" name="degree" label={t('experts.filters.degree')} value={filters.degree} any={t('experts.filters.anyDegree')} options={DEGREES.map((v) => ({ value: v, label: t(`experts.degrees.${v}`) }))} />
					</div>
					<SelectFilter
						id="f-available"
						name="available"
						label={t('experts.filters.available')}
						value={filters.available}
						any={t('experts.filters.anyAvailability')}
						options={[
							{ value: 'appraisal', label: t('experts.detail.appraisal') },
							{ value: 'consulting', label: t('experts.detail.consulting') },
						]}
					/>
					<fieldset className="fieldset-plain">
						<legend>{t('experts.filters.tasksGroup')}</legend>
						<SelectFilter id="f-level" name="level" label={t('experts.filters.level')} value={filters.level} any={t('experts.filters.anyLevel')} options={TASK_LEVELS.map((l) => ({ value: l, label: t(`taskResults.levels.${l}`) }))} />
						<div className="grid-2 grid-2--tight">
							<TextFilter id="f-from" name="yearFrom" label={t('experts.filters.yearFrom')} value={filters.yearFrom} year />
							<TextFilter id="f-to" name="yearTo" label={t('experts.filters.yearTo')} value={filters.yearTo} year />
						</div>
					</fieldset>
					<SelectFilter
						id="f-sort"
						name="sort"
						label={t('experts.filters.sort')}
						value={filters.sort}
						options={[
							{ value: 'name', label: t('experts.filters.sortName') },
							{ value: 'newest', label: t('experts.filters.sortNewest') },
						]}
					/>
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
