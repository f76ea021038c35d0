import type { Shape } from '../shape.ts'
import type vi from '../vi/notifications.ts'

export default {
	title: 'Notifications',
	kinds: {
		account: {
			welcome: {
				title: 'Welcome to Cầu Nối',
				body: 'Hello {{name}}, your account is ready. Complete your profile to start connecting technology supply and demand.',
				setting: 'Welcome message when the account is created',
			},
			'password-changed': {
				title: 'Your password was changed',
				body: 'The password of your Cầu Nối account was just changed. If this was not you, please reset your password now and let us know.',
				setting: 'When the account password is changed',
			},
			'role-granted': {
				title: 'You were given the {{role}} role',
				body: 'Your account was just given the {{role}} role on the exchange. If you did not expect this, please contact the operations team.',
				setting: 'When the account is given a new role on the exchange',
			},
		},
		membership: {
			requested: {
				title: '{{userName}} asked to join {{organisationName}}',
				body: '{{userName}} asked to join {{organisationName}}. Please review the request and accept or decline it.',
				setting: 'When someone asks to join an organisation you manage',
			},
			accepted: {
				title: 'Your request to join {{organisationName}} was accepted',
				body: 'You are now a member of {{organisationName}}.',
				setting: 'When your request to join is accepted',
			},
			declined: {
				title: 'Your request to join {{organisationName}} was not accepted',
				body: '{{organisationName}} declined your request to join. You can contact the organisation directly if needed.',
				setting: 'When your request to join is declined',
			},
			removed: {
				title: 'You are no longer a member of {{organisationName}}',
				body: 'An administrator of {{organisationName}} removed you from the organisation.',
				setting: 'When you are removed from an organisation',
			},
			added: {
				title: 'You were added to {{organisationName}}',
				body: 'You were just added as a member of {{organisationName}}.',
				setting: 'When you are added to an organisation',
			},
			'role-changed': {
				title: 'Your role at {{organisationName}} changed',
				body: 'Your new role at {{organisationName}}: {{role}}.',
				setting: 'When your role in an organisation changes',
			},
		},
		organisation: {
			verified: {
				title: '{{organisationName}} has been verified',
				body: 'The exchange has verified the details of {{organisationName}}. Its profile now shows the verified mark.',
				setting: 'When your organisation is verified',
			},
			unverified: {
				title: '{{organisationName}} is no longer verified',
				body: 'The verified status of {{organisationName}} was withdrawn. Please check and update the organisation details.',
				setting: 'When your organisation loses its verified status',
			},
		},
		listing: {
			submitted: {
				title: 'New listing to review: {{title}}',
				body: 'A technology offer or demand was just submitted for review: "{{title}}".',
				setting: 'When a listing is submitted for review (operators)',
			},
			published: {
				title: '"{{title}}" is published',
				body: 'An operator approved "{{title}}" and published it on the exchange. It stays up for 12 months.',
				setting: 'When your listing is approved and published',
			},
			'changes-approved': {
				title: 'Your changes to "{{title}}" are approved',
				body: 'Your changes to "{{title}}" were approved and are now public.',
				setting: 'When edits to a published listing are approved',
			},
			returned: {
				title: '"{{title}}" needs changes',
				body: 'An operator returned "{{title}}" with this reason: {{reason}}',
				setting: 'When your listing is returned for changes',
			},
			expiring: {
				title: '"{{title}}" expires soon',
				body: '"{{title}}" expires within {{days}} days. Renew it if the technology or need still stands.',
				setting: 'When a listing is about to expire',
			},
			expired: {
				title: '"{{title}}" has expired',
				body: '"{{title}}" expired after 12 months and is no longer public. You can renew it to publish it again.',
				setting: 'When a listing expires',
			},
		},
		import: {
			validated: {
				title: 'The dry run of "{{title}}" is ready',
				body: 'The dry run of the file "{{title}}" has finished. Check it row by row, then confirm to write the data.',
				setting: 'When the dry run of an import has finished (operators)',
			},
			applied: {
				title: '"{{title}}" has been imported',
				body: 'The valid rows of the file "{{title}}" have been written.',
				setting: 'When an import has been written (operators)',
			},
			failed: {
				title: '"{{title}}" could not be read',
				body: 'The file "{{title}}" could not be read. See why on the import page, fix the file and import it again.',
				setting: 'When an import file cannot be read (operators)',
			},
		},
		search: {
			match: {
				title: 'New listing matches your search "{{name}}"',
				body: '"{{title}}" has just been published and matches a search you saved.',
				setting: 'When a new listing matches a saved search (each search has its own channel)',
			},
			digest: {
				title: '{{count}} new listings match your search "{{name}}"',
				body: 'Since the last alert, {{count}} new offers or demands match a search you saved. Newest: "{{title}}".',
				setting: 'Periodic digest of new listings matching a saved search (each search has its own channel)',
			},
		},
		chat: {
			unread: {
				title: 'You have {{count}} unread messages',
				body: 'While you were away, {{count}} new messages arrived in {{rooms}} conversations: {{titles}}.',
				setting: 'A summary of unread messages while you are away',
			},
		},
		// Webhooks (issue 9): the relay turned a subscription off.
		webhook: {
			gone: {
				title: 'A webhook of {{organisationName}} was turned off',
				body: 'The endpoint "{{title}}" answered 410 (Gone), so Cầu Nối stopped sending events to it. Fix the address or turn the webhook back on when the endpoint is ready.',
				setting: "When one of the organisation's webhooks is turned off because its endpoint answered 410",
			},
			failing: {
				title: 'A webhook of {{organisationName}} was turned off after failing repeatedly',
				body: 'Deliveries to "{{title}}" have failed without a break for more than 3 days, so Cầu Nối stopped sending. See the delivery log, fix the endpoint, then turn it back on and redeliver the events you need.',
				setting: "When one of the organisation's webhooks is turned off after failing for days",
			},
		},
		expert: {
			claimed: {
				title: 'You claimed the expert profile {{name}}',
				body: 'The expert profile "{{name}}" is now linked to your account and shows as verified. You can update it yourself and say whether you take appraisal and consulting work.',
				setting: 'When you claim an expert profile',
			},
		},
		deal: {
			started: {
				title: 'New deal {{code}}: "{{title}}"',
				body: 'An organisation expressed interest and opened deal {{code}} on "{{title}}". Open the deal to answer and open the NDA.',
				setting: 'When a new deal is opened with your organisation',
			},
			stage: {
				title: 'Deal {{code}} moved to: {{stage}}',
				body: 'Deal {{code}} on "{{title}}" moved to the "{{stage}}" stage.',
				setting: 'When your deal moves to another stage',
			},
			'nda-accepted': {
				title: 'The NDA of deal {{code}} was accepted',
				body: 'One side accepted the non-disclosure agreement of deal {{code}} on "{{title}}". When both sides have, the confidential section opens to the buyer.',
				setting: 'When a side accepts the NDA',
			},
			'terms-proposed': {
				title: 'New terms (version {{version}}) for deal {{code}}',
				body: 'Version {{version}} of the terms of deal {{code}} on "{{title}}" was proposed. Review it and sign if you agree.',
				setting: 'When new terms are proposed',
			},
			'terms-signed': {
				title: 'The terms of deal {{code}} were signed by one side',
				body: 'One side signed version {{version}} of the terms of deal {{code}}. The agreement takes effect when both sides have signed.',
				setting: 'When a side signs the terms',
			},
			broker: {
				title: 'The broker of deal {{code}} changed',
				body: 'Deal {{code}} on "{{title}}" has a new broker (or no longer has one).',
				setting: 'When a deal gets a new broker',
			},
			payment: {
				title: 'Payment on deal {{code}}: {{status}}',
				body: 'A payment of {{amount}} ₫ on deal {{code}} on "{{title}}" has a new status: {{status}}.',
				setting: 'When a payment is recorded, fails or is refunded',
			},
		},
		matching: {
			new: {
				title: 'New {{score}}% match for "{{title}}"',
				body: '"{{other}}" ({{organisation}}) matches your "{{title}}" at {{score}}%. See why it matches and tell us whether it fits.',
				setting: 'When a new strong match is found for your listing (once per pair)',
			},
			interest: {
				title: '{{organisation}} is interested in "{{other}}"',
				body: '{{organisation}} expressed interest in your "{{other}}" through their "{{title}}". Open the match to get in touch.',
				setting: 'When an organisation expresses interest in your listing through a match',
			},
		},
	},
	unknownKind: 'You have a new notification',
	live: {
		new: 'New notification: {{title}}',
	},
	page: {
		title: 'Notifications',
		heading: 'Your notifications',
		unreadSummary_one: 'You have {{count}} unread notification.',
		unreadSummary_other: 'You have {{count}} unread notifications.',
		allRead: 'You have read all your notifications.',
		empty: 'You have no notifications yet.',
		unread: 'Unread',
		open: 'View details',
		markRead: 'Mark as read',
		markAllRead: 'Mark all as read',
		settings: 'Notification settings',
		pagination: 'Notification pages',
	},
	settings: {
		title: 'Notification settings',
		heading: 'Notification settings',
		lead: 'Choose how you want to receive each kind of notification: on the site (the bell), by e-mail, both, or not at all.',
		channels: {
			IN_APP: 'On the site',
			EMAIL: 'E-mail',
			BOTH: 'Both',
			NONE: 'Off',
		},
		groups: {
			account: 'Account and security',
			membership: 'Organisation membership',
			organisation: 'Organisations',
			listing: 'Offers and demands',
			expert: 'Expert profiles',
			import: 'Data imports',
			search: 'Saved searches',
			matching: 'Supply-demand matching',
			deal: 'Deals and payments',
			chat: 'Messages',
			webhook: 'Webhooks',
		},
		required: 'Security notice: you can choose how it reaches you but cannot turn it off.',
		defaultChannel: 'Default: {{channel}}',
		save: 'Save settings',
		saved: 'Your notification settings were saved.',
		invalid: 'Not saved: a choice was not valid. Please check and try again.',
		back: 'Back to notifications',
	},
	emails: {
		greeting: 'Hello {{name}},',
		greetingNoName: 'Hello,',
		open: 'View on Cầu Nối',
		signoff: 'Kind regards,',
		team: 'The Cầu Nối team',
		manage: 'You receive this e-mail because of your notification settings. Change them at:',
		automated: 'This is an automated e-mail; please do not reply.',
		'organisation-invitation': {
			subject: 'Invitation to join {{organisationName}} on Cầu Nối',
			intro: '{{inviterName}} invites you to join {{organisationName}} on Cầu Nối, the technology exchange. Create your account with the link below to become a member.',
			action: 'Accept the invitation',
			validity_one: 'The invitation is valid for {{count}} day, once, for this e-mail address.',
			validity_other: 'The invitation is valid for {{count}} days, once, for this e-mail address.',
		},
		'password-reset': {
			subject: 'Reset your Cầu Nối password',
			intro: 'We received a request to reset the password of the Cầu Nối account linked to this e-mail address.',
			action: 'Reset password',
			validity_one: 'The link is valid for {{count}} hour and can be used once.',
			validity_other: 'The link is valid for {{count}} hours and can be used once.',
			ignore: 'If you did not ask to reset your password, ignore this e-mail; your password will not change.',
		},
	},
	devMail: {
		title: 'Development mailbox',
		heading: 'Development mailbox',
		lead: 'SMTP_URL is not set, so the server writes e-mails to {{dir}} instead of sending them. This page is for development and testing only.',
		empty: 'No e-mails yet.',
		to: 'To',
		subject: 'Subject',
		date: 'Date',
		open: 'Open',
		back: 'Back to the mailbox',
		html: 'HTML version',
		text: 'Text version',
		links: 'Links in this message',
		frameTitle: 'HTML content of the e-mail',
	},
} satisfies Shape<typeof vi>
