import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/nda'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, FormErrors } from '~/components/forms'
import { Markdown } from '~/components/markdown'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { NDA_LIMITS, NdaTemplateSchema } from '~/models/nda-template-schema'
import { getNdaTemplate, listNdaTemplates, NdaTemplateError, publishNdaTemplate } from '~/models/nda-template.server'
import { requireRole } from '~/utils/auth.server'
import { formatDateTime, formatNumber } from '~/utils/format'
import { clientIp, invariantResponse } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'operator.nda.title')

const FIELDS = ['titleVi', 'titleEn', 'bodyVi', 'bodyEn'] as const
type Draft = Record<(typeof FIELDS)[number], string>

// getZodConstraint cannot see through the schema's transform (it only finds "required"), so the
// inputs get the lengths from the same limits: maxLength caps typing even without JavaScript.
const title = { required: true, minLength: NDA_LIMITS.title.min, maxLength: NDA_LIMITS.title.max }
const body = { required: true, minLength: NDA_LIMITS.body.min, maxLength: NDA_LIMITS.body.max }
const CONSTRAINT = { ...getZodConstraint(NdaTemplateSchema), titleVi: title, titleEn: title, bodyVi: body, bodyEn: body }

/** ?version=N: a positive whole number, or absent (the current version). */
function askedVersion(url: URL) {
	const raw = url.searchParams.get('version')
	if (raw === null) return null
	invariantResponse(/^[1-9]\d{0,8}$/.test(raw), 'operator.nda.notFound', { status: 404 })
	return Number(raw)
}

export async function loader({ request, context }: Route.LoaderArgs) {
	await requireRole(request, 'OPERATOR')
	const url = new URL(request.url)
	const asked = askedVersion(url)
	const [versions, current] = await Promise.all([listNdaTemplates(), getNdaTemplate(null)])
	const shown = asked === null || asked === current?.version ? current : await getNdaTemplate(asked)
	invariantResponse(asked === null || shown, 'operator.nda.notFound', { status: 404 })
	const published = Number(url.searchParams.get('published') ?? 0)
	return {
		versions,
		current,
		shown,
		locale: getLocale(context) as AppLocale,
		published: Number.isInteger(published) && published > 0 ? published : null,
	}
}

/** What was typed, as typed, for the preview (the form gets it back through conform's reply). */
function typed(formData: FormData): Draft {
	return Object.fromEntries(FIELDS.map((name) => [name, String(formData.get(name) ?? '')])) as Draft
}

export async function action({ request }: Route.ActionArgs) {
	// Who may post comes before reading anything they sent.
	const user = await requireRole(request, 'OPERATOR')
	await consume('writeUser', user.id)
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: NdaTemplateSchema })
	// Preview is a round trip so that it works without JavaScript; it writes nothing.
	if (formData.get('intent') === 'preview') return data({ result: submission.reply(), preview: typed(formData) }, { status: 200 })
	if (submission.status !== 'success') return data({ result: submission.reply({ formErrors: ['validation.fixBelow'] }), preview: typed(formData) }, { status: 400 })
	try {
		const created = await publishNdaTemplate(user, submission.value, { ip: clientIp(request) })
		return redirect(`/operator/nda?published=${created.version}`, { status: 303 })
	} catch (error) {
		if (!(error instanceof NdaTemplateError)) throw error
		if (error.status === 403) throw data({ message: error.code }, { status: 403 })
		return data({ result: submission.reply({ formErrors: [error.code], fieldErrors: error.fields }), preview: typed(formData) }, { status: error.status })
	}
}

