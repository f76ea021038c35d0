import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useRevalidator } from 'react-router'
import type { Route } from './+types/import'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ImportStatusBadge } from '~/components/imports/import-status'
import { DuplicatesPanel } from '~/components/matching/duplicates-panel'
import { Pagination } from '~/components/pagination'
import { columnsOf } from '~/imports/columns'
import { importAction, importLoader } from '~/imports/pages.server'
import { RUNNING_STATUSES } from '~/imports/states'
import { formatFileSize } from '~/uploads/format'
import { formatDateTime } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'imports.title')

export function loader(args: Route.LoaderArgs) {
	return importLoader(args)
}

export function action(args: Route.ActionArgs) {
	return importAction(args)
}

type Counts = { create?: number; update?: number; unchanged?: number; reject?: number; unknownColumns?: string[] }
const COUNT_KEYS = ['create', 'update', 'unchanged', 'reject'] as const
const SHOW = ['ALL', 'REJECT', 'CREATE', 'UPDATE', 'UNCHANGED'] as const

function CountList({ counts, testId }: { counts: Counts; testId: string }) {
	const { t } = useTranslation()
	return (
		<dl className="card-facts" data-testid={testId}>
			{COUNT_KEYS.map((key) => (
				<div key={key}>
					<dt>{t(`imports.counts.${key}`)}</dt>
					<dd data-count={key}>{counts[key] ?? 0}</dd>
				</div>
			))}
		</dl>
	)
}

