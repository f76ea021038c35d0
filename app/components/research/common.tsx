import { useTranslation } from 'react-i18next'

/** "2017–2020", "2023–", "2020", or '' when no year is known. */
export function yearsText(start: number | null, end: number | null) {
	if (start && end) return start === end ? String(start) : `${start}–${end}`
	return start ? `${start}–` : end ? String(end) : ''
}

/** Links to the CSV and XLSX export of the list as filtered now. */
export function ExportLinks({ path, query, area, hint }: { path: string; query: string; area: 'taskResults' | 'experts'; hint: string }) {
	const { t } = useTranslation()
	const href = (format: string) => `${path}?${new URLSearchParams([...new URLSearchParams(query), ['format', format]]).toString()}`
	return (
		<section className="card export-links" aria-label={t(`${area}.export.title`)}>
			<p className="actions-row">
				<a href={href('csv')} className="button button--ghost" download data-testid="export-csv">
					{t(`${area}.export.csv`)}
				</a>
				<a href={href('xlsx')} className="button button--ghost" download data-testid="export-xlsx">
					{t(`${area}.export.xlsx`)}
				</a>
			</p>
			<p className="muted">{hint}</p>
		</section>
	)
}

type Named = { fullName: string; academicTitle: 'PROFESSOR' | 'ASSOCIATE_PROFESSOR' | null; degree: string | null }

/** "PGS. TS. Nguyễn Văn An": the name with the short title and degree before it, as Vietnamese readers expect. */
export function ExpertName({ expert }: { expert: Named }) {
	const { t } = useTranslation()
	const prefix = [
		expert.academicTitle ? t(`experts.academicTitlesShort.${expert.academicTitle}`) : '',
		expert.degree ? t(`experts.degreesShort.${expert.degree as 'DOCTOR'}`) : '',
	]
		.filter(Boolean)
		.join(' ')
	return (
		<>
			{prefix ? <span className="name-prefix">{prefix} </span> : null}
			{expert.fullName}
		</>
	)
}
