import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/register'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field, FormErrors } from '~/components/forms'
import { getLocale, localeCookie } from '~/middleware/i18next.server'
import { listProvinces, provinceExists } from '~/models/reference.server'
import { findInvitation } from '~/models/organisation.server'
import { isEmailTaken, registerUser } from '~/models/user.server'
import { requireAnonymous } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { clientIp } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { useHydrated } from '~/utils/use-hydrated'
import { isCommonPassword } from '~/utils/password.server'
import { hit } from '~/utils/rate-limit.server'
import { requestMeta, serializeSessionCookie } from '~/utils/session.server'
import {
	EmailSchema,
	LocaleSchema,
	msg,
	OrganisationTypeSchema,
	PasswordSchema,
	ProvinceCodeSchema,
	requiredText,
	TaxCodeSchema,
} from '~/utils/validation'

const ORG_TYPES = ['ENTERPRISE', 'RESEARCH_INSTITUTE', 'UNIVERSITY', 'BROKER_FIRM'] as const

// One flat schema so conform can show every field's error; the organisation part depends on `mode`.
const RegisterSchema = z
	.object({
		name: requiredText(120, 2),
		email: EmailSchema,
		password: PasswordSchema,
		confirmPassword: z.string({ error: msg('validation.required') }),
		locale: LocaleSchema.default('vi'),
		mode: z.enum(['create', 'join', 'none', 'invite'], { error: msg('validation.choose') }),
		invite: z.string().max(200).optional(),
		orgName: z.string().trim().max(200, msg('validation.tooLong', { max: 200 })).optional(),
		orgType: OrganisationTypeSchema.optional(),
		orgTaxCode: TaxCodeSchema,
		orgProvince: ProvinceCodeSchema.optional(),
		joinOrganisationId: z.string().trim().max(40).optional(),
		accept: z.literal('on', { error: msg('auth.register.mustAccept') }),
	})
	.superRefine((v, ctx) => {
		if (v.password !== v.confirmPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: msg('validation.passwordMismatch') })
		if (v.password.toLowerCase() === v.email.toLowerCase()) ctx.addIssue({ code: 'custom', path: ['password'], message: msg('validation.passwordSameAsEmail') })
		if (v.mode === 'create') {
			if (!v.orgName || v.orgName.length < 2) ctx.addIssue({ code: 'custom', path: ['orgName'], message: msg('validation.required') })
			if (!v.orgType) ctx.addIssue({ code: 'custom', path: ['orgType'], message: msg('validation.choose') })
			if (v.orgType === 'AGENCY') ctx.addIssue({ code: 'custom', path: ['orgType'], message: msg('validation.choose') })
			if (!v.orgProvince) ctx.addIssue({ code: 'custom', path: ['orgProvince'], message: msg('validation.province') })
		}
		if (v.mode === 'join' && !v.joinOrganisationId) ctx.addIssue({ code: 'custom', path: ['joinOrganisationId'], message: msg('validation.organisation') })
	})

/** The same schema plus the checks that need the database, reported as field errors. */
function serverSchema() {
	return RegisterSchema.superRefine(async (v, ctx) => {
		if (isCommonPassword(v.password)) ctx.addIssue({ code: 'custom', path: ['password'], message: msg('validation.passwordCommon') })
		if (await isEmailTaken(v.email)) ctx.addIssue({ code: 'custom', path: ['email'], message: msg('validation.emailTaken') })
		if (v.mode === 'create') {
			if (v.orgProvince && !(await provinceExists(v.orgProvince))) ctx.addIssue({ code: 'custom', path: ['orgProvince'], message: msg('validation.province') })
			if (v.orgTaxCode && (await prisma.organisation.findUnique({ where: { taxCode: v.orgTaxCode }, select: { id: true } }))) {
				ctx.addIssue({ code: 'custom', path: ['orgTaxCode'], message: msg('validation.taxCodeTaken') })
			}
		}
		if (v.mode === 'invite') {
			const invitation = v.invite ? await findInvitation(v.invite) : null
			if (!invitation || invitation.email !== v.email.trim().toLowerCase()) {
				ctx.addIssue({ code: 'custom', path: ['email'], message: msg('organisations.errors.invitationInvalid') })
			}
		}
		if (v.mode === 'join' && v.joinOrganisationId) {
			const found = await prisma.organisation.findUnique({ where: { id: v.joinOrganisationId }, select: { id: true } })
			if (!found) ctx.addIssue({ code: 'custom', path: ['joinOrganisationId'], message: msg('validation.organisation') })
		}
	})
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'auth.register.title')

