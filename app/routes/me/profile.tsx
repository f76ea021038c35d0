import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/profile'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, FormErrors } from '~/components/forms'
import { localeCookie } from '~/middleware/i18next.server'
import { updateProfile } from '~/models/user.server'
import { requireUser } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { LocaleSchema, PhoneSchema, requiredText } from '~/utils/validation'

const ProfileSchema = z.object({
	name: requiredText(120, 2),
	phone: PhoneSchema,
	locale: LocaleSchema,
})

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'auth.profile.title')

export async function loader({ request }: Route.LoaderArgs) {
	const sessionUser = await requireUser(request)
	const user = await prisma.user.findUniqueOrThrow({
		where: { id: sessionUser.id },
		select: {
			name: true,
			email: true,
			phone: true,
			locale: true,
			roles: true,
			memberships: {
				select: { status: true, role: true, organisation: { select: { name: true, slug: true, type: true, verifiedAt: true } } },
				orderBy: { createdAt: 'asc' },
			},
		},
	})
	const url = new URL(request.url)
	return { user, welcome: url.searchParams.get('welcome') === '1', saved: url.searchParams.get('saved') === '1' }
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const submission = parseWithZod(await request.formData(), { schema: ProfileSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	await updateProfile(user.id, submission.value)
	return redirect('/me?saved=1', { headers: { 'Set-Cookie': await localeCookie.serialize(submission.value.locale) } })
}

export default function ProfilePage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const { user } = loaderData
	const [form, fields] = useForm({
		id: 'profile',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ProfileSchema),
		defaultValue: { name: user.name, phone: user.phone ?? '', locale: user.locale },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="page">
			<h1>{t('auth.profile.title')}</h1>
			{loaderData.welcome ? (
				<p className="notice notice--success" role="status">
					{t('home.welcomeBack', { name: user.name })}
				</p>
			) : null}
			{loaderData.saved ? (
				<p className="notice notice--success" role="status">
					{t('auth.profile.saved')}
				</p>
			) : null}
			<div className="grid-2">
				<section className="card">
					<Form method="post" {...getFormProps(form)}>
						<FormErrors id={form.errorId} errors={form.errors} />
						<div className="field">
							<label htmlFor="email">{t('auth.profile.email')}</label>
							<input id="email" value={user.email} readOnly disabled />
						</div>
						<Field label={t('auth.profile.name')} meta={fields.name} autoComplete="name" />
						<Field label={`${t('auth.profile.phone')} (${t('common.optional')})`} meta={fields.phone} type="tel" autoComplete="tel" />
						<div className="field">
							<label htmlFor={fields.locale.id}>{t('auth.profile.language')}</label>
							<select {...getSelectProps(fields.locale)} key={fields.locale.key}>
								<option value="vi">{t('auth.languages.vi')}</option>
								<option value="en">{t('auth.languages.en')}</option>
							</select>
						</div>
						<button type="submit" className="button" disabled={navigation.state === 'submitting'}>
							{t('common.save')}
						</button>
					</Form>
				</section>
				<div className="stack">
					<section className="card">
						<h2>{t('auth.profile.organisations')}</h2>
						{user.memberships.length === 0 ? <p>{t('auth.profile.noOrganisations')}</p> : null}
						<ul className="plain-list">
							{user.memberships.map((m) => (
								<li key={m.organisation.slug}>
									<Link to={`/organisations/${m.organisation.slug}`}>{m.organisation.name}</Link>{' '}
									<span className="badge">{t(`membershipRoles.${m.role}`)}</span>
									{m.status === 'PENDING' ? <span className="badge badge--warn">{t('auth.profile.pending')}</span> : null}
								</li>
							))}
						</ul>
						<p className="actions-row">
							<Link to="/organisations/new" className="button button--ghost">
								{t('auth.profile.createOrganisation')}
							</Link>
							<Link to="/organisations">{t('auth.profile.findOrganisation')}</Link>
						</p>
					</section>
					<section className="card">
						<h2>{t('auth.profile.roles')}</h2>
						<p>
							{user.roles.map((role) => (
								<span key={role} className="badge">
									{t(`roles.${role}`)}
								</span>
							))}
						</p>
						<h2>{t('auth.profile.security')}</h2>
						<ul className="plain-list">
							<li>
								<Link to="/me/password">{t('auth.profile.changePassword')}</Link>
							</li>
							<li>
								<Link to="/me/notifications/settings">{t('auth.profile.notificationSettings')}</Link>
							</li>
						</ul>
					</section>
				</div>
			</div>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
