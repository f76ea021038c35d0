import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/notification-settings'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { NotificationChannel } from '~/generated/prisma/client'
import { getPreferences, kindSpec, NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, setPreferences, type NotificationKind } from '~/models/notification.server'
import { requireUser } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

// Field names are the kinds themselves ("account.welcome"); conform would read the dots as
// nested objects, so the form is read with a plain zod schema built from the registry.
function preferencesSchema() {
	const shape: Record<string, z.ZodType<NotificationChannel>> = {}
	for (const kind of Object.keys(NOTIFICATION_KINDS)) {
		const allowed = kindSpec(kind)?.required ? NOTIFICATION_CHANNELS.filter((c) => c !== 'NONE') : NOTIFICATION_CHANNELS
		shape[kind] = z.enum(allowed as [NotificationChannel, ...NotificationChannel[]])
	}
	return z.object(shape)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.settings.title')

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const preferences = await getPreferences(user.id)
	// Sent from here: the component may not import the (server-only) registry.
	return { preferences, channels: NOTIFICATION_CHANNELS, saved: new URL(request.url).searchParams.get('saved') === '1' }
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const formData = await request.formData()
	const submitted = Object.fromEntries(Object.keys(NOTIFICATION_KINDS).map((kind) => [kind, formData.get(kind)]))
	const parsed = preferencesSchema().safeParse(submitted)
	if (!parsed.success) {
		const invalid = parsed.error.issues.map((issue) => String(issue.path[0]))
		return data({ invalid }, { status: 400 })
	}
	await setPreferences(user.id, parsed.data)
	return redirect('/me/notifications/settings?saved=1')
}

export default function NotificationSettingsPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const invalid = new Set(actionData?.invalid ?? [])
	const groups = new Map<string, typeof loaderData.preferences>()
	for (const preference of loaderData.preferences) {
		groups.set(preference.group, [...(groups.get(preference.group) ?? []), preference])
	}
	// Kinds are only known at run time, so their keys are not checked by the typed `t`.
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	return (
		<div className="page narrow">
			<h1>{t('notifications.settings.heading')}</h1>
			<p className="lead">{t('notifications.settings.lead')}</p>
			{loaderData.saved && !actionData ? (
				<p className="notice notice--success" role="status" data-testid="settings-saved">
					{t('notifications.settings.saved')}
				</p>
			) : null}
			{invalid.size > 0 ? (
				<p className="notice notice--error" role="alert">
					{t('notifications.settings.invalid')}
				</p>
			) : null}
			<Form method="post" data-testid="notification-settings">
				{[...groups].map(([group, preferences]) => (
					<section key={group}>
						<h2>{tk(`notifications.settings.groups.${group}`, { defaultValue: group })}</h2>
						{preferences.map((preference) => (
							<KindFieldset
								key={preference.kind}
								{...preference}
								channels={loaderData.channels}
								invalid={invalid.has(preference.kind)}
								tk={tk}
							/>
						))}
					</section>
				))}
				<div className="actions-row">
					<button type="submit" className="button" disabled={navigation.state === 'submitting'}>
						{t('notifications.settings.save')}
					</button>
					<Link to="/me/notifications">{t('notifications.settings.back')}</Link>
				</div>
			</Form>
		</div>
	)
}

function KindFieldset({
	kind,
	channel,
	defaultChannel,
	required,
	channels,
	invalid,
	tk,
}: {
	kind: NotificationKind
	channel: NotificationChannel
	defaultChannel: NotificationChannel
	required: boolean
	channels: readonly NotificationChannel[]
	invalid: boolean
	tk: (key: string, options?: Record<string, unknown>) => string
}) {
	const id = `pref-${kind.replace(/[^a-z0-9]+/gi, '-')}`
	return (
		<fieldset className="fieldset" aria-describedby={`${id}-hint`} aria-invalid={invalid || undefined} data-testid={`pref-${kind}`}>
			<legend>{tk(`notifications.kinds.${kind}.setting`)}</legend>
			<p id={`${id}-hint`} className="field-hint">
				{tk('notifications.settings.defaultChannel', { channel: tk(`notifications.settings.channels.${defaultChannel}`) })}
				{required ? ` ${tk('notifications.settings.required')}` : null}
			</p>
			{channels.map((option) => (
				<label key={option} className="radio">
					<input
						type="radio"
						name={kind}
						value={option}
						defaultChecked={channel === option}
						// A security notice cannot be turned off; the server refuses NONE for it as well.
						disabled={required && option === 'NONE'}
					/>
					<span>{tk(`notifications.settings.channels.${option}`)}</span>
				</label>
			))}
		</fieldset>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
