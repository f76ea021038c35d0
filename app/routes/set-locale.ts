import { redirect } from 'react-router'
import type { Route } from './+types/set-locale'
import { isLocale } from '~/locales'
import { localeCookie } from '~/middleware/i18next.server'
import { setLocale } from '~/models/user.server'
import { getUser } from '~/utils/auth.server'
import { invariantResponse, safeRedirectPath } from '~/utils/http.server'

export async function loader() {
	return redirect('/')
}

/** The language switch: a cookie for everyone, and the profile of a signed-in user so e-mails follow. */
export async function action({ request }: Route.ActionArgs) {
	const form = await request.formData()
	const locale = form.get('locale')
	invariantResponse(isLocale(locale), 'validation.invalid', { status: 400 })
	const user = await getUser(request)
	if (user) await setLocale(user.id, locale)
	return redirect(safeRedirectPath(form.get('redirectTo')), {
		headers: { 'Set-Cookie': await localeCookie.serialize(locale) },
	})
}