function TextField({ meta, label, hint, multiline }: { meta: FieldMetadata<string>; label: string; hint?: string; multiline?: boolean }) {
	const hintId = `${meta.id}-hint`
	return (
		<div className="field">
			<label htmlFor={meta.id}>{label}</label>
			{multiline ? (
				<textarea {...getTextareaProps(meta, { ariaDescribedBy: hint ? hintId : undefined })} key={meta.key} rows={16} />
			) : (
				<input {...getInputProps(meta, { type: 'text', ariaDescribedBy: hint ? hintId : undefined })} key={meta.key} />
			)}
			{hint ? (
				<p id={hintId} className="field-hint">
					{hint}
				</p>
			) : null}
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

/** Both languages side by side, Vietnamese first, through the Markdown component (no HTML, no images). */
function Texts({ draft, testId }: { draft: Draft; testId: string }) {
	const { t } = useTranslation()
	return (
		<div className="grid-2" data-testid={testId}>
			{(['vi', 'en'] as const).map((lang) => (
				<article key={lang} lang={lang}>
					<p className="muted">{t(`operator.nda.languages.${lang}`)}</p>
					<h3>{lang === 'vi' ? draft.titleVi : draft.titleEn}</h3>
					<div className="nda-text">
						<Markdown>{lang === 'vi' ? draft.bodyVi : draft.bodyEn}</Markdown>
					</div>
				</article>
			))}
		</div>
	)
}

export default function OperatorNdaPage({ loaderData: d, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const busy = useNavigation().state === 'submitting'
	const defaults: Draft = { titleVi: d.current?.titleVi ?? '', titleEn: d.current?.titleEn ?? '', bodyVi: d.current?.bodyVi ?? '', bodyEn: d.current?.bodyEn ?? '' }
	const [form, fields] = useForm({
		id: 'nda-template',
		lastResult: actionData?.result,
		defaultValue: defaults,
		constraint: CONSTRAINT,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: NdaTemplateSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	// With JavaScript the preview follows the typing; without, it is the text last sent with "Preview".
	const [live, setLive] = useState<Draft | null>(null)
	const preview = live ?? actionData?.preview ?? null
	const onInput = (event: React.FormEvent<HTMLFormElement>) => {
		const formData = new FormData(event.currentTarget)
		setLive(typed(formData))
	}
	return (
		<div className="stack" data-testid="operator-nda">
			<h2>{t('operator.nda.title')}</h2>
			<p className="muted">{t('operator.nda.lead')}</p>
			{d.published && !actionData ? (
				<p className="notice notice--success" role="status" data-testid="nda-published">
					{t('operator.nda.published', { version: d.published })}
				</p>
			) : null}
			{d.shown ? (
				<section className="card" data-testid="nda-shown" data-version={d.shown.version}>
					<h2>
						{d.shown.version === d.current?.version ? t('operator.nda.current') : t('operator.nda.viewing', { version: d.shown.version })} ·{' '}
						{t('operator.nda.version')} {d.shown.version}
					</h2>
					{d.shown.version !== d.current?.version ? (
						<p>
							<Link to="/operator/nda">{t('operator.nda.showCurrent')}</Link>
						</p>
					) : null}
					<Texts draft={d.shown} testId="nda-shown-texts" />
				</section>
			) : null}
			<section className="card">
				<h2>{t('operator.nda.versions')}</h2>
				<div className="table-wrap">
					<table className="table" data-testid="nda-versions">
						<thead>
							<tr>
								<th>{t('operator.nda.version')}</th>
								<th>{t('operator.nda.documentTitle')}</th>
								<th>{t('operator.nda.publishedBy')}</th>
								<th>{t('operator.nda.publishedAt')}</th>
								<th>{t('operator.nda.deals')}</th>
								<th />
							</tr>
						</thead>
						<tbody>
							{d.versions.map((v) => (
								<tr key={v.id} data-testid="nda-version" data-version={v.version}>
									<td>
										{v.version} {v.version === d.current?.version ? <span className="badge badge--ok">{t('operator.nda.currentBadge')}</span> : null}
									</td>
									<td>{d.locale === 'vi' ? v.titleVi : v.titleEn}</td>
									<td>{v.createdBy?.name ?? t('operator.nda.platform')}</td>
									<td>
										<time dateTime={new Date(v.createdAt).toISOString()}>{formatDateTime(v.createdAt, d.locale)}</time>
									</td>
									<td>{formatNumber(v.deals, d.locale)}</td>
									<td>
										<Link to={`/operator/nda?version=${v.version}`}>{t('operator.nda.view')}</Link>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>
			<section className="card">
				<h2>{t('operator.nda.form.title')}</h2>
				<p className="muted">{t('operator.nda.form.lead')}</p>
				<Form method="post" {...getFormProps(form)} onInput={onInput} className="stack" data-testid="nda-form">
					<FormErrors id={form.errorId} errors={form.errors} />
					<div className="grid-2">
						<TextField meta={fields.titleVi} label={t('operator.nda.form.titleVi')} />
						<TextField meta={fields.titleEn} label={t('operator.nda.form.titleEn')} />
					</div>
					<TextField meta={fields.bodyVi} label={t('operator.nda.form.bodyVi')} hint={t('operator.nda.form.bodyHint', { min: NDA_LIMITS.body.min, max: formatNumber(NDA_LIMITS.body.max, d.locale) })} multiline />
					<TextField meta={fields.bodyEn} label={t('operator.nda.form.bodyEn')} hint={t('operator.nda.form.bodyHint', { min: NDA_LIMITS.body.min, max: formatNumber(NDA_LIMITS.body.max, d.locale) })} multiline />
					<div className="actions-row">
						<button type="submit" name="intent" value="preview" className="button button--ghost" formNoValidate disabled={busy}>
							{t('operator.nda.form.preview')}
						</button>
						<button type="submit" name="intent" value="publish" className="button" disabled={busy}>
							{t('operator.nda.form.publish')}
						</button>
					</div>
				</Form>
				{preview ? (
					<section aria-live="polite">
						<h3>{t('operator.nda.form.previewTitle')}</h3>
						<Texts draft={preview} testId="nda-preview" />
					</section>
				) : null}
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
