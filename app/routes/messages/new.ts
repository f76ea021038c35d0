import { createElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/new'
import { openConversation } from '~/chat/pages.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requireUser } from '~/utils/auth.server'

// Opening is a write (it may create a room and tell the other person), so it is a POST from a
// button on the deal, listing, expert or match. A UI route rather than a resource route, so a
// refusal renders as the site's translated error page.
//
// Those buttons post as whole documents (reloadDocument): a client-side submission can be cut
// short by a fetcher finishing on the page it left (a listing's view beacon revalidates, and the
// router restarts the pending navigation as a plain GET of this route), leaving the person here
// with the room made but not shown. For the same reason this loader does not redirect: if it ever
// runs in that race, it must not send the person somewhere else than the action does.
export async function loader({ request }: Route.LoaderArgs) {
	await requireUser(request)
	return null
}

export async function action({ request }: Route.ActionArgs) {
	return openConversation(request)
}

export default function OpenConversation() {
	const { t } = useTranslation()
	return createElement('div', { className: 'page' }, createElement('h1', null, t('chat.rooms.title')), createElement('p', null, createElement(Link, { to: '/messages' }, t('chat.room.back'))))
}

export function ErrorBoundary() {
	return createElement(GeneralErrorBoundary)
}
