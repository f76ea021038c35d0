import { NOTIFICATION_KINDS, renderNotificationText, type NotificationParams } from '~/models/notification.server'
import type { AppLocale } from '~/locales'
import { getFixedT, type Translate } from './i18n.server'
import { absoluteUrl, renderLayout, type EmailContent, type RenderedEmail } from './layout.server'

type TemplateContext = { t: Translate; params: NotificationParams; baseUrl: string; locale: AppLocale }
type Template = (context: TemplateContext) => EmailContent

function text(params: NotificationParams, name: string) {
	const value = params[name]
	return value === undefined ? '' : String(value)
}

function common(t: Translate, params: NotificationParams) {
	const name = text(params, 'recipientName') || text(params, 'name')
	return {
		greeting: name ? t('notifications.emails.greeting', { name }) : t('notifications.emails.greetingNoName'),
		signoff: [t('notifications.emails.signoff'), t('notifications.emails.team')],
	}
}

/**
 * A notification's e-mail: its title as subject, its body, a button to its link. The job's params
 * are the notification's plus `recipientName` and `link` (a site path), added by notify().
 */
function notificationTemplate(kind: string): Template {
	return ({ t, params, baseUrl }) => {
		const { title, body } = renderNotificationText(t, kind, params)
		const url = absoluteUrl(params.link, baseUrl)
		return {
			subject: title,
			...common(t, params),
			paragraphs: [body],
			action: url ? { label: t('notifications.emails.open'), url } : null,
			footer: [
				{ text: t('notifications.emails.manage'), link: absoluteUrl('/me/notifications/settings', baseUrl) },
				{ text: t('notifications.emails.automated') },
			],
		}
	}
}

const templates: Record<string, Template> = {
	/** Params: name, link (absolute, with the token), hours. */
	'password-reset': ({ t, params }) => {
		const hours = Number(params.hours) || 1
		return {
			subject: t('notifications.emails.password-reset.subject'),
			...common(t, params),
			paragraphs: [t('notifications.emails.password-reset.intro')],
			action: { label: t('notifications.emails.password-reset.action'), url: text(params, 'link') },
			notes: [t('notifications.emails.password-reset.validity', { count: hours }), t('notifications.emails.password-reset.ignore')],
			footer: [{ text: t('notifications.emails.automated') }],
		}
	},
	/** Params: inviterName, organisationName, link (absolute, with the token), days. */
	'organisation-invitation': ({ t, params }) => ({
		subject: t('notifications.emails.organisation-invitation.subject', { organisationName: text(params, 'organisationName') }),
		greeting: t('notifications.emails.greetingNoName'),
		signoff: [t('notifications.emails.signoff'), t('notifications.emails.team')],
		paragraphs: [t('notifications.emails.organisation-invitation.intro', { inviterName: text(params, 'inviterName'), organisationName: text(params, 'organisationName') })],
		action: { label: t('notifications.emails.organisation-invitation.action'), url: text(params, 'link') },
		notes: [t('notifications.emails.organisation-invitation.validity', { count: Number(params.days) || 7 })],
		footer: [{ text: t('notifications.emails.automated') }],
	}),
	/**
	 * Params: expertName, userName, userEmail, link (absolute, with the token), hours. Sent to the
	 * address on an expert profile, whose reader's language nobody knows: in the requesting user's
	 * language, then again in the other one.
	 */
	'expert-claim': ({ t, params, locale }) => {
		const other = getFixedT(locale === 'vi' ? 'en' : 'vi')
		const hours = Number(params.hours) || 24
		const values = { expertName: text(params, 'expertName'), userName: text(params, 'userName'), userEmail: text(params, 'userEmail'), name: text(params, 'expertName') }
		const body = (tr: Translate) => [tr('expertProfile.email.intro', values), tr('expertProfile.email.how')]
		const notes = (tr: Translate) => [tr('expertProfile.email.validity', { count: hours }), tr('expertProfile.email.ignore')]
		return {
			subject: `${t('expertProfile.email.subject')} / ${other('expertProfile.email.subject')}`,
			greeting: t('expertProfile.email.greeting', values),
			paragraphs: [`(${t('expertProfile.email.otherLanguage')})`, ...body(t)],
			action: { label: `${t('expertProfile.email.action')} / ${other('expertProfile.email.action')}`, url: text(params, 'link') },
			notes: [...notes(t), '———', other('expertProfile.email.greeting', values), ...body(other), ...notes(other)],
			signoff: [t('notifications.emails.signoff'), t('notifications.emails.team')],
			footer: [{ text: t('notifications.emails.automated') }],
		}
	},
	...Object.fromEntries(Object.keys(NOTIFICATION_KINDS).map((kind) => [kind, notificationTemplate(kind)])),
}

export const EMAIL_TEMPLATES: readonly string[] = Object.keys(templates)

export function hasTemplate(name: string) {
	return Object.hasOwn(templates, name)
}

export class UnknownTemplateError extends Error {
	override name = 'UnknownTemplateError'
}

/** Subject, text and HTML of a template in one language; every parameter is escaped in the HTML. */
export function renderTemplate(name: string, locale: AppLocale, params: NotificationParams, baseUrl: string): RenderedEmail {
	const template = hasTemplate(name) ? templates[name] : undefined
	if (!template) throw new UnknownTemplateError(`Unknown e-mail template: ${name}`)
	return renderLayout(locale, template({ t: getFixedT(locale), params, baseUrl, locale }))
}
