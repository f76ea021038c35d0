import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from 'react-router'
import { AttachmentsPanel } from '~/components/attachments-panel'
import { FormErrors, useErrorText } from '~/components/forms'
import { EvidencePanel } from '~/components/listings/evidence'
import { DuplicatesPanel } from '~/components/matching/duplicates-panel'
import { ListingStepFields } from '~/components/listings/listing-step-fields'
import { StatusBadge } from '~/components/listings/status-badge'
import type { ListingEditData, ListingNewData } from '~/listings/edit.server'
import { STEP_ORDER, stepSchema, type ListingKind } from '~/models/listing-schema'
import { formatDateTime } from '~/utils/format'

type ActionData = { result?: SubmissionResult<string[]> | null; error?: string | null; saved?: { version: number; at: string } | null } | undefined

function StepNav({ kind, id, current }: { kind: ListingKind; id: string; current: string }) {
	const { t } = useTranslation()
	return (
		<ol className="steps" aria-label={t('listings.steps.stepOf', { step: STEP_ORDER.indexOf(current as 'basics') + 1, total: STEP_ORDER.length })}>
			{STEP_ORDER.map((step, i) => (
				<li key={step}>
					<Link to={`/${kind}s/${id}/edit?step=${step}`} aria-current={step === current ? 'step' : undefined}>
						{i + 1}. {t(`listings.steps.${step}`)}
					</Link>
				</li>
			))}
		</ol>
	)
}