export default function ImportPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const { record, rows, show, page, pages, locale, done } = loaderData
	const running = (RUNNING_STATUSES as readonly string[]).includes(record.status)
	const revalidator = useRevalidator()
	// The job writes its progress after every batch; the page follows it while it runs.
	useEffect(() => {
		if (!running) return
		const timer = setInterval(() => {
			if (revalidator.state === 'idle') void revalidator.revalidate()
		}, 1000)
		return () => clearInterval(timer)
	}, [running, revalidator])
	const summary = record.summary as Counts
	const applied = (record.applied ?? null) as Counts | null
	const columns = columnsOf(record.kind)
	const label = (field: string) => {
		const column = columns.find((c) => c.key === field)
		return column ? (locale === 'vi' ? column.vi : column.en) : ''
	}
	const number = (n: number) => n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')
	const writable = (summary.create ?? 0) + (summary.update ?? 0)
	return (
		<div className="stack" data-testid="import" data-status={record.status}>
			{running ? (
				<noscript>
					<meta httpEquiv="refresh" content="3" />
				</noscript>
			) : null}
			<section className="card">
				<p>
					<Link to="/operator/imports">← {t('imports.title')}</Link>
				</p>
				<h2>{record.fileName}</h2>
				<p className="meta-line">
					<span className="badge">{t(`imports.kinds.${record.kind}`)}</span>
					<ImportStatusBadge status={record.status} />
					<span>{t('imports.detail.fileInfo', { format: record.format.toUpperCase(), size: formatFileSize(record.fileSize, locale) })}</span>
					{record.createdBy ? <span>{record.createdBy.name}</span> : null}
					<span>{formatDateTime(record.createdAt, locale)}</span>
				</p>
				{/* "Uploaded, checking" and "writing" hold only while the job runs; the status says the rest. */}
				{running && (done === 'uploaded' || done === 'applying') ? (
					<p className="notice notice--success" role="status">
						{t(`imports.notices.${done}`)}
					</p>
				) : null}
				{actionData?.error ? (
					<p className="notice notice--error" role="alert">
						{t(actionData.error as 'imports.errors.notValidated')}
					</p>
				) : null}
				{running ? (
					<div className="stack" data-testid="import-progress">
						<label htmlFor="import-progress">{t('imports.detail.progress')}</label>
						<progress id="import-progress" max={Math.max(1, record.fileSize)} value={Math.min(record.bytesRead, record.fileSize)} />
						<p className="muted" role="status" aria-live="polite">
							{t('imports.detail.rowsRead', { count: record.rowsRead })} · {t('imports.detail.bytes', { read: formatFileSize(record.bytesRead, locale), total: formatFileSize(record.fileSize, locale) })}
						</p>
						<p className="hint">{t('imports.detail.reload')}</p>
					</div>
				) : null}
				{record.status === 'FAILED' && record.errorCode ? (
					<div className="notice notice--error" role="alert" data-testid="import-failed">
						<strong>{t('imports.detail.failed')}</strong>
						<p>{t(record.errorCode as 'imports.errors.utf16', record.errorParams)}</p>
					</div>
				) : null}
				{summary.unknownColumns && summary.unknownColumns.length > 0 ? (
					<p className="notice">{t('imports.detail.unknownColumns', { columns: summary.unknownColumns.join(', ') })}</p>
				) : null}
			</section>

			{record.status !== 'QUEUED' && record.status !== 'FAILED' ? (
				<section className="card">
					<h2>{t('imports.detail.dryRun')}</h2>
					{record.status === 'VALIDATED' ? <p className="muted">{t('imports.detail.dryRunLead')}</p> : null}
					<CountList counts={summary} testId="dry-run-counts" />
					{record.status === 'VALIDATED' ? (
						writable > 0 ? (
							<Form method="post">
								<button type="submit" name="intent" value="apply" className="button">
									{(summary.reject ?? 0) > 0 ? t('imports.detail.applyWithRejects', { count: summary.reject ?? 0 }) : t('imports.detail.apply')}
								</button>
							</Form>
						) : (
							<p className="notice">{t('imports.detail.nothingToApply')}</p>
						)
					) : null}
				</section>
			) : null}

			{applied ? (
				<section className="card">
					<h2>{t('imports.detail.applied')}</h2>
					{record.appliedAt ? <p className="muted">{t('imports.detail.appliedAt', { at: formatDateTime(record.appliedAt, locale) })}</p> : null}
					<CountList counts={applied} testId="applied-counts" />
				</section>
			) : null}

			{record.status !== 'QUEUED' && record.status !== 'FAILED' ? (
				<section className="card">
					<nav className="tabs tabs--small" aria-label={t('imports.detail.filter')}>
						{SHOW.map((s) => (
							<Link key={s} to={`?show=${s}`} aria-current={show === s ? 'page' : undefined}>
								{s === 'ALL' ? t('imports.detail.all') : t(`imports.actions.${s}`)}
							</Link>
						))}
					</nav>
					{rows.length === 0 ? <p className="empty">{t('imports.detail.noRows')}</p> : null}
					<div className="table-wrap">
						<table className="table" data-testid="import-rows">
							<thead>
								<tr>
									<th scope="col">{t('imports.detail.line')}</th>
									<th scope="col">{t('imports.detail.verdict')}</th>
									<th scope="col">{t('imports.detail.key')}</th>
									<th scope="col">{t('imports.detail.details')}</th>
								</tr>
							</thead>
							<tbody>
								{rows.map((row) => (
									<tr key={row.id} data-action={row.action} data-line={row.line}>
										<td>{number(row.line)}</td>
										<td>
											<span className={`badge ${row.action === 'REJECT' ? 'badge--error' : row.action === 'UNCHANGED' ? 'badge--muted' : 'badge--ok'}`}>{t(`imports.actions.${row.action}`)}</span>
										</td>
										<td>
											{row.key}
											{row.label && row.label !== row.key ? (
												<>
													<br />
													<span className="muted">{row.label}</span>
												</>
											) : null}
										</td>
										<td>
											{row.issues.length > 0 ? (
												<ul className="issue-list">
													{row.issues.map((issue, i) => (
														<li key={i}>
															{issue.field ? <strong>{label(issue.field)}: </strong> : null}
															{t(`imports.issues.${issue.code}` as 'imports.issues.required', issue.params ?? {})}
														</li>
													))}
												</ul>
											) : null}
											{row.changes.length > 0 ? <span className="muted">{t('imports.detail.changes', { fields: row.changes.map(label).filter(Boolean).join(', ') })}</span> : null}
											{row.duplicates.length > 0 ? (
												<>
													<strong>{t('matching.duplicates.title')}</strong>
													<DuplicatesPanel items={row.duplicates} compact />
												</>
											) : null}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					<Pagination page={page} pages={pages} />
				</section>
			) : null}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
