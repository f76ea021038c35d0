import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Validation messages travel as i18n keys, optionally with parameters: "validation.tooShort|{\"min\":8}".
 * Schemas stay language-free and every message shows in the reader's language.
 */
export function useErrorText() {
	const { t } = useTranslation()
	return (message: string) => {
		const [key, raw] = message.split('|', 2)
		let params: Record<string, unknown> = {}
		if (raw) {
			try {
				params = JSON.parse(raw) as Record<string, unknown>
			} catch {
				params = {}
			}
		}
		return t(key as 'errors.server', { ...params, defaultValue: t('validation.invalid') }) as string
	}
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
	const text = useErrorText()
	const list = errors?.filter(Boolean) ?? []
	if (list.length === 0) return null
	return (
		<ul id={id} className="field-errors" role="alert">
			{list.map((e) => (
				<li key={e}>{text(e)}</li>
			))}
		</ul>
	)
}

type FieldProps = {
	label: string
	meta: FieldMetadata<string | number | null | undefined>
	type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'search'
	hint?: string
	autoComplete?: string
	className?: string
}

/** A labelled input wired to conform: keeps the typed value after a failed submit and links its errors. */
export function Field({ label, meta, type = 'text', hint, autoComplete, className }: FieldProps) {
	const hintId = useId()
	const props = getInputProps(meta, { type, ariaDescribedBy: hint ? hintId : undefined })
	return (
		<div className={`field ${className ?? ''}`}>
			<label htmlFor={meta.id}>{label}</label>
			<input {...props} key={props.key} autoComplete={autoComplete} />
			{hint ? (
				<p id={hintId} className="field-hint">
					{hint}
				</p>
			) : null}
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

export function FormErrors({ errors, id }: { errors?: string[] | null; id?: string }) {
	return <ErrorList id={id} errors={errors} />
}

/** A labelled select of a conform form with an empty first option; errors below it. */
export function SelectField({ meta, label, options, placeholder }: { meta: FieldMetadata<unknown>; label: string; options: ReadonlyArray<{ code: string; name: string }>; placeholder: string }) {
	return (
		<div className="field">
			<label htmlFor={meta.id}>{label}</label>
			<select
				id={meta.id}
				name={meta.name}
				key={meta.key}
				defaultValue={typeof meta.initialValue === 'string' ? meta.initialValue : ''}
				aria-invalid={meta.errors ? true : undefined}
				aria-describedby={meta.errors ? meta.errorId : undefined}
			>
				<option value="">{placeholder}</option>
				{options.map((o) => (
					<option key={o.code} value={o.code}>
						{o.name}
					</option>
				))}
			</select>
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

/** A checkbox of a conform form (checked when its value is "on"). */
export function CheckboxField({ meta, label }: { meta: FieldMetadata<unknown>; label: string }) {
	return (
		<label className="checkbox">
			<input type="checkbox" id={meta.id} name={meta.name} key={meta.key} defaultChecked={meta.initialValue === 'on'} /> {label}
		</label>
	)
}
