import { z } from 'zod'
import { msg } from '~/utils/validation'
import { ApiError, badRequest, payloadTooLarge, ROOT_FIELD, unsupportedMediaType, validationFailed, zodFieldErrors } from './errors.server'

export { ROOT_FIELD, zodFieldErrors }

/** Bodies above this are refused with 413 before they are parsed: no API payload comes close. */
export const MAX_BODY_BYTES = 1024 * 1024

// Schemas carry i18n keys for the messages a person can act on; zod's English defaults for the
// rest (a number where text was expected) become these.
const defaultMessage = (issue: { code?: string; input?: unknown }) => {
	if (issue.code === 'invalid_type' && issue.input === undefined) return msg('validation.required')
	if (issue.code === 'unrecognized_keys') return msg('api.errors.unknownField')
	return msg('validation.invalid')
}

/** Validates with a schema (async refinements included); a failure throws a 400 listing each field. */
export async function validate<S extends z.ZodType>(schema: S, input: unknown): Promise<z.output<S>> {
	const result = await schema.safeParseAsync(input, { error: defaultMessage })
	if (!result.success) throw validationFailed(zodFieldErrors(result.error.issues))
	return result.data
}

function isJsonType(contentType: string | null) {
	if (!contentType) return false
	const [type = '', ...params] = contentType.toLowerCase().split(';').map((s) => s.trim())
	if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) return false
	const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '')
	return !charset || charset === 'utf-8' || charset === 'utf8'
}

async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
	const reader = body.getReader()
	const chunks: Uint8Array[] = []
	let size = 0
	try {
		for (;;) {
			const { done, value } = await reader.read()
			if (done) break
			size += value.byteLength
			if (size > maxBytes) {
				// Stops reading the rest: a huge body costs its sender, not our memory.
				await reader.cancel().catch(() => {})
				throw payloadTooLarge(maxBytes)
			}
			chunks.push(value)
		}
	} finally {
		reader.releaseLock()
	}
	const bytes = new Uint8Array(size)
	let offset = 0
	for (const chunk of chunks) {
		bytes.set(chunk, offset)
		offset += chunk.byteLength
	}
	return bytes
}

type ReadOptions = { maxBytes?: number; optional?: boolean }

/**
 * The parsed JSON body. Refuses with a JSON error, never a 500: 415 when it is not JSON, 413 when
 * over the limit, 400 when empty (unless `optional`, which gives undefined) or malformed.
 */
export async function readJsonBody(request: Request, { maxBytes = MAX_BODY_BYTES, optional = false }: ReadOptions = {}): Promise<unknown> {
	const declared = request.headers.get('Content-Length')
	const empty = () => {
		if (optional) return undefined
		throw badRequest('api.errors.bodyRequired')
	}
	if (!request.body || declared === '0') return empty()
	if (!isJsonType(request.headers.get('Content-Type'))) throw unsupportedMediaType()
	if (declared && Number(declared) > maxBytes) throw payloadTooLarge(maxBytes)
	if (request.bodyUsed) throw badRequest()
	const bytes = await readLimited(request.body, maxBytes)
	if (bytes.byteLength === 0) return empty()
	let text: string
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	} catch {
		throw new ApiError(400, 'invalid_json', 'api.errors.invalidJson')
	}
	if (text.trim() === '') return empty()
	try {
		return JSON.parse(text) as unknown
	} catch {
		throw new ApiError(400, 'invalid_json', 'api.errors.invalidJson')
	}
}

/** The JSON body, which must be an object (undefined when `optional` and there is none). */
export async function readJsonObject(request: Request, options: ReadOptions = {}): Promise<Record<string, unknown> | undefined> {
	const body = await readJsonBody(request, options)
	if (body === undefined && options.optional) return undefined
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw validationFailed({ [ROOT_FIELD]: [msg('api.errors.bodyNotObject')] }, 'api.errors.bodyNotObject')
	}
	return body as Record<string, unknown>
}

/** Reads the JSON body and validates it; the body must be a JSON object (an absent optional one counts as {}). */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S, options: ReadOptions = {}): Promise<z.output<S>> {
	return validate(schema, (await readJsonObject(request, options)) ?? {})
}

/** The query string as an object of first values, validated: unknown parameters are ignored. */
export function parseQuery<S extends z.ZodType>(request: Request | URL, schema: S): Promise<z.output<S>> {
	const url = request instanceof URL ? request : new URL(request.url)
	const query: Record<string, string> = {}
	// An empty parameter (`?max=`, as HTML forms send blank inputs) means "not given", never 0.
	for (const [key, value] of url.searchParams) if (!(key in query) && value !== '') query[key] = value
	return validate(schema, query)
}

/** The text, S&T field and province filters every public list of the API takes, checked strictly (a typo is a 400). */
export const commonListQueryFields = {
	q: z
		.string()
		.trim()
		.max(200, msg('validation.tooLong', { max: 200 }))
		.optional(),
	field: z
		.string()
		.regex(/^\d{1,5}$/, msg('api.errors.unknownScienceField'))
		.optional(),
	province: z.string().regex(/^\d{2}$/, msg('validation.province')).optional(),
}