export async function loader({ request, context }: Route.LoaderArgs) {
	await requireAnonymous(request)
	const locale = getLocale(context) as 'vi' | 'en'
	const token = new URL(request.url).searchParams.get('invite') ?? ''
	const [provinces, organisations, invitation] = await Promise.all([
		listProvinces(locale),
		prisma.organisation.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 2000 }),
		token ? findInvitation(token) : null,
	])
	return { provinces, organisations, locale, invitation: invitation ? { ...invitation, token } : null, inviteInvalid: Boolean(token && !invitation) }
}

export async function action({ request }: Route.ActionArgs) {
	await requireAnonymous(request)
	const formData = await request.formData()
	const wait = await hit('registerIp', clientIp(request))
	if (wait) {
		return data({ result: { status: 'error' as const, error: { '': [msg('errors.tooManyRequests')] } } }, { status: 429, headers: { 'Retry-After': String(wait) } })
	}
	const submission = await parseWithZod(formData, { schema: serverSchema(), async: true })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password', 'confirmPassword'] }) }, { status: 400 })
	}
	const v = submission.value
	const { session } = await registerUser({
		name: v.name,
		email: v.email,
		password: v.password,
		locale: v.locale,
		meta: requestMeta(request),
		organisation:
			v.mode === 'create'
				? { mode: 'create', name: v.orgName!, type: v.orgType!, taxCode: v.orgTaxCode ?? null, provinceCode: v.orgProvince! }
				: v.mode === 'join'
					? { mode: 'join', organisationId: v.joinOrganisationId! }
					: v.mode === 'invite'
						? { mode: 'invite', token: v.invite! }
						: { mode: 'none' },
	})
	const headers = new Headers()
	headers.append('Set-Cookie', await serializeSessionCookie(session.secret, session.expiresAt))
	headers.append('Set-Cookie', await localeCookie.serialize(v.locale))
	return redirect('/me?welcome=1', { headers })
}

