import { requireApiUser } from '~/api/auth.server'
import { apiRoute } from '~/api/handler.server'
import { apiTranslator } from '~/api/locale.server'
import { paged, readPage } from '~/api/pagination.server'
import { apiJson, ok } from '~/api/responses.server'
import { NotificationsReadSchema } from '~/api/schemas.server'
import { parseJsonBody } from '~/api/validation.server'
import { listNotifications, markRead, renderNotificationText, unreadCount } from '~/models/notification.server'

// Notifications belong to people: requireApiUser answers API keys with 403.
const api = apiRoute({
	GET: async ({ request, url, locale }) => {
		const { user } = await requireApiUser(request)
		const page = readPage(url)
		const list = await listNotifications(user.id, { page: page.page, perPage: page.pageSize })
		const t = apiTranslator(locale)
		const items = list.items.map((n) => ({ ...n, ...renderNotificationText(t, n.kind, n.params) }))
		const body = paged(url, items, list.total, { ...page, page: list.page })
		return apiJson({ ...body, meta: { ...body.meta, unread: list.unread } })
	},

	POST: async ({ request }) => {
		const { user } = await requireApiUser(request)
		const input = await parseJsonBody(request, NotificationsReadSchema)
		const marked = await markRead(user.id, 'all' in input ? 'all' : input.ids)
		return ok({ marked, unread: await unreadCount(user.id) })
	},
})

export const loader = api.loader
export const action = api.action
