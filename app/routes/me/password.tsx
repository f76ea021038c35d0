import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/password'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, FormErrors } from '~/components/forms'
import { changePassword } from '~/models/user.server'
import { requireUser } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { isCommonPassword, verifyPassword } from '~/utils/password.server'
import { readSessionSecret, requestMeta } from '~/utils/session.server'
import { msg, PasswordSchema } from '~/utils/validation'

const ChangePasswordSchema = z
	.object({
		current: z.string({ error: msg('validation.required') }).max(200),
		password: PasswordSchema,
		confirmPassword: z.string({ error: msg('validation.required') }),
	})
	.refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: msg('validation.passwordMismatch') })

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'auth.password.title')

export async function loader({ request }: Route.LoaderArgs) {
	await requireUser(request)
	return null
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })
	const schema = ChangePasswordSchema.superRefine(async (v, ctx) => {
		if (!(await verifyPassword(passwordHash, v.current))) ctx.addIssue({ code: 'custom', path: ['current'], message: msg('auth.password.wrongCurrent') })
		if (isCommonPassword(v.password)) ctx.addIssue({ code: 'custom', path: ['password'], message: msg('validation.passwordCommon') })
	})
	const submission = await parseWithZod(await request.formData(), { schema, async: true })
	const hidden = { hideFields: ['current', 'password', 'confirmPassword'] }
	if (submission.status !== 'success') return data({ result: submission.reply(hidden), done: false }, { status: 400 })
	await changePassword(user.id, submission.value.password, await readSessionSecret(request), requestMeta(request))
	return { result: submission.reply({ resetForm: true }), done: true }
}

export default function ChangePasswordPage({ actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'password',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ChangePasswordSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<section className="narrow card">
			<h1>{t('auth.password.title')}</h1>
			{actionData?.done ? (
				<p className="notice notice--success" role="status">
					{t('auth.password.done')}
				</p>
			) : null}
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field label={t('auth.password.current')} meta={fields.current} type="password" autoComplete="current-password" />
				<Field label={t('auth.password.new')} meta={fields.password} type="password" autoComplete="new-password" />
				<Field label={t('auth.password.confirm')} meta={fields.confirmPassword} type="password" autoComplete="new-password" />
				<button type="submit" className="button" disabled={navigation.state === 'submitting'}>
					{t('auth.password.submit')}
				</button>
			</Form>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
