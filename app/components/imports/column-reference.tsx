import { useTranslation } from 'react-i18next'
import { columnsOf, type ImportKindValue } from '~/imports/columns'

/** The documented columns of one kind of import file, with both header names and what each holds. */
export function ColumnReference({ kind }: { kind: ImportKindValue }) {
	const { t } = useTranslation()
	return (
		<section className="card" data-testid={`columns-${kind}`}>
			<h2>{t(`imports.kinds.${kind}`)}</h2>
			<p className="muted">{t(`imports.keysLead.${kind}`)}</p>
			<div className="table-wrap">
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t('imports.columnHeaders.column')}</th>
							<th scope="col">{t('imports.columnHeaders.key')}</th>
							<th scope="col">{t('imports.columnHeaders.description')}</th>
						</tr>
					</thead>
					<tbody>
						{columnsOf(kind).map((column) => (
							<tr key={column.key}>
								<td>
									<strong>
										{column.vi}
										{column.required ? ' *' : ''}
									</strong>
									<br />
									<span className="muted">{column.en}</span>
								</td>
								<td>
									<code>{column.key}</code>
								</td>
								<td>{t(`imports.columns.${column.key}` as 'imports.columns.title')}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</section>
	)
}

/** Links to the example files kept in public/imports/. */
export function ExampleFiles() {
	const { t } = useTranslation()
	const files = [
		['task-results.vi.csv', 'TASK_RESULTS'],
		['task-results.en.json', 'TASK_RESULTS'],
		['experts.vi.csv', 'EXPERTS'],
		['experts.en.json', 'EXPERTS'],
	] as const
	return (
		<ul className="inline-list">
			{files.map(([file, kind]) => (
				<li key={file}>
					<a href={`/imports/${file}`} download>
						{file}
					</a>{' '}
					<span className="muted">({t(`imports.kinds.${kind}`)})</span>
				</li>
			))}
		</ul>
	)
}
