import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/login'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, FormErrors } from '~/components/forms'
import { localeCookie } from '~/middleware/i18next.server'
import { revokeSession } from '~/models/session.server'
import { startSession, verifyCredentials } from '~/models/user.server'
import { requireAnonymous } from '~/utils/auth.server'
import { clientIp, safeRedirectPath } from '~/utils/http.server'
import { hit, isLimited, reset } from '~/utils/rate-limit.server'
import { readSessionSecret, requestMeta, serializeSessionCookie } from '~/utils/session.server'
import { pageTitle } from '~/utils/meta'
import { normalizeEmail } from '~/utils/text'
import { EmailSchema, msg } from '~/utils/validation'

const LoginSchema = z.object({
	email: EmailSchema,
	password: z.string({ error: msg('validation.required') }).max(200, msg('validation.tooLong', { max: 200 })),
	redirectTo: z.string().optional(),
})

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'auth.login.title')

// Carries the action's Retry-After (rate limit) into the document response of a no-JS post.
export const headers: Route.HeadersFunction = ({ actionHeaders }) => actionHeaders

export async function loader({ request }: Route.LoaderArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request }: Route.ActionArgs) {
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: LoginSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
	}
	const ip = clientIp(request)
	const email = normalizeEmail(submission.value.email)
	const tooMany = (seconds: number) =>
		data(
			{ result: submission.reply({ formErrors: [msg('auth.login.locked', { minutes: Math.ceil(seconds / 60) })], hideFields: ['password'] }) },
			{ status: 429, headers: { 'Retry-After': String(seconds) } },
		)

	const ipWait = await hit('loginIp', ip)
	if (ipWait) return tooMany(ipWait)
	const accountWait = await isLimited('loginAccount', email)
	if (accountWait) return tooMany(accountWait)

	const user = await verifyCredentials(email, submission.value.password)
	if (!user) {
		const wait = await hit('loginAccount', email)
		if (wait) return tooMany(wait)
		return data({ result: submission.reply({ formErrors: ['auth.login.invalid'], hideFields: ['password'] }) }, { status: 400 })
	}
	await reset('loginAccount', email)

	// A fresh session id at every login; the one the browser had (if any) is ended.
	const previous = await readSessionSecret(request)
	if (previous) await revokeSession(previous)
	const session = await startSession(user.id, requestMeta(request))
	const headers = new Headers()
	headers.append('Set-Cookie', await serializeSessionCookie(session.secret, session.expiresAt))
	headers.append('Set-Cookie', await localeCookie.serialize(user.locale))
	return redirect(safeRedirectPath(submission.value.redirectTo, '/'), { headers })
}

export default function LoginPage({ actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const [searchParams] = useSearchParams()
	const [form, fields] = useForm({
		id: 'login',
		lastResult: actionData?.result,
		constraint: getZodConstraint(LoginSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
		// Revalidating on blur would clear the server's "wrong password" message as the user clicks
		// the button, moving the button out from under the pointer.
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onSubmit',
	})
	return (
		<section className="narrow card">
			<h1>{t('auth.login.title')}</h1>
			<p className="lead">{t('auth.login.lead')}</p>
			<Form method="post" {...getFormProps(form)}>
				<input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field label={t('auth.login.email')} meta={fields.email} type="email" autoComplete="email" />
				<Field label={t('auth.login.password')} meta={fields.password} type="password" autoComplete="current-password" />
				<button type="submit" className="button button--block" disabled={navigation.state === 'submitting'}>
					{t('auth.login.submit')}
				</button>
			</Form>
			<p className="form-links">
				<Link to="/forgot-password">{t('auth.login.forgot')}</Link>
				<span>
					{t('auth.login.noAccount')} <Link to="/register">{t('auth.login.register')}</Link>
				</span>
			</p>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
