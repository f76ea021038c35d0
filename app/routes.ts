import { type RouteConfig, index, layout, prefix, route } from '@react-router/dev/routes'

export default [
	index('routes/home.tsx'),
	route('healthz', 'routes/healthz.ts'),
	route('set-locale', 'routes/set-locale.ts'),
	route('search', 'routes/search.tsx'),
	route('stats', 'routes/stats/index.tsx'),
	route('stats/download', 'routes/stats/download.ts'),

	// Accounts
	route('login', 'routes/auth/login.tsx'),
	route('logout', 'routes/auth/logout.ts'),
	route('register', 'routes/auth/register.tsx'),
	route('forgot-password', 'routes/auth/forgot-password.tsx'),
	route('reset-password', 'routes/auth/reset-password.tsx'),

	...prefix('me', [
		index('routes/me/profile.tsx'),
		route('password', 'routes/me/password.tsx'),
		route('notifications', 'routes/me/notifications.tsx'),
		route('notifications/settings', 'routes/me/notification-settings.tsx'),
		route('saved-searches', 'routes/me/saved-searches.tsx'),
		route('matches', 'routes/me/matches.tsx'),
	]),

	// Organisations
	...prefix('organisations', [
		index('routes/organisations/index.tsx'),
		route('new', 'routes/organisations/new.tsx'),
		route(':slug', 'routes/organisations/detail.tsx'),
		route(':slug/edit', 'routes/organisations/edit.tsx'),
		route(':slug/members', 'routes/organisations/members.tsx'),
		route(':slug/api-keys', 'routes/organisations/api-keys.tsx'),
		route(':slug/webhooks', 'routes/organisations/webhooks.tsx'),
		route(':slug/webhooks/:id', 'routes/organisations/webhooks-detail.tsx'),
	]),

	// Exchange floor: offers and demands
	...prefix('offers', [
		index('routes/offers/index.tsx'),
		route('new', 'routes/offers/new.tsx'),
		route(':id', 'routes/offers/detail.tsx'),
		route(':id/edit', 'routes/offers/edit.tsx'),
		route(':id/attachments', 'routes/offers/attachments.ts'),
		route(':id/evidence', 'routes/offers/evidence.ts'),
	]),
	...prefix('demands', [
		index('routes/demands/index.tsx'),
		route('new', 'routes/demands/new.tsx'),
		route(':id', 'routes/demands/detail.tsx'),
		route(':id/edit', 'routes/demands/edit.tsx'),
		route(':id/attachments', 'routes/demands/attachments.ts'),
	]),
	route('attachments/:id', 'routes/attachments/download.ts'),
	route('me/listings', 'routes/me/listings.tsx'),

	// Registered task results and the expert directory (public pages, exports)
	...prefix('task-results', [
		index('routes/task-results/index.tsx'),
		// Before ':id', so "export" is never read as an id.
		route('export', 'routes/task-results/export.ts'),
		route(':id', 'routes/task-results/detail.tsx'),
	]),
	// (expert claim routes go here)
	route('experts/claim/:token', 'routes/experts/claim-complete.tsx'),
	route('experts/:id/claim', 'routes/experts/claim.ts'),
	route('experts/:id/edit', 'routes/experts/edit.tsx'),
	...prefix('experts', [
		index('routes/experts/index.tsx'),
		route('export', 'routes/experts/export.ts'),
		route(':id', 'routes/experts/detail.tsx'),
	]),

	// Brokers: the market's strongest pairs as a work queue
	route('broker/matches', 'routes/broker/matches.tsx'),
	route('broker/matches/:id', 'routes/broker/match.tsx'),

	// Deals: from an expression of interest to a paid, recorded transfer
	...prefix('deals', [
		index('routes/deals/index.tsx'),
		route('new', 'routes/deals/new.tsx'),
		route(':id', 'routes/deals/detail.tsx'),
		route(':id/payments/:paymentId', 'routes/deals/payment.tsx'),
		route(':id/payments/:paymentId/receipt', 'routes/deals/receipt.tsx'),
		route(':id/payments/:paymentId/receipt.pdf', 'routes/deals/receipt-pdf.ts'),
	]),
	route('webhooks/stripe', 'routes/webhooks/stripe.ts'),

	// Messages: a deal's room and direct conversations (/messages/new before ':roomId', so "new" is never read as an id)
	...prefix('messages', [
		index('routes/messages/index.tsx'),
		route('new', 'routes/messages/new.ts'),
		route(':roomId', 'routes/messages/room.tsx'),
		route(':roomId/files', 'routes/messages/files.ts'),
	]),

	// Operators
	...prefix('operator', [
		layout('routes/operator/layout.tsx', [
			index('routes/operator/index.tsx'),
			route('organisations', 'routes/operator/organisations.tsx'),
			route('users', 'routes/operator/users.tsx'),
			route('review', 'routes/operator/review.tsx'),
			route('review/:kind/:id', 'routes/operator/review-item.tsx'),
			route('imports', 'routes/operator/imports.tsx'),
			route('imports/help', 'routes/operator/import-help.tsx'),
			route('imports/:id', 'routes/operator/import.tsx'),
			route('search', 'routes/operator/search.tsx'),
			route('payments', 'routes/operator/payments.tsx'),
			route('nda', 'routes/operator/nda.tsx'),
			route('stats', 'routes/operator/stats.tsx'),
		]),
	]),

	// Outside the operators' layout: files, not pages
	route('operator/stats/download', 'routes/operator/stats-download.ts'),
	route('operator/stats/proposal', 'routes/operator/stats-proposal.ts'),

	// Development mailbox (mail written to files when SMTP_URL is unset)
	route('dev/mail', 'routes/dev/mail.tsx'),
	route('dev/mail/:id', 'routes/dev/mail-message.tsx'),

	// JSON API
	...prefix('api/v1', [
		route('openapi.json', 'routes/api/openapi.ts'),
		route('me', 'routes/api/me.ts'),
		route('organisations', 'routes/api/organisations.ts'),
		route('organisations/:id', 'routes/api/organisation.ts'),
		route('organisations/:id/members', 'routes/api/organisation-members.ts'),
		route('organisations/:id/webhooks', 'routes/api/webhooks.ts'),
		route('organisations/:id/webhooks/:webhookId', 'routes/api/webhook.ts'),
		route('organisations/:id/webhooks/:webhookId/rotate', 'routes/api/webhook-rotate.ts'),
		route('organisations/:id/webhooks/:webhookId/test', 'routes/api/webhook-test.ts'),
		route('organisations/:id/webhooks/:webhookId/deliveries', 'routes/api/webhook-deliveries.ts'),
		route('organisations/:id/webhooks/:webhookId/deliveries/:deliveryId/redeliver', 'routes/api/webhook-redeliver.ts'),
		route('reference/fields', 'routes/api/reference-fields.ts'),
		route('reference/provinces', 'routes/api/reference-provinces.ts'),
		route('notifications', 'routes/api/notifications.ts'),
		route('offers', 'routes/api/offers.ts'),
		route('offers/:id', 'routes/api/offer.ts'),
		route('offers/:id/:action', 'routes/api/offer-action.ts'),
		route('demands', 'routes/api/demands.ts'),
		route('demands/:id', 'routes/api/demand.ts'),
		route('demands/:id/:action', 'routes/api/demand-action.ts'),
		// bulk before :id, so "bulk" is never read as an id
		route('task-results', 'routes/api/task-results.ts'),
		route('task-results/bulk', 'routes/api/task-results-bulk.ts'),
		route('task-results/:id', 'routes/api/task-result.ts'),
		route('experts', 'routes/api/experts.ts'),
		route('experts/bulk', 'routes/api/experts-bulk.ts'),
		route('experts/:id', 'routes/api/expert.ts'),
		route('deals', 'routes/api/deals.ts'),
		route('deals/:id', 'routes/api/deal.ts'),
		// Static segments outrank ':action', so these are never read as a pipeline step.
		route('deals/:id/milestones', 'routes/api/deal-milestones.ts'),
		route('deals/:id/milestones/:milestoneId/payments', 'routes/api/milestone-payments.ts'),
		route('deals/:id/payments', 'routes/api/deal-payments.ts'),
		route('deals/:id/payments/:paymentId', 'routes/api/deal-payment.ts'),
		route('deals/:id/payments/:paymentId/confirm', 'routes/api/payment-confirm.ts'),
		route('deals/:id/:action', 'routes/api/deal-action.ts'),
		route('rooms', 'routes/api/rooms.ts'),
		route('rooms/:id', 'routes/api/room.ts'),
		route('rooms/:id/messages', 'routes/api/room-messages.ts'),
		route('rooms/:id/read', 'routes/api/room-read.ts'),
		route('search', 'routes/api/search.ts'),
		route('suggest', 'routes/api/suggest.ts'),
		route('changes', 'routes/api/changes.ts'),
		route('stats', 'routes/api/stats.ts'),
		route('*', 'routes/api/not-found.ts'),
	]),

	route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
