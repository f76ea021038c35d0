import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/forgot-password'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, FormErrors } from '~/components/forms'
import { requestPasswordReset } from '~/models/user.server'
import { clientIp } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { hit } from '~/utils/rate-limit.server'
import { requestMeta } from '~/utils/session.server'
import { normalizeEmail } from '~/utils/text'
import { EmailSchema, msg } from '~/utils/validation'

const ForgotSchema = z.object({ email: EmailSchema })

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'auth.forgot.title')

export async function action({ request }: Route.ActionArgs) {
	const submission = parseWithZod(await request.formData(), { schema: ForgotSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 })
	const email = normalizeEmail(submission.value.email)
	const wait = (await hit('passwordResetIp', clientIp(request))) ?? (await hit('passwordResetAccount', email))
	if (wait) {
		return data(
			{ result: submission.reply({ formErrors: [msg('errors.tooManyRequests')] }), sent: false },
			{ status: 429, headers: { 'Retry-After': String(wait) } },
		)
	}
	const origin = new URL(request.url).origin
	await requestPasswordReset(email, process.env.APP_URL ?? origin, requestMeta(request))
	// The same answer whether or not the account exists.
	return { result: submission.reply({ resetForm: true }), sent: true }
}

export default function ForgotPasswordPage({ actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'forgot',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ForgotSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<section className="narrow card">
			<h1>{t('auth.forgot.title')}</h1>
			{actionData?.sent ? (
				<p className="notice notice--success" role="status" data-testid="reset-sent">
					{t('auth.forgot.sent')}
				</p>
			) : (
				<p className="lead">{t('auth.forgot.lead')}</p>
			)}
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field label={t('auth.forgot.email')} meta={fields.email} type="email" autoComplete="email" />
				<button type="submit" className="button button--block" disabled={navigation.state === 'submitting'}>
					{t('auth.forgot.submit')}
				</button>
			</Form>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
