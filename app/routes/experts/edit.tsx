import { getFormProps, getTextareaProps, useForm, type FieldMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/edit'
import { CheckboxField, ErrorList, Field, FormErrors, SelectField } from '~/components/forms'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { getProfileForEditing } from '~/models/expert-claim.server'
import { ExpertProfileFormSchema } from '~/models/expert-profile-schema'
import { ACADEMIC_TITLES, DEGREES, EXPERT_LIMITS } from '~/models/expert-schema'
import { ExpertProfileError, updateOwnProfile } from '~/models/expert.server'
import { listProvinces, listScienceFields } from '~/models/reference.server'
import { requireUser } from '~/utils/auth.server'
import { clientIp, invariantResponse } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'expertProfile.edit.title')

/** Empty lines under the publications the expert added, for more without JavaScript. */
const BLANK_PUBLICATION_LINES = 3

// Only the claimant: anyone else (operators included, who change profiles through imports and the API) gets a 403.
async function requireClaimant(request: Request, expertId: string) {
	const user = await requireUser(request)
	const profile = await getProfileForEditing(expertId)
	invariantResponse(profile, 'errors.notFound', { status: 404 })
	invariantResponse(profile.claimedById === user.id, 'expertProfile.errors.notClaimant', { status: 403 })
	return { user, profile }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { profile } = await requireClaimant(request, params.id)
	const locale = getLocale(context) as AppLocale
	const [provinces, fields] = await Promise.all([listProvinces(locale), listScienceFields(locale)])
	const { ownPublications, importedPublications, claimedById: _claimant, ...values } = profile
	return {
		id: profile.id,
		fullName: profile.fullName,
		claimed: new URL(request.url).searchParams.get('claimed') === '1',
		importedPublications,
		provinces,
		fields,
		defaultValue: {
			academicTitle: values.academicTitle ?? '',
			degree: values.degree ?? '',
			organisationName: values.organisationName,
			provinceCode: values.provinceCode ?? '',
			fieldCodes: values.fieldCodes,
			keywords: values.keywords.join(', '),
			bio: values.bio,
			availableForAppraisal: values.availableForAppraisal ? 'on' : undefined,
			availableForConsulting: values.availableForConsulting ? 'on' : undefined,
			availabilityNote: values.availabilityNote,
			publications: ownPublications.map((p) => ({ title: p.title, year: p.year === null ? '' : String(p.year), venue: p.venue })),
		},
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	// Who may post comes before reading anything they sent.
	const { user } = await requireClaimant(request, params.id)
	await consume('writeUser', user.id)
	const submission = parseWithZod(await request.formData(), { schema: ExpertProfileFormSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		await updateOwnProfile(user, params.id, submission.value, { ip: clientIp(request) })
	} catch (error) {
		if (!(error instanceof ExpertProfileError)) throw error
		if (error.status === 403 || error.status === 404) throw data({ message: error.code }, { status: error.status })
		return data({ result: submission.reply({ formErrors: [error.code], fieldErrors: error.fields }) }, { status: error.status })
	}
	return redirect(`/experts/${params.id}?saved=1`, { status: 303 })
}

export default function EditExpertProfilePage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: `expert-profile-${loaderData.id}`,
		lastResult: actionData?.result,
		defaultValue: loaderData.defaultValue as never,
		constraint: getZodConstraint(ExpertProfileFormSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ExpertProfileFormSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const f = fields as unknown as Record<string, FieldMetadata<unknown>>
	const publications = fields.publications.getFieldList()
	const blanks = Array.from({ length: BLANK_PUBLICATION_LINES }, (_, i) => publications.length + i)
	const selectedFields = new Set(([] as unknown[]).concat(f.fieldCodes!.initialValue ?? []).map(String))
	const optional = ` (${t('common.optional')})`
	return (
		<section className="card editor" data-testid="expert-profile-editor">
			<h1>{t('expertProfile.edit.title')}</h1>
			{loaderData.claimed ? (
				<p className="notice notice--success" role="status">
					{t('expertProfile.panel.claimed')}
				</p>
			) : null}
			<p className="muted">{t('expertProfile.edit.lead')}</p>
			<p>
				{t('expertProfile.edit.fullName')}: <strong>{loaderData.fullName}</strong>
			</p>
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<div className="grid-2">
					<SelectField
						meta={f.academicTitle!}
						label={t('expertProfile.edit.academicTitle')}
						options={ACADEMIC_TITLES.map((code) => ({ code, name: t(`expertProfile.titles.${code}`) }))}
						placeholder={t('expertProfile.edit.none')}
					/>
					<SelectField
						meta={f.degree!}
						label={t('expertProfile.edit.degree')}
						options={DEGREES.map((code) => ({ code, name: t(`expertProfile.degrees.${code}`) }))}
						placeholder={t('expertProfile.edit.none')}
					/>
				</div>
				<Field label={t('expertProfile.edit.organisationName') + optional} meta={fields.organisationName} />
				<SelectField meta={f.provinceCode!} label={t('expertProfile.edit.provinceCode') + optional} options={loaderData.provinces} placeholder={t('expertProfile.edit.chooseProvince')} />
				<div className="field">
					<label htmlFor={f.fieldCodes!.id}>{t('expertProfile.edit.fieldCodes')}</label>
					<select id={f.fieldCodes!.id} name="fieldCodes" multiple size={10} key={f.fieldCodes!.key} defaultValue={[...selectedFields]}>
						{loaderData.fields.map((o) => (
							<option key={o.code} value={o.code}>
								{'\u00a0\u00a0'.repeat((o.level ?? 1) - 1)}
								{o.code} · {o.name}
							</option>
						))}
					</select>
					<p className="field-hint">{t('expertProfile.edit.fieldHint', { max: EXPERT_LIMITS.fields })}</p>
					<ErrorList id={f.fieldCodes!.errorId} errors={f.fieldCodes!.errors} />
				</div>
				<Field label={t('expertProfile.edit.keywords') + optional} meta={fields.keywords as never} hint={t('expertProfile.edit.keywordsHint', { max: EXPERT_LIMITS.keywords.max })} />
				<div className="field">
					<label htmlFor={fields.bio.id}>{t('expertProfile.edit.bio') + optional}</label>
					<textarea {...getTextareaProps(fields.bio)} key={fields.bio.key} rows={8} />
					<ErrorList id={fields.bio.errorId} errors={fields.bio.errors} />
				</div>
				<fieldset className="fieldset">
					<legend>{t('expertProfile.edit.availability')}</legend>
					<CheckboxField meta={f.availableForAppraisal!} label={t('expertProfile.edit.availableForAppraisal')} />
					<CheckboxField meta={f.availableForConsulting!} label={t('expertProfile.edit.availableForConsulting')} />
					<div className="field">
						<label htmlFor={fields.availabilityNote.id}>{t('expertProfile.edit.availabilityNote') + optional}</label>
						<textarea {...getTextareaProps(fields.availabilityNote)} key={fields.availabilityNote.key} rows={3} />
						<ErrorList id={fields.availabilityNote.errorId} errors={fields.availabilityNote.errors} />
					</div>
				</fieldset>
				<fieldset className="fieldset" data-testid="own-publications">
					<legend>{t('expertProfile.edit.publications')}</legend>
					<p className="field-hint">{t('expertProfile.edit.publicationsHint')}</p>
					<ErrorList id={fields.publications.errorId} errors={fields.publications.errors} />
					{publications.map((line) => {
						const p = line.getFieldset()
						return (
							<div className="grid-2 subfields" key={line.key}>
								<Field label={t('expertProfile.edit.publicationTitle')} meta={p.title as never} />
								<Field label={t('expertProfile.edit.publicationYear')} meta={p.year as never} type="number" />
								<Field label={t('expertProfile.edit.publicationVenue')} meta={p.venue as never} />
							</div>
						)
					})}
					{blanks.map((index) => (
						<div className="grid-2 subfields" key={`blank-${index}`}>
							<div className="field">
								<label htmlFor={`${form.id}-pub-${index}-title`}>{t('expertProfile.edit.publicationTitle')}</label>
								<input id={`${form.id}-pub-${index}-title`} name={`publications[${index}].title`} maxLength={EXPERT_LIMITS.publicationTitle} />
							</div>
							<div className="field">
								<label htmlFor={`${form.id}-pub-${index}-year`}>{t('expertProfile.edit.publicationYear')}</label>
								<input id={`${form.id}-pub-${index}-year`} name={`publications[${index}].year`} type="number" min={1900} max={2100} />
							</div>
							<div className="field">
								<label htmlFor={`${form.id}-pub-${index}-venue`}>{t('expertProfile.edit.publicationVenue')}</label>
								<input id={`${form.id}-pub-${index}-venue`} name={`publications[${index}].venue`} maxLength={EXPERT_LIMITS.line} />
							</div>
						</div>
					))}
				</fieldset>
				{loaderData.importedPublications.length > 0 ? (
					<section data-testid="imported-publications">
						<h2>{t('expertProfile.edit.importedPublications')}</h2>
						<ul>
							{loaderData.importedPublications.map((p, i) => (
								<li key={i}>
									{p.title}
									{p.year ? ` (${p.year})` : ''}
									{p.venue ? `, ${p.venue}` : ''}
								</li>
							))}
						</ul>
					</section>
				) : null}
				<div className="actions-row">
					<button type="submit" className="button" disabled={navigation.state === 'submitting'}>
						{t('expertProfile.edit.save')}
					</button>
					<Link to={`/experts/${loaderData.id}`} className="button button--ghost">
						{t('expertProfile.edit.cancel')}
					</Link>
				</div>
			</Form>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
