import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/reset-password'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, FormErrors } from '~/components/forms'
import { findResetToken, resetPassword } from '~/models/user.server'
import { pageTitle } from '~/utils/meta'
import { isCommonPassword } from '~/utils/password.server'
import { clearSessionCookie, requestMeta } from '~/utils/session.server'
import { msg, PasswordSchema } from '~/utils/validation'

const ResetSchema = z
	.object({
		token: z.string().min(20).max(200),
		password: PasswordSchema,
		confirmPassword: z.string({ error: msg('validation.required') }),
	})
	.refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: msg('validation.passwordMismatch') })

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'auth.reset.title')

export async function loader({ request }: Route.LoaderArgs) {
	const token = new URL(request.url).searchParams.get('token') ?? ''
	const valid = token.length >= 20 && token.length <= 200 && Boolean(await findResetToken(token))
	return { token: valid ? token : null }
}

export async function action({ request }: Route.ActionArgs) {
	const schema = ResetSchema.superRefine((v, ctx) => {
		if (isCommonPassword(v.password)) ctx.addIssue({ code: 'custom', path: ['password'], message: msg('validation.passwordCommon') })
	})
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password', 'confirmPassword'] }), invalid: false }, { status: 400 })
	}
	const done = await resetPassword(submission.value.token, submission.value.password, requestMeta(request))
	if (!done) return data({ result: submission.reply({ hideFields: ['password', 'confirmPassword'] }), invalid: true }, { status: 400 })
	return redirect('/login?reset=1', { headers: { 'Set-Cookie': await clearSessionCookie() } })
}

export default function ResetPasswordPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'reset',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ResetSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetSchema }),
		shouldRevalidate: 'onBlur',
	})
	if (!loaderData.token || actionData?.invalid) {
		return (
			<section className="narrow card">
				<h1>{t('auth.reset.title')}</h1>
				<p className="notice notice--error" role="alert">
					{t('auth.reset.invalidLink')}
				</p>
				<Link to="/forgot-password" className="button">
					{t('auth.reset.requestNew')}
				</Link>
			</section>
		)
	}
	return (
		<section className="narrow card">
			<h1>{t('auth.reset.title')}</h1>
			<Form method="post" {...getFormProps(form)}>
				<input type="hidden" name="token" value={loaderData.token} />
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field label={t('auth.reset.password')} meta={fields.password} type="password" autoComplete="new-password" />
				<Field label={t('auth.reset.confirmPassword')} meta={fields.confirmPassword} type="password" autoComplete="new-password" />
				<button type="submit" className="button button--block" disabled={navigation.state === 'submitting'}>
					{t('auth.reset.submit')}
				</button>
			</Form>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
