import type { FieldMetadata, FormMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { CheckboxField, ErrorList, SelectField } from '~/components/forms'
import { IP_STATUSES, TRANSFER_MODES, type ListingKind, type StepName } from '~/models/listing-schema'

type Fields = Record<string, FieldMetadata<unknown>>
type Option = { code: string; name: string; level?: number }

function str(v: unknown) {
	return typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : ''
}

function list(v: unknown): string[] {
	return Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []
}

function Text({ meta, label, hint, multiline, rows, type = 'text', inputMode }: { meta: FieldMetadata<unknown>; label: string; hint?: string; multiline?: boolean; rows?: number; type?: string; inputMode?: 'numeric' }) {
	const common = {
		id: meta.id,
		name: meta.name,
		defaultValue: str(meta.initialValue),
		'aria-invalid': meta.errors ? true : undefined,
		'aria-describedby': meta.errors ? meta.errorId : undefined,
	}
	return (
		<div className="field">
			<label htmlFor={meta.id}>{label}</label>
			{multiline ? <textarea {...common} key={meta.key} rows={rows ?? 8} /> : <input {...common} key={meta.key} type={type} inputMode={inputMode} />}
			{hint ? <p className="field-hint">{hint}</p> : null}
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

/** The inputs of one step of the offer or demand form; works as a plain HTML form. */
export function ListingStepFields({
	kind,
	step,
	fields,
	provinces,
	scienceFields,
}: {
	kind: ListingKind
	step: StepName
	fields: Fields
	form?: FormMetadata<Record<string, unknown>>
	provinces: Option[]
	scienceFields: Option[]
}) {
	const { t } = useTranslation()
	const f = (name: string) => fields[name] as FieldMetadata<unknown>
	const trlOptions = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ code: String(n), name: t('listings.fields.trlLevel', { level: n }) }))
	if (step === 'basics') {
		const selected = new Set(list(f('fieldCodes').initialValue))
		return (
			<>
				<Text meta={f('title')} label={t('listings.fields.title')} />
				{kind === 'offer' ? (
					<>
						<Text meta={f('summary')} label={t('listings.fields.summary')} hint={t('listings.fields.summaryHint')} multiline rows={3} />
						<Text meta={f('description')} label={t('listings.fields.description')} hint={t('listings.fields.descriptionHint')} multiline rows={12} />
					</>
				) : (
					<>
						<Text meta={f('problem')} label={t('listings.fields.problem')} hint={t('listings.fields.descriptionHint')} multiline rows={10} />
						<Text meta={f('desiredOutcome')} label={t('listings.fields.desiredOutcome')} multiline rows={5} />
					</>
				)}
				<div className="field">
					<label htmlFor={f('fieldCodes').id}>{t('listings.fields.fieldCodes')}</label>
					<select id={f('fieldCodes').id} name="fieldCodes" multiple size={10} key={f('fieldCodes').key} defaultValue={[...selected]}>
						{scienceFields.map((o) => (
							<option key={o.code} value={o.code}>
								{'\u00a0\u00a0'.repeat((o.level ?? 1) - 1)}
								{o.code} · {o.name}
							</option>
						))}
					</select>
					<p className="field-hint">{t('listings.fields.fieldCodesHint')}</p>
					<ErrorList id={f('fieldCodes').errorId} errors={f('fieldCodes').errors} />
				</div>
				<Text meta={f('keywords')} label={t('listings.fields.keywords')} hint={t('listings.fields.keywordsHint')} />
				<SelectField meta={f('provinceCode')} label={t('listings.fields.province')} options={provinces} placeholder={t('listings.fields.chooseProvince')} />
			</>
		)
	}
	if (step === 'technical') {
		return kind === 'offer' ? (
			<>
				<SelectField meta={f('trl')} label={t('listings.fields.trl')} options={trlOptions} placeholder={t('listings.fields.chooseTrl')} />
				<SelectField
					meta={f('ipStatus')}
					label={t('listings.fields.ipStatus')}
					options={IP_STATUSES.map((s) => ({ code: s, name: t(`listings.ipStatus.${s}`) }))}
					placeholder={t('validation.choose')}
				/>
				<Text meta={f('ipNumbers')} label={t('listings.fields.ipNumbers')} />
				<Text meta={f('confidential')} label={t('listings.fields.confidential')} hint={t('listings.fields.confidentialHint')} multiline rows={6} />
			</>
		) : (
			<>
				<SelectField meta={f('minTrl')} label={t('listings.fields.minTrl')} options={trlOptions} placeholder={t('listings.fields.chooseTrl')} />
				<Text meta={f('deadline')} label={t('listings.fields.deadline')} type="date" />
			</>
		)
	}
	if (step === 'commercial') {
		const modes = new Set(list(f('transferModes').initialValue))
		const [lo, hi, open] = kind === 'offer' ? ['priceMin', 'priceMax', 'priceNegotiable'] : ['budgetMin', 'budgetMax', 'budgetUndisclosed']
		return (
			<>
				<fieldset className="fieldset">
					<legend>{t('listings.fields.transferModes')}</legend>
					<div className="checkbox-grid" key={f('transferModes').key}>
						{TRANSFER_MODES.map((m) => (
							<label key={m} className="checkbox">
								<input type="checkbox" name="transferModes" value={m} defaultChecked={modes.has(m)} />
								{t(`listings.transferModes.${m}`)}
							</label>
						))}
					</div>
					<ErrorList id={f('transferModes').errorId} errors={f('transferModes').errors} />
				</fieldset>
				<fieldset className="fieldset">
					<legend>{t(kind === 'offer' ? 'listings.fields.price' : 'listings.fields.budget')}</legend>
					<div className="grid-2">
						<Text meta={f(lo)} label={t(`listings.fields.${lo as 'priceMin' | 'budgetMin'}`)} inputMode="numeric" />
						<Text meta={f(hi)} label={t(`listings.fields.${hi as 'priceMax' | 'budgetMax'}`)} inputMode="numeric" />
					</div>
					<CheckboxField meta={f(open)} label={t(kind === 'offer' ? 'listings.fields.priceNegotiable' : 'listings.fields.budgetUndisclosed')} />
				</fieldset>
			</>
		)
	}
	return null
}
