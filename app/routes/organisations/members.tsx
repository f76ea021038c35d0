import { useTranslation } from 'react-i18next'
import { data, Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/members'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import {
	addMemberByEmail,
	answerOrganisationError,
	canManage,
	changeMemberRole,
	decideJoinRequest,
	getOrganisationBySlug,
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
	return {
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
	z.object({ intent: z.literal('add'), email: EmailSchema, role: z.enum(ROLES) }),
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
			case 'add':
				return addMemberByEmail(user.id, organisation.id, input.email, input.role)
		}
	})
	if (!result.ok) return data({ error: result.error, done: null }, { status: result.status })
	return { error: null, done: input.intent === 'add' ? 'organisations.members.added' : 'organisations.members.updated' }
}

export default function MembersPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation()
	const { organisation, pending, active, me, myRole } = loaderData
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
					{t(actionData.done as 'organisations.members.updated')}
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
				<h2>{t('organisations.members.addTitle')}</h2>
				<Form method="post" className="inline-form">
					<input type="hidden" name="intent" value="add" />
					<div className="field">
						<label htmlFor="add-email">{t('organisations.members.addEmail')}</label>
						<input id="add-email" name="email" type="email" required maxLength={254} />
					</div>
					<div className="field">
						<label htmlFor="add-role">{t('organisations.members.addRole')}</label>
						<select id="add-role" name="role" defaultValue="MEMBER">
							{roleChoices.map((r) => (
								<option key={r} value={r}>
									{t(`membershipRoles.${r}`)}
								</option>
							))}
						</select>
					</div>
					<button type="submit" className="button">
						{t('organisations.members.add')}
					</button>
				</Form>
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
