// The OpenAPI document against the route config: every /api/v1 route described, every method it
// documents actually served, every $ref resolvable. No OpenAPI validator is installed, so the
// structure is checked here. Also the catch-all JSON 404.
import fs from 'node:fs/promises'
import path from 'node:path'
import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '~/api/errors.server'
import { resources } from '~/locales'
import * as notFound from './not-found'
import * as openapi from './openapi'

type Doc = {
	openapi: string
	info: { title: string; version: string }
	paths: Record<string, Record<string, unknown>>
	components: { securitySchemes: Record<string, unknown> }
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

type ApiRouteEntry = { path: string; file: string }

/** The routes declared inside prefix('api/v1', [...]) of app/routes.ts. */
async function apiRoutes(): Promise<ApiRouteEntry[]> {
	const source = await fs.readFile(path.resolve('app/routes.ts'), 'utf8')
	const start = source.indexOf("prefix('api/v1'")
	expect(start).toBeGreaterThan(-1)
	const block = source.slice(start, source.indexOf(']),', start))
	return [...block.matchAll(/route\('([^']+)',\s*'([^']+)'\)/g)].map((m) => ({ path: m[1]!, file: m[2]! }))
}

/** routes.ts path -> OpenAPI path: organisations/:id -> /organisations/{id}. */
const toOpenApiPath = (routePath: string) => `/${routePath.replace(/:(\w+)/g, '{$1}')}`

async function fetchDocument() {
	const response = await openapi.loader({ request: new Request('http://localhost/api/v1/openapi.json'), params: {}, context: new RouterContextProvider() })
	return { response, text: await response.text() }
}

function resolvePointer(doc: unknown, ref: string) {
	expect(ref.startsWith('#/')).toBe(true)
	let node: unknown = doc
	for (const raw of ref.slice(2).split('/')) {
		const part = raw.replace(/~1/g, '/').replace(/~0/g, '~')
		node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
	}
	return node
}

function collectRefs(node: unknown, found: string[] = []): string[] {
	if (Array.isArray(node)) for (const item of node) collectRefs(item, found)
	else if (node && typeof node === 'object') {
		for (const [key, value] of Object.entries(node)) {
			if (key === '$ref' && typeof value === 'string') found.push(value)
			else collectRefs(value, found)
		}
	}
	return found
}

describe('GET /api/v1/openapi.json', () => {
	test('is a parseable OpenAPI 3.1 document, cacheable, with both security schemes', async () => {
		const { response, text } = await fetchDocument()
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
		expect(response.headers.get('Cache-Control')).toMatch(/^public/)
		const doc = JSON.parse(text) as Doc
		expect(doc.openapi).toMatch(/^3\.1\.\d+$/)
		expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) })
		expect(doc.components.securitySchemes).toMatchObject({
			apiKey: { type: 'http', scheme: 'bearer' },
			sessionCookie: { type: 'apiKey', in: 'cookie' },
		})
		const again = await openapi.loader({
			request: new Request('http://localhost/api/v1/openapi.json', { headers: { 'If-None-Match': response.headers.get('ETag')! } }),
			params: {},
			context: new RouterContextProvider(),
		})
		expect(again.status).toBe(304)
	})

	test('describes every route declared under api/v1 in app/routes.ts, and only methods the route serves', async () => {
		const doc = JSON.parse((await fetchDocument()).text) as Doc
		const routes = (await apiRoutes()).filter((r) => r.path !== '*')
		expect(routes.length).toBeGreaterThanOrEqual(8)
		for (const route of routes) {
			const item = doc.paths[toOpenApiPath(route.path)]
			expect(item, `${route.path} is missing from the OpenAPI document`).toBeDefined()
			const documented = METHODS.filter((m) => item![m])
			expect(documented.length, `${route.path} documents no operation`).toBeGreaterThan(0)
			const module = (await import(path.resolve('app', route.file))) as typeof openapi
			const options = await module.loader({ request: new Request(`http://localhost/api/v1/${route.path}`, { method: 'OPTIONS' }), params: {} })
			const allowed = options.headers.get('Allow')!.split(', ').map((m) => m.toLowerCase())
			expect(allowed, `${route.path}: documented ${documented.join(',')}, served ${allowed.join(',')}`).toEqual(expect.arrayContaining([...documented]))
			expect(documented, `${route.path} serves methods the document does not describe`).toEqual(
				expect.arrayContaining(allowed.filter((m) => (METHODS as readonly string[]).includes(m))),
			)
		}
		// Nothing is documented that the router would not reach.
		const declared = new Set(routes.map((r) => toOpenApiPath(r.path)))
		expect(Object.keys(doc.paths).filter((p) => !declared.has(p))).toEqual([])
	})

	test('every operation has an id, tags, security and responses with the error shape; every $ref resolves', async () => {
		const doc = JSON.parse((await fetchDocument()).text) as Doc
		const ids = new Set<string>()
		for (const [route, item] of Object.entries(doc.paths)) {
			const pathParams = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
			for (const method of METHODS) {
				const operation = item[method] as
					| { operationId: string; tags: string[]; security: unknown[]; responses: Record<string, unknown>; parameters?: Array<{ $ref?: string; name?: string; in?: string }> }
					| undefined
				if (!operation) continue
				expect(ids.has(operation.operationId)).toBe(false)
				ids.add(operation.operationId)
				expect(operation.tags.length).toBeGreaterThan(0)
				expect(Array.isArray(operation.security)).toBe(true)
				const statuses = Object.keys(operation.responses)
				expect(statuses.some((s) => /^2\d\d$/.test(s)), `${method} ${route} has no success response`).toBe(true)
				expect(operation.responses['500']).toEqual({ $ref: '#/components/responses/InternalError' })
				const declared = [...((item.parameters as typeof operation.parameters) ?? []), ...(operation.parameters ?? [])]
					.map((p) => (p.$ref ? (resolvePointer(doc, p.$ref) as { name: string; in: string }) : p))
					.filter((p) => p.in === 'path')
					.map((p) => p.name)
				expect(declared.sort(), `${method} ${route} path parameters`).toEqual([...pathParams].sort())
			}
		}
		const refs = collectRefs(doc)
		expect(refs.length).toBeGreaterThan(20)
		for (const ref of new Set(refs)) expect(resolvePointer(doc, ref), `unresolved ${ref}`).toBeDefined()
	})
})

describe('unknown /api/v1 paths', () => {
	test('get a JSON 404 for every method, in the language asked for', async () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']) {
			const request = new Request('http://localhost/api/v1/khong-co/gi', { method, headers: { 'Accept-Language': 'en' } })
			const args = { request, params: { '*': 'khong-co/gi' }, context: new RouterContextProvider() }
			const response = ['GET', 'HEAD', 'OPTIONS'].includes(method) ? await notFound.loader(args) : await notFound.action(args)
			expect(response.status).toBe(404)
			expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
			if (method === 'HEAD') continue
			const body = (await response.json()) as ApiErrorBody
			expect(body).toEqual({
				error: { code: 'not_found', message: resources.en.translation.api.errors.routeNotFound.replace('{{path}}', '/api/v1/khong-co/gi') },
			})
		}
	})
})
