import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { fieldFilterOptions, provinceFilterOptions, SelectFilter } from '~/components/filters'
import { BUCKETS, statsQuery } from '~/stats/filters'
import type { StatsPageData } from '~/stats/page.server'
import { StatFigure } from './stat-figure'

/** The filters and figures of /stats and /operator/stats: a GET form, so everything lives in the URL and works without JavaScript. */
export function StatsFigures({ data, basePath, children }: { data: StatsPageData; basePath: string; children?: React.ReactNode }) {
	const { t } = useTranslation()
	const { filters, figures, provinces, fieldOptions, lockedProvince, locale, scopeLabel } = data
	return (
		<div className="stack">
			<Form method="get" className="filters stats-filters" role="search" aria-label={t('stats.filters.legend')}>
				<div className="field">
					<label htmlFor="s-from">{t('stats.filters.from')}</label>
					<input id="s-from" name="from" type="month" defaultValue={filters.from} required />
				</div>
				<div className="field">
					<label htmlFor="s-to">{t('stats.filters.to')}</label>
					<input id="s-to" name="to" type="month" defaultValue={filters.to} required />
				</div>
				<SelectFilter id="s-bucket" name="bucket" label={t('stats.filters.bucket')} value={filters.bucket} options={BUCKETS.map((b) => ({ value: b, label: t(`stats.filters.buckets.${b}`) }))} />
				{lockedProvince ? null : (
					<SelectFilter id="s-province" name="province" label={t('stats.filters.province')} value={filters.province} any={t('stats.filters.any')} options={provinceFilterOptions(provinces)} />
				)}
				<SelectFilter id="s-field" name="field" label={t('stats.filters.field')} value={filters.field} any={t('stats.filters.any')} options={fieldFilterOptions(fieldOptions)} />
				<div className="filters__actions">
					<button type="submit" className="button">
						{t('stats.filters.apply')}
					</button>
					<Link to={basePath}>{t('stats.filters.reset')}</Link>
				</div>
			</Form>
			<p className="lead" data-testid="stats-scope">
				<strong>{scopeLabel}</strong> · {t('stats.period', { from: filters.from, to: filters.to })}
			</p>
			{lockedProvince ? <p className="notice">{t('stats.provinceLocked', { province: scopeLabel })}</p> : null}
			<p>
				<a href={`${basePath}/download${statsQuery(filters, { figure: 'all', format: 'xlsx' })}`} download>
					{t('stats.downloadAll')}
				</a>
			</p>
			<div className="stat-grid">
				{figures.map(({ table, svg }) => (
					<StatFigure key={table.id} table={table} svg={svg} filters={filters} basePath={basePath} locale={locale} />
				))}
			</div>
			{children}
		</div>
	)
}
