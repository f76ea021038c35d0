import { useTranslation } from 'react-i18next'
import { useActionData } from 'react-router'
import type { Route } from './+types/room'
import { readOnOpen, roomAction, roomPage, type RoomActionData } from '~/chat/pages.server'
import { ChatRoomPage } from '~/components/chat/chat-room'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useRootData } from '~/root'
import { isLocale } from '~/locales'

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.room.kind === 'DEAL' ? `${data.room.dealCode} · ${data.room.title}` : data.room.others.map((o) => o.name).join(', ')} · Cầu Nối` : 'Cầu Nối' }]

// Before the loaders, so the root's unread count already leaves this room out.
export const middleware: Route.MiddlewareFunction[] = [
	async ({ request, params }, next) => {
		await readOnOpen(request, params.roomId)
		return next()
	},
]

export function loader({ request, params }: Route.LoaderArgs) {
	return roomPage(request, params.roomId)
}

export function action({ request, params }: Route.ActionArgs) {
	return roomAction(request, params.roomId)
}

export default function RoomRoute({ loaderData }: Route.ComponentProps) {
	const actionData = useActionData() as RoomActionData | undefined
	const root = useRootData()
	const { i18n } = useTranslation()
	const locale = isLocale(root?.locale) ? root.locale : isLocale(i18n.language) ? i18n.language : 'vi'
	// A room of its own per room and page: state (pending lines, scroll) never leaks from one to another.
	return <ChatRoomPage key={`${loaderData.room.id}:${loaderData.latest ? 'live' : (loaderData.messages[0]?.seq ?? 0)}`} data={loaderData} actionData={actionData} locale={locale} />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}

