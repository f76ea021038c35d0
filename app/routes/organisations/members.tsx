import { useTranslation } from 'react-i18next'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/members'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import {
	answerOrganisationError,
	canManage,
	changeMemberRole,
	decideJoinRequest,
	getOrganisationBySlug,
	inviteMember,
	membershipRole,
	removeMember,
} from '~/models/organisation.server'
import { requireUser } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { invariantResponse } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'
import { formatDate } from '~/utils/format'
import { EmailSchema } from '~/utils/validation'

const ROLES = ['OWNER', 'ADMIN', 'MEMBER'] as const

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, 'organisations.members.title', { name: d?.organisation.name ?? '' })

async function requireManager(request: Request, slug: string) {
	const user = await requireUser(request)
	const organisation = await getOrganisationBySlug(slug)
	invariantResponse(organisation, 'errors.notFound', { status: 404 })
	const role = await membershipRole(user.id, organisation.id)
	invariantResponse(canManage(role), 'errors.forbidden', { status: 403 })
	return { user, organisation, role: role! }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user, organisation, role } = await requireManager(request, params.slug)
	const memberships = await prisma.membership.findMany({
		where: { organisationId: organisation.id },
		select: { id: true, role: true, status: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
		orderBy: [{ status: 'desc' }, { createdAt: 'asc' }],
	})
	const invitations = await prisma.invitation.findMany({
		where: { organisationId: organisation.id, acceptedAt: null, expiresAt: { gt: new Date() } },
		select: { id: true, email: true, role: true, expiresAt: true },
		orderBy: { createdAt: 'desc' },
	})
	return {
		invitations,
		organisation: { id: organisation.id, name: organisation.name, slug: organisation.slug },
		me: user.id,
		myRole: role,
		pending: memberships.filter((m) => m.status === 'PENDING'),
		active: memberships.filter((m) => m.status === 'ACTIVE'),
	}
}

const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('accept'), membershipId: z.string().min(1).max(40) }),
	z.object({ intent: z.literal('decline'), membershipId: z.string().min(1).max(40) }),
	z.object({ intent: z.literal('role'), membershipId: z.string().min(1).max(40), role: z.enum(ROLES) }),
	z.object({ intent: z.literal('remove'), membershipId: z.string().min(1).max(40) }),
	z.object({ intent: z.literal('invite'), email: EmailSchema, role: z.enum(ROLES) }),
])

export async function action({ request, params }: Route.ActionArgs) {
	const { user, organisation } = await requireManager(request, params.slug)
	await consume('writeUser', user.id)
	const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ error: 'errors.badRequest', done: null }, { status: 400 })
	const input = parsed.data
	const result = await answerOrganisationError(async () => {
		switch (input.intent) {
			case 'accept':
			case 'decline':
				return decideJoinRequest(user.id, organisation.id, input.membershipId, input.intent === 'accept')
			case 'role':
				return changeMemberRole(user.id, organisation.id, input.membershipId, input.role)
			case 'remove':
				return removeMember(user.id, organisation.id, input.membershipId)
			case 'invite':
				return inviteMember(user.id, organisation.id, input.email, input.role, process.env.APP_URL ?? new URL(request.url).origin)
		}
	})
	if (!result.ok) return data({ error: result.error, done: null }, { status: result.status })
	if (input.intent === 'invite') {
		const invited = (result.value as { invited: boolean }).invited
		return { error: null, done: invited ? 'organisations.members.invited' : 'organisations.members.addedEmail', email: input.email }
	}
	return { error: null, done: 'organisations.members.updated' }
}

