import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/imports'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ExampleFiles } from '~/components/imports/column-reference'
import { ImportStatusBadge } from '~/components/imports/import-status'
import { importsAction, importsLoader } from '~/imports/pages.server'
import { IMPORT_KINDS } from '~/imports/states'
import { formatFileSize } from '~/uploads/format'
import { formatDateTime } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'imports.title')

export function loader(args: Route.LoaderArgs) {
	return importsLoader(args)
}

export function action(args: Route.ActionArgs) {
	return importsAction(args)
}

export default function Imports({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const { imports, locale, maxBytes, kind } = loaderData
	const busy = useNavigation().state === 'submitting'
	return (
		<div className="stack">
			<section className="card">
				<h2>{t('imports.upload.title')}</h2>
				<p className="muted">{t('imports.lead')}</p>
				{actionData?.error ? (
					<p className="notice notice--error" role="alert" data-testid="upload-error">
						{t(actionData.error as 'imports.errors.missing', { size: formatFileSize(maxBytes, locale) })}
					</p>
				) : null}
				<Form method="post" encType="multipart/form-data" className="stack" id="import-upload">
					<div className="field">
						<label htmlFor="import-kind">{t('imports.upload.kind')}</label>
						<select id="import-kind" name="kind" defaultValue={actionData?.kind ?? kind}>
							{IMPORT_KINDS.map((k) => (
								<option key={k} value={k}>
									{t(`imports.kinds.${k}`)}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="import-file">{t('imports.upload.file')}</label>
						<input id="import-file" name="file" type="file" required accept=".csv,.xlsx,.json,.jsonl,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="import-file-hint" />
						<p className="hint" id="import-file-hint">
							{t('imports.upload.fileHint', { size: formatFileSize(maxBytes, locale) })}
						</p>
					</div>
					<div className="actions-row">
						<button type="submit" className="button" disabled={busy}>
							{t('imports.upload.submit')}
						</button>
						<Link to="/operator/imports/help">{t('imports.upload.help')}</Link>
					</div>
				</Form>
				<h3>{t('imports.upload.examples')}</h3>
				<ExampleFiles />
			</section>
			<section className="card">
				<h2>{t('imports.title')}</h2>
				{imports.length === 0 ? <p className="empty">{t('imports.list.empty')}</p> : null}
				<div className="table-wrap">
					<table className="table" data-testid="imports">
						<thead>
							<tr>
								<th scope="col">{t('imports.list.file')}</th>
								<th scope="col">{t('imports.list.kind')}</th>
								<th scope="col">{t('imports.list.status')}</th>
								<th scope="col">{t('imports.list.rows')}</th>
								<th scope="col">{t('imports.list.by')}</th>
								<th scope="col">{t('imports.list.at')}</th>
							</tr>
						</thead>
						<tbody>
							{imports.map((item) => (
								<tr key={item.id}>
									<td>
										<Link to={`/operator/imports/${item.id}`}>{item.fileName}</Link>
									</td>
									<td>{t(`imports.kinds.${item.kind}`)}</td>
									<td>
										<ImportStatusBadge status={item.status} />
									</td>
									<td>{item.rowsRead.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')}</td>
									<td>{item.createdBy?.name ?? '—'}</td>
									<td>{formatDateTime(item.createdAt, locale)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
