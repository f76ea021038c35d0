// UI shared by the webhooks pages (no data access).
import type { FieldMetadata } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList, Field } from '~/components/forms'
import { WEBHOOK_EVENT_TYPES } from './events'
import { WebhookFormSchema } from './schema'

function CopyButton({ text }: { text: string }) {
	const { t } = useTranslation()
	const [available, setAvailable] = useState(false)
	const [copied, setCopied] = useState(false)
	// Rendered once hydrated and only where the clipboard API exists; the hint covers the rest.
	useEffect(() => setAvailable(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), [])
	if (!available) return null
	return (
		<button type="button" className="button button--small" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>
			{copied ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}
		</button>
	)
}

/** The secret, shown once after creation or rotation. */
export function SecretReveal({ title, secret, note }: { title: string; secret: string; note?: string | null }) {
	const { t } = useTranslation()
	const id = useId()
	return (
		<section className="card notice notice--success" role="status" aria-labelledby={`${id}-title`} data-testid="webhook-secret">
			<h2 id={`${id}-title`}>{title}</h2>
			<p>
				<strong>{t('webhooks.secret.hint')}</strong>
			</p>
			<div className="actions-row">
				<label className="visually-hidden" htmlFor={`${id}-secret`}>
					{t('webhooks.secret.label')}
				</label>
				<input id={`${id}-secret`} readOnly value={secret} size={secret.length} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
				<CopyButton text={secret} />
			</div>
			<p className="muted">{t('webhooks.secret.copyHint')}</p>
			{note ? <p className="muted">{note}</p> : null}
		</section>
	)
}

type Fields = {
	url: FieldMetadata<string>
	description: FieldMetadata<string | undefined>
	events: FieldMetadata<string[]>
	fieldCodes: FieldMetadata<string | undefined>
	provinceCode: FieldMetadata<string | undefined>
}

/** The form's HTML constraints; the field codes are one optional text (the schema turns them into a list). */
export function webhookFormConstraint() {
	return { ...getZodConstraint(WebhookFormSchema), fieldCodes: { required: false, maxLength: 400 } }
}

const asList = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [])

/** The inputs of a webhook's settings (create and edit). */
export function WebhookFields({ fields, provinces }: { fields: Fields; provinces: ReadonlyArray<{ code: string; name: string }> }) {
	const { t } = useTranslation()
	const chosen = asList(fields.events.initialValue)
	return (
		<>
			<Field label={t('webhooks.form.url')} meta={fields.url} type="url" hint={t('webhooks.form.urlHint')} autoComplete="off" />
			<Field label={t('webhooks.form.description')} meta={fields.description} hint={t('webhooks.form.descriptionHint')} autoComplete="off" />
			<fieldset className="field" aria-describedby={fields.events.errors ? fields.events.errorId : undefined}>
				<legend>{t('webhooks.form.events')}</legend>
				{WEBHOOK_EVENT_TYPES.map((type) => (
					<label key={type} className="checkbox">
						<input type="checkbox" name={fields.events.name} value={type} defaultChecked={chosen.includes(type)} key={`${fields.events.key}-${type}`} /> {t(`webhooks.events.${type}`)}
						<span className="field-hint"> {t(`webhooks.eventHints.${type}`)}</span>
					</label>
				))}
				<ErrorList id={fields.events.errorId} errors={fields.events.errors} />
			</fieldset>
			<fieldset className="field">
				<legend>{t('webhooks.form.filtersTitle')}</legend>
				<p className="field-hint">{t('webhooks.form.filtersHint')}</p>
				<Field label={t('webhooks.form.fieldCodes')} meta={fields.fieldCodes} hint={t('webhooks.form.fieldCodesHint')} autoComplete="off" />
				<div className="field">
					<label htmlFor={fields.provinceCode.id}>{t('webhooks.form.province')}</label>
					<select
						id={fields.provinceCode.id}
						name={fields.provinceCode.name}
						key={fields.provinceCode.key}
						defaultValue={typeof fields.provinceCode.initialValue === 'string' ? fields.provinceCode.initialValue : ''}
						aria-invalid={fields.provinceCode.errors ? true : undefined}
					>
						<option value="">{t('webhooks.form.anyProvince')}</option>
						{provinces.map((p) => (
							<option key={p.code} value={p.code}>
								{p.name}
							</option>
						))}
					</select>
					<ErrorList id={fields.provinceCode.errorId} errors={fields.provinceCode.errors} />
				</div>
			</fieldset>
		</>
	)
}

/** An attempt's stored error ("blocked: 10.0.0.1") in the reader's words. */
export function useAttemptError() {
	const { t } = useTranslation()
	return (error: string | null) => {
		if (!error) return null
		const at = error.indexOf(': ')
		const code = at === -1 ? error : error.slice(0, at)
		const detail = at === -1 ? '' : error.slice(at + 2)
		return t(`webhooks.attemptErrors.${code}`, { detail, defaultValue: error })
	}
}

// The README's verification example, kept short enough to read on the page.
const VERIFY_EXAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto'

// rawBody: the request body exactly as received (a string, before JSON.parse)
export function verify(rawBody, header, secret, toleranceSeconds = 300) {
  const parts = header.split(',').map((p) => p.split('='))
  const t = Number(parts.find(([k]) => k === 't')?.[1])
  if (!t || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false
  const expected = createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest()
  return parts.some(([k, v]) => k === 'v1' && v?.length === 64 &&
    timingSafeEqual(Buffer.from(v, 'hex'), expected))
}`

/** How a receiver checks Cau-Noi-Signature, folded away under the page's lead. */
export function VerifyHelp() {
	const { t } = useTranslation()
	return (
		<details className="card">
			<summary>{t('webhooks.docsLink')}</summary>
			<p>{t('webhooks.verify.header')}</p>
			<pre>
				<code>{'Cau-Noi-Signature: t=1767225600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd'}</code>
			</pre>
			<p>{t('webhooks.verify.steps')}</p>
			<pre>
				<code>{VERIFY_EXAMPLE}</code>
			</pre>
			<p className="muted">{t('webhooks.verify.idempotency')}</p>
		</details>
	)
}