export default function RegisterPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'register',
		lastResult: actionData?.result,
		constraint: getZodConstraint(RegisterSchema),
		defaultValue: loaderData.invitation
			? { mode: 'invite', invite: loaderData.invitation.token, email: loaderData.invitation.email, locale: loaderData.locale }
			: { mode: 'create', locale: loaderData.locale },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const mode = fields.mode.value ?? 'create'
	const invitation = loaderData.invitation
	const hydrated = useHydrated()
	return (
		<section className="narrow card">
			<h1>{t('auth.register.title')}</h1>
			<p className="lead">{t('auth.register.lead')}</p>
			{loaderData.inviteInvalid ? (
				<p className="notice notice--error" role="alert">
					{t('organisations.errors.invitationInvalid')}
				</p>
			) : null}
			{invitation ? (
				<p className="notice" data-testid="invite-banner">
					{t('organisations.members.inviteBanner', { organisationName: invitation.organisation.name, email: invitation.email })}
				</p>
			) : null}
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field label={t('auth.register.name')} meta={fields.name} autoComplete="name" />
				<Field label={t('auth.register.email')} meta={fields.email} type="email" autoComplete="email" />
				<Field label={t('auth.register.password')} meta={fields.password} type="password" autoComplete="new-password" hint={t('auth.register.passwordHint')} />
				<Field label={t('auth.register.confirmPassword')} meta={fields.confirmPassword} type="password" autoComplete="new-password" />
				<div className="field">
					<label htmlFor={fields.locale.id}>{t('auth.register.language')}</label>
					<select {...getSelectProps(fields.locale)} key={fields.locale.key}>
						<option value="vi">{t('auth.languages.vi')}</option>
						<option value="en">{t('auth.languages.en')}</option>
					</select>
				</div>

				{invitation ? (
					<>
						<input type="hidden" name="mode" value="invite" />
						<input type="hidden" name="invite" value={invitation.token} />
						<p>
							{t('organisations.members.joinAs')}: <strong>{t(`membershipRoles.${invitation.role}`)}</strong>, {invitation.organisation.name}
						</p>
					</>
				) : (
					<fieldset className="fieldset">
						<legend>{t('auth.register.organisationSection')}</legend>
						{(['create', 'join', 'none'] as const).map((value) => (
							<label key={value} className="radio">
								<input type="radio" name={fields.mode.name} value={value} defaultChecked={(fields.mode.initialValue ?? 'create') === value} />
								{t(`auth.register.mode${value === 'create' ? 'Create' : value === 'join' ? 'Join' : 'None'}`)}
							</label>
						))}
						<ErrorList id={fields.mode.errorId} errors={fields.mode.errors} />

						{/* Without JavaScript both groups show; the chosen mode decides which one counts. */}
						<div className="subfields" hidden={hydrated && mode !== 'create'} data-mode="create">
							<Field label={t('auth.register.orgName')} meta={fields.orgName} autoComplete="organization" />
							<div className="field">
								<label htmlFor={fields.orgType.id}>{t('auth.register.orgType')}</label>
								<select {...getSelectProps(fields.orgType)} key={fields.orgType.key}>
									<option value="">{t('auth.register.chooseType')}</option>
									{ORG_TYPES.map((type) => (
										<option key={type} value={type}>
											{t(`organisationTypes.${type}`)}
										</option>
									))}
								</select>
								<ErrorList id={fields.orgType.errorId} errors={fields.orgType.errors} />
							</div>
							<Field label={`${t('auth.register.orgTaxCode')} (${t('common.optional')})`} meta={fields.orgTaxCode} />
							<div className="field">
								<label htmlFor={fields.orgProvince.id}>{t('auth.register.orgProvince')}</label>
								<select {...getSelectProps(fields.orgProvince)} key={fields.orgProvince.key}>
									<option value="">{t('auth.register.chooseProvince')}</option>
									{loaderData.provinces.map((p) => (
										<option key={p.code} value={p.code}>
											{p.name}
										</option>
									))}
								</select>
								<ErrorList id={fields.orgProvince.errorId} errors={fields.orgProvince.errors} />
							</div>
						</div>
						<div className="subfields" hidden={hydrated && mode !== 'join'} data-mode="join">
							<div className="field">
								<label htmlFor={fields.joinOrganisationId.id}>{t('auth.register.joinOrganisation')}</label>
								<select {...getSelectProps(fields.joinOrganisationId)} key={fields.joinOrganisationId.key}>
									<option value="">{t('auth.register.chooseOrganisation')}</option>
									{loaderData.organisations.map((o) => (
										<option key={o.id} value={o.id}>
											{o.name}
										</option>
									))}
								</select>
								<p className="field-hint">{t('auth.register.joinHint')}</p>
								<ErrorList id={fields.joinOrganisationId.errorId} errors={fields.joinOrganisationId.errors} />
							</div>
						</div>
					</fieldset>
				)}

				<label className="checkbox">
					<input type="checkbox" name={fields.accept.name} defaultChecked={fields.accept.initialValue === 'on'} />
					{t('auth.register.accept')}
				</label>
				<ErrorList id={fields.accept.errorId} errors={fields.accept.errors} />

				<button type="submit" className="button button--block" disabled={navigation.state === 'submitting'}>
					{t('auth.register.submit')}
				</button>
			</Form>
			<p className="form-links">
				<span>
					{t('auth.register.haveAccount')} <Link to="/login">{t('auth.register.login')}</Link>
				</span>
			</p>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
