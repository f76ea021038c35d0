import type { Route } from './+types/export'
import { expertExportLoader } from '~/experts/export.server'

/** GET /experts/export?format=csv|xlsx&<filters of the list>; e-mails only for operators. */
export function loader(args: Route.LoaderArgs) {
	return expertExportLoader(args)
}