export default function MembersPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation()
	const { organisation, pending, active, me, myRole, invitations } = loaderData
	const locale = i18n.language === 'en' ? 'en' : 'vi'
	const roleChoices = myRole === 'OWNER' ? ROLES : (['MEMBER'] as const)
	return (
		<div className="page">
			<h1>{t('organisations.members.title', { name: organisation.name })}</h1>
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{t(actionData.error as 'errors.server')}
				</p>
			) : null}
			{actionData?.done ? (
				<p className="notice notice--success" role="status">
					{t(actionData.done as 'organisations.members.updated', { email: 'email' in actionData ? actionData.email : '' })}
				</p>
			) : null}

			<section className="card">
				<h2>{t('organisations.members.pendingTitle')}</h2>
				{pending.length === 0 ? <p className="muted">{t('organisations.members.noPending')}</p> : null}
				<ul className="plain-list" data-testid="pending-list">
					{pending.map((m) => (
						<li key={m.id} className="row">
							<span>
								<strong>{m.user.name}</strong> <span className="muted">{m.user.email}</span>
							</span>
							<Form method="post" className="actions-row">
								<input type="hidden" name="membershipId" value={m.id} />
								<button type="submit" name="intent" value="accept" className="button">
									{t('organisations.members.accept')}
								</button>
								<button type="submit" name="intent" value="decline" className="button button--ghost">
									{t('organisations.members.decline')}
								</button>
							</Form>
						</li>
					))}
				</ul>
			</section>

			<section className="card">
				<h2>{t('organisations.members.activeTitle')}</h2>
				<div className="table-wrap">
					<table className="table" data-testid="member-table">
						<thead>
							<tr>
								<th scope="col">{t('organisations.members.name')}</th>
								<th scope="col">{t('organisations.members.email')}</th>
								<th scope="col">{t('organisations.members.role')}</th>
								<th scope="col">{t('organisations.members.since')}</th>
								<th scope="col">{t('common.actions')}</th>
							</tr>
						</thead>
						<tbody>
							{active.map((m) => (
								<tr key={m.id}>
									<td>
										{m.user.name} {m.user.id === me ? <span className="muted">{t('organisations.members.you')}</span> : null}
									</td>
									<td>{m.user.email}</td>
									<td>
										<Form method="post" className="inline-form">
											<input type="hidden" name="membershipId" value={m.id} />
											<input type="hidden" name="intent" value="role" />
											<label className="visually-hidden" htmlFor={`role-${m.id}`}>
												{t('organisations.members.changeRole')}
											</label>
											<select id={`role-${m.id}`} name="role" defaultValue={m.role} disabled={myRole !== 'OWNER' && m.role !== 'MEMBER'}>
												{ROLES.map((r) => (
													<option key={r} value={r} disabled={!(roleChoices as readonly string[]).includes(r)}>
														{t(`membershipRoles.${r}`)}
													</option>
												))}
											</select>
											<button type="submit" className="button button--small">
												{t('common.save')}
											</button>
										</Form>
									</td>
									<td>{formatDate(m.createdAt, locale)}</td>
									<td>
										<Form method="post">
											<input type="hidden" name="membershipId" value={m.id} />
											<button type="submit" name="intent" value="remove" className="button button--ghost button--danger button--small">
												{t('organisations.members.remove')}
											</button>
										</Form>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>

			<section className="card">
				<h2>{t('organisations.members.inviteTitle')}</h2>
				<p className="muted">{t('organisations.members.inviteLead')}</p>
				<Form method="post" className="inline-form">
					<input type="hidden" name="intent" value="invite" />
					<div className="field">
						<label htmlFor="invite-email">{t('organisations.members.inviteEmail')}</label>
						<input id="invite-email" name="email" type="email" required maxLength={254} />
					</div>
					<div className="field">
						<label htmlFor="invite-role">{t('organisations.members.addRole')}</label>
						<select id="invite-role" name="role" defaultValue="MEMBER">
							{roleChoices.map((r) => (
								<option key={r} value={r}>
									{t(`membershipRoles.${r}`)}
								</option>
							))}
						</select>
					</div>
					<button type="submit" className="button">
						{t('organisations.members.inviteSend')}
					</button>
				</Form>
				<h3>{t('organisations.members.invitationsTitle')}</h3>
				{invitations.length === 0 ? <p className="muted">{t('organisations.members.noInvitations')}</p> : null}
				<ul className="plain-list" data-testid="invitation-list">
					{invitations.map((inv) => (
						<li key={inv.id}>
							{inv.email} <span className="badge">{t(`membershipRoles.${inv.role}`)}</span>{' '}
							<span className="muted">{t('organisations.members.invitationExpires', { date: formatDate(inv.expiresAt, locale) })}</span>
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