/** Step 1 of a new listing: the organisation and the basics. Saving creates the draft. */
export function ListingNewPage() {
	const data = useLoaderData() as ListingNewData
	const actionData = useActionData() as ActionData
	const { t } = useTranslation()
	const navigation = useNavigation()
	const schema = stepSchema(data.kind, 'basics')
	const [form, fields] = useForm({
		id: `new-${data.kind}`,
		lastResult: actionData?.result,
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const errorText = useErrorText()
	const area = data.kind === 'offer' ? 'offers' : 'demands'
	if (data.organisations.length === 0) {
		return (
			<section className="narrow card">
				<h1>{t(`listings.${area}.newTitle`)}</h1>
				<p>{t('listings.steps.noOrganisation')}</p>
				<Link to="/organisations" className="button">
					{t('listings.steps.createOrganisation')}
				</Link>
			</section>
		)
	}
	const orgErrors = (actionData?.result as { error?: Record<string, string[]> } | undefined)?.error?.organisationId
	return (
		<section className="card editor">
			<h1>{t(`listings.${area}.newTitle`)}</h1>
			<p className="muted">
				{t('listings.steps.stepOf', { step: 1, total: STEP_ORDER.length })} · {t('listings.steps.basics')}
			</p>
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<div className="field">
					<label htmlFor="organisationId">{t('listings.fields.organisation')}</label>
					<select id="organisationId" name="organisationId" defaultValue={data.organisations[0]?.id}>
						{data.organisations.map((o) => (
							<option key={o.id} value={o.id}>
								{o.name}
							</option>
						))}
					</select>
					{orgErrors ? <p className="field-errors">{orgErrors.map(errorText).join(' ')}</p> : null}
				</div>
				<ListingStepFields kind={data.kind} step="basics" fields={fields as never} provinces={data.provinces} scienceFields={data.fields} />
				<button type="submit" className="button" disabled={navigation.state === 'submitting'}>
					{t('listings.steps.create')}
				</button>
			</Form>
		</section>
	)
}

/** The guided editor of an existing listing, one step at a time, saving drafts as the user types. */
export function ListingEditorPage() {
	const data = useLoaderData() as ListingEditData
	const actionData = useActionData() as ActionData
	const { t } = useTranslation()
	const navigation = useNavigation()
	const autosave = useFetcher<ActionData>()
	const formRef = useRef<HTMLFormElement>(null)
	const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
	const { kind, step, id } = data
	const area = kind === 'offer' ? 'offers' : 'demands'
	const schema = stepSchema(kind, step)
	const [form, fields] = useForm({
		id: `edit-${kind}-${id}-${step}`,
		lastResult: actionData?.result,
		defaultValue: data.values as never,
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	// The newest version the server has confirmed, so the next save is not taken for a stale one.
	const version = Math.max(data.version, autosave.data?.saved?.version ?? 0, actionData?.saved?.version ?? 0)
	const savedAt = autosave.data?.saved?.at ?? actionData?.saved?.at
	// A save scheduled on one step must never fire after moving to another: it would post the new
	// step's form to the old step's URL and blank the old step's fields.
	useEffect(() => () => clearTimeout(timer.current), [step])
	const scheduleAutosave = () => {
		clearTimeout(timer.current)
		timer.current = setTimeout(() => {
			const el = formRef.current
			if (!el || el.dataset.step !== step) return
			const body = new FormData(el)
			body.set('intent', 'autosave')
			void autosave.submit(body, { method: 'post', action: `/${area}/${id}/edit?step=${step}` })
		}, 1500)
	}
	const editable = step === 'basics' || step === 'technical' || step === 'commercial'
	const formProps = getFormProps(form)
	return (
		<div className="page editor">
			<div className="page-head">
				<div>
					<h1>{t(`listings.${area}.editTitle`)}</h1>
					<p className="meta-line">
						<StatusBadge status={data.status} pending={data.pending} />
						<Link to={`/${area}/${id}`}>{data.title}</Link>
					</p>
				</div>
			</div>
			<StepNav kind={kind} id={id} current={step} />
			{data.status === 'PUBLISHED' ? <p className="notice">{t('listings.steps.pendingNote')}</p> : null}
			{data.returnReason ? <p className="notice notice--error">{t('listings.detail.returnedBecause', { reason: data.returnReason })}</p> : null}
			{actionData?.error && !actionData.result ? (
				<p className="notice notice--error" role="alert">
					{t(actionData.error as 'errors.server')}
				</p>
			) : null}
			{editable ? (
				<section className="card">
					<Form
						method="post"
						{...formProps}
						key={step}
						data-step={step}
						ref={formRef}
						onChange={scheduleAutosave}
						onSubmit={(event) => {
							clearTimeout(timer.current)
							formProps.onSubmit(event)
						}}
					>
						<input type="hidden" name="version" value={version} />
						<FormErrors id={form.errorId} errors={form.errors} />
						<ListingStepFields kind={kind} step={step} fields={fields as never} provinces={data.provinces} scienceFields={data.fields} />
						{step === 'basics' && data.members.length > 0 ? (
							<div className="field">
								<label htmlFor="contactUserId">{t('listings.fields.contact')}</label>
								<select id="contactUserId" name="contactUserId" defaultValue={data.contactUserId ?? ''}>
									{data.members.map((m) => (
										<option key={m.id} value={m.id}>
											{m.name}
										</option>
									))}
								</select>
							</div>
						) : null}
						<p className="autosave" role="status" aria-live="polite">
							{autosave.state !== 'idle'
								? t('listings.steps.saving')
								: autosave.data?.saved === null || (autosave.data && !autosave.data.saved)
									? t('listings.steps.autosaveFailed')
									: savedAt
										? t('listings.steps.savedAt', { time: formatDateTime(savedAt, data.locale).slice(-5) })
										: ''}
						</p>
						<div className="actions-row">
							{step !== 'basics' ? (
								<Link to={`/${area}/${id}/edit?step=${STEP_ORDER[STEP_ORDER.indexOf(step) - 1]}`} className="button button--ghost">
									{t('listings.steps.back')}
								</Link>
							) : null}
							<button type="submit" name="next" value="stay" className="button button--ghost" disabled={navigation.state === 'submitting'}>
								{t('listings.steps.save')}
							</button>
							<button type="submit" className="button" disabled={navigation.state === 'submitting'}>
								{t('listings.steps.saveAndContinue')}
							</button>
						</div>
					</Form>
				</section>
			) : null}
			<DuplicatesPanel items={data.duplicates} />
			{data.evidence ? <EvidencePanel offerId={id} data={data.evidence} locale={data.locale} /> : null}
			{step === 'attachments' ? (
				<section className="card">
					<AttachmentsPanel kind={kind} listingId={id} attachments={data.attachments} canEdit error={data.uploadError} redirectTo={`/${area}/${id}/edit?step=attachments`} />
					<p className="actions-row">
						<Link to={`/${area}/${id}/edit?step=review`} className="button">
							{t('listings.steps.saveAndContinue')}
						</Link>
					</p>
				</section>
			) : null}
			{step === 'review' ? <ReviewStep /> : null}
		</div>
	)
}

function ReviewStep() {
	const data = useLoaderData() as ListingEditData
	const { t } = useTranslation()
	const errorText = useErrorText()
	const area = data.kind === 'offer' ? 'offers' : 'demands'
	const canSubmit = data.status === 'DRAFT' || data.status === 'RETURNED' || data.pending === 'returned'
	return (
		<section className="card">
			<p className="lead">{t('listings.steps.reviewLead')}</p>
			{data.issues.length > 0 ? (
				<div className="notice notice--error" data-testid="missing">
					<p>{t('listings.steps.missing')}</p>
					<ul>
						{data.issues.map((issue) => (
							<li key={issue.path}>
								<Link to={`/${area}/${data.id}/edit?step=${stepOfField(data.kind, issue.path)}`}>{t(`listings.fields.${issue.path}` as 'listings.fields.title')}</Link>: {errorText(issue.message)}
							</li>
						))}
					</ul>
				</div>
			) : null}
			<p>
				<Link to={`/${area}/${data.id}`}>{data.title}</Link> · {t('listings.fields.attachments')}: {data.attachments.length}
			</p>
			{canSubmit ? (
				<Form method="post">
					<input type="hidden" name="intent" value="submit" />
					<button type="submit" className="button" disabled={data.issues.length > 0 && data.status !== 'PUBLISHED'}>
						{data.status === 'PUBLISHED' ? t('listings.steps.submitEdits') : t('listings.steps.submit')}
					</button>
				</Form>
			) : null}
		</section>
	)
}

function stepOfField(kind: ListingKind, field: string) {
	const steps = { offer: { trl: 'technical', transferModes: 'commercial', priceMin: 'commercial' }, demand: { transferModes: 'commercial', budgetMin: 'commercial', deadline: 'technical' } } as const
	return (steps[kind] as Record<string, string>)[field] ?? 'basics'
}
