import { notFound } from '~/api/errors.server'
import { apiRoute, type ApiHandler } from '~/api/handler.server'

// Every method (OPTIONS too), so that a POST to a mistyped path is a JSON 404, not a 405.
const unknownPath: ApiHandler = ({ url }) => {
	throw notFound('api.errors.routeNotFound', { path: url.pathname })
}

const api = apiRoute({ GET: unknownPath, POST: unknownPath, PUT: unknownPath, PATCH: unknownPath, DELETE: unknownPath }, { answerOptions: false })

export const loader = api.loader
export const action = api.action
