import { apiRoute } from '~/api/handler.server'
import { openApiDocument } from '~/api/openapi.server'
import { cacheableJson } from '~/api/responses.server'

const api = apiRoute({
	GET: ({ request }) => cacheableJson(request, openApiDocument(), 300),
})

export const loader = api.loader
export const action = api.action
