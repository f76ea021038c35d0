import type { Route } from './+types/export'
import { taskResultExportLoader } from '~/task-results/export.server'

/** GET /task-results/export?format=csv|xlsx&<filters of the list> */
export function loader(args: Route.LoaderArgs) {
	return taskResultExportLoader(args)
}
