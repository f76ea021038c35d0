import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors } from '~/components/forms'
import { OrganisationFormSchema, SELF_SERVICE_TYPES, type OrganisationForm as Values } from '~/models/organisation-schema'

type Props = {
	provinces: Array<{ code: string; name: string }>
	defaultValue?: Partial<Record<keyof Values, string | null>>
	lastResult?: SubmissionResult<string[]> | null
	submitLabel: string
	allowAgency?: boolean
}

export function OrganisationForm({ provinces, defaultValue, lastResult, submitLabel, allowAgency }: Props) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'organisation',
		lastResult,
		defaultValue,
		constraint: getZodConstraint(OrganisationFormSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationFormSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const optional = ` (${t('common.optional')})`
	const types = allowAgency ? [...SELF_SERVICE_TYPES, 'AGENCY' as const] : SELF_SERVICE_TYPES
	return (
		<Form method="post" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<Field label={t('organisations.form.name')} meta={fields.name} autoComplete="organization" />
			<Field label={t('organisations.form.shortName') + optional} meta={fields.shortName} />
			<div className="grid-2">
				<div className="field">
					<label htmlFor={fields.type.id}>{t('organisations.form.type')}</label>
					<select {...getSelectProps(fields.type)} key={fields.type.key}>
						<option value="">{t('organisations.form.chooseType')}</option>
						{types.map((type) => (
							<option key={type} value={type}>
								{t(`organisationTypes.${type}`)}
							</option>
						))}
					</select>
					<ErrorList id={fields.type.errorId} errors={fields.type.errors} />
				</div>
				<div className="field">
					<label htmlFor={fields.provinceCode.id}>{t('organisations.form.province')}</label>
					<select {...getSelectProps(fields.provinceCode)} key={fields.provinceCode.key}>
						<option value="">{t('organisations.form.chooseProvince')}</option>
						{provinces.map((p) => (
							<option key={p.code} value={p.code}>
								{p.name}
							</option>
						))}
					</select>
					<ErrorList id={fields.provinceCode.errorId} errors={fields.provinceCode.errors} />
				</div>
			</div>
			<Field label={t('organisations.form.taxCode') + optional} meta={fields.taxCode} />
			<Field label={t('organisations.form.address') + optional} meta={fields.address} autoComplete="street-address" />
			<div className="grid-2">
				<Field label={t('organisations.form.website') + optional} meta={fields.website} type="url" />
				<Field label={t('organisations.form.email') + optional} meta={fields.email} type="email" />
			</div>
			<Field label={t('organisations.form.phone') + optional} meta={fields.phone} type="tel" />
			<div className="field">
				<label htmlFor={fields.description.id}>{t('organisations.form.description') + optional}</label>
				<textarea {...getTextareaProps(fields.description)} key={fields.description.key} rows={6} />
				<p className="field-hint">{t('organisations.form.descriptionHint')}</p>
				<ErrorList id={fields.description.errorId} errors={fields.description.errors} />
			</div>
			<button type="submit" className="button" disabled={navigation.state === 'submitting'}>
				{submitLabel}
			</button>
		</Form>
	)
}
