import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { fieldFilterOptions, SelectFilter } from '~/components/filters'
import { statsQuery } from '~/stats/filters'
import type { StatsPageData } from '~/stats/page.server'
import { formatDate } from '~/utils/format'

export type ProposalEcho = { error: string | null; params: Record<string, string | number>; demand: string[]; title: string; field: string; format: string }

/**
 * The unmet demands of the operator's scope, each with a box to tick, and the proposal export: a
 * plain form posting to the export, so the file downloads with or without JavaScript. A refused
 * export comes back here with what was chosen and typed (`echo`).
 */
export function UnmetDemands({ data, echo }: { data: StatsPageData; echo: ProposalEcho }) {
	const { t } = useTranslation()
	const { unmet, filters, fieldOptions, locale } = data
	const chosen = new Set(echo.demand)
	return (
		<section className="card" aria-labelledby="unmet-title" id="proposal">
			<h2 id="unmet-title">{t('stats.unmet.title')}</h2>
			<p>{t('stats.unmet.intro')}</p>
			{unmet.demands.length === 0 ? (
				<p className="muted">{t('stats.unmet.none')}</p>
			) : (
				<form method="post" action={`/operator/stats/proposal${statsQuery(filters)}`} className="stack">
					{echo.error ? (
						<p className="notice notice--error" role="alert">
							{t(echo.error as 'stats.unmet.errors.noneSelected', echo.params)}
						</p>
					) : null}
					{unmet.truncated ? <p className="muted">{t('stats.unmet.truncated', { count: unmet.demands.length })}</p> : null}
					<div className="table-scroll table-scroll--tall">
						<table className="table">
							<thead>
								<tr>
									<th scope="col">{t('stats.unmet.select')}</th>
									<th scope="col">{t('stats.unmet.demand')}</th>
									<th scope="col">{t('stats.unmet.organisation')}</th>
									<th scope="col">{t('stats.columns.province')}</th>
									<th scope="col">{t('stats.unmet.published')}</th>
								</tr>
							</thead>
							<tbody>
								{unmet.demands.map((d) => (
									<tr key={d.id}>
										<td>
											<input type="checkbox" name="demand" value={d.id} id={`unmet-${d.id}`} defaultChecked={chosen.has(d.id)} aria-label={d.title} />
										</td>
										<th scope="row">
											<Link to={`/demands/${d.id}`}>{d.title}</Link>
											{d.keywords.length > 0 ? <div className="muted small">{d.keywords.slice(0, 6).join(', ')}</div> : null}
										</th>
										<td>{d.organisationName}</td>
										<td>{d.provinceName}</td>
										<td>{formatDate(d.publishedAt, locale)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					<div className="grid-2">
						<div className="field">
							<label htmlFor="proposal-title">{t('stats.unmet.proposalTitle')}</label>
							<input id="proposal-title" name="title" maxLength={300} defaultValue={echo.title} aria-describedby="proposal-title-hint" />
							<p id="proposal-title-hint" className="hint">
								{t('stats.unmet.proposalTitleHint')}
							</p>
						</div>
						<SelectFilter id="proposal-field" name="proposalField" label={t('stats.unmet.proposalField')} value={echo.field || undefined} any={t('stats.unmet.proposalFieldAuto')} options={fieldFilterOptions(fieldOptions)} />
						<SelectFilter
							id="proposal-format"
							name="format"
							label={t('stats.unmet.format')}
							value={echo.format || 'xlsx'}
							options={[
								{ value: 'xlsx', label: 'XLSX' },
								{ value: 'csv', label: 'CSV' },
								{ value: 'json', label: 'JSON' },
							]}
						/>
					</div>
					<div>
						<button type="submit" className="button">
							{t('stats.unmet.export')}
						</button>
					</div>
				</form>
			)}
		</section>
	)
}
