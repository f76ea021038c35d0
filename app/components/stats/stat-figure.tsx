import { useTranslation } from 'react-i18next'
import type { AppLocale } from '~/locales'
import { statsQuery, type StatsFilters } from '~/stats/filters'
import { displayValue } from '~/stats/format'
import type { StatTable } from '~/stats/table'

/** One figure: the server-drawn chart, the note saying how it is computed, its data table and downloads of exactly that table. */
export function StatFigure({ table, svg, filters, basePath, locale }: { table: StatTable; svg: string | null; filters: StatsFilters; basePath: string; locale: AppLocale }) {
	const { t } = useTranslation()
	const headingId = `fig-${table.id}`
	const download = (format: 'csv' | 'xlsx') => `${basePath}/download${statsQuery(filters, { figure: table.id, format })}`
	const empty = table.rows.length === 0 || table.rows.every((row) => table.columns.every((c) => c.kind === 'label' || c.kind === 'text' || !row[c.key]))
	return (
		<section className="card stat-figure" aria-labelledby={headingId} data-figure={table.id}>
			<h2 id={headingId}>{table.title}</h2>
			{empty ? <p className="muted">{t('stats.emptyFigure')}</p> : null}
			{/* Vega's SVG, drawn on the server from the same rows as the table below (text escaped by Vega). */}
			{svg && !empty ? <div className="stat-chart" dangerouslySetInnerHTML={{ __html: svg }} /> : null}
			<p className="stat-note">
				<strong>{t('stats.howComputed')}:</strong> {table.note}
			</p>
			<details>
				<summary>{t('stats.showTable')}</summary>
				<div className="table-scroll">
					<table className="table">
						<caption className="visually-hidden">{table.title}</caption>
						<thead>
							<tr>
								{table.columns.map((c) => (
									<th key={c.key} scope="col" className={c.kind === 'label' || c.kind === 'text' ? undefined : 'num'}>
										{c.label}
									</th>
								))}
							</tr>
						</thead>
						<tbody>
							{table.rows.map((row, i) => (
								<tr key={i}>
									{table.columns.map((c, j) =>
										j === 0 || c.kind === 'label' ? (
											<th key={c.key} scope="row">
												{displayValue(row[c.key] ?? null, c.kind, locale, t('stats.none'))}
											</th>
										) : (
											<td key={c.key} className={c.kind === 'text' ? undefined : 'num'}>
												{displayValue(row[c.key] ?? null, c.kind, locale, t('stats.none'))}
											</td>
										),
									)}
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</details>
			<p className="stat-downloads">
				{t('stats.download')}:{' '}
				<a href={download('csv')} download>
					{t('stats.downloadCsv')}
				</a>{' '}
				·{' '}
				<a href={download('xlsx')} download>
					{t('stats.downloadXlsx')}
				</a>
			</p>
		</section>
	)
}
