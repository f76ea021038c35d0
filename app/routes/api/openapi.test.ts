// The OpenAPI document against the OpenAPI 3.1 schema (@seriousme/openapi-schema-validator), the
// route config (every /api/v1 route described, every method it documents actually served, every
// $ref resolvable) and the real answers: what the public lists and records of offers, demands,
// task results and experts return, in both paging modes, validates against the documented schema
// (ajv, JSON Schema 2020-12 as the document declares). Also the catch-all JSON 404.
import fs from 'node:fs/promises'
import path from 'node:path'
import { Validator } from '@seriousme/openapi-schema-validator'
// ajv and ajv-formats come with the validator (its own dependencies): the same engine checks answers.
import Ajv2020 from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { RouterContextProvider } from 'react-router'
import { beforeAll, describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '~/api/errors.server'
import { resources } from '~/locales'
import { useTestDatabase } from '../../../tests/db'
import { createOwner, createUser, signIn } from '../../../tests/factories'
import * as demandOne from './demand'
import * as demandList from './demands'
import * as expertOne from './expert'
import * as expertList from './experts'
import * as notFound from './not-found'
import * as offerOne from './offer'
import * as offerList from './offers'
import * as openapi from './openapi'
import * as taskResultOne from './task-result'
import * as taskResultList from './task-results'

const { prisma } = await useTestDatabase()

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

	test('is valid against the OpenAPI 3.1 schema', async () => {
		const validator = new Validator()
		const result = await validator.validate(JSON.parse((await fetchDocument()).text) as Record<string, unknown>)
		expect(result.errors, JSON.stringify(result.errors, null, 1)).toBeUndefined()
		expect(result.valid).toBe(true)
		expect(validator.version).toBe('3.1')
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
				// Every answer with a body says what it holds.
				for (const [status, response] of Object.entries(operation.responses)) {
					const resolved = (response as { $ref?: string }).$ref ? resolvePointer(doc, (response as { $ref: string }).$ref) : response
					const content = (resolved as { content?: Record<string, { schema?: unknown }> }).content
					if (status === '204' || status === '304' || /^3/.test(status)) continue
					expect(content?.['application/json']?.schema ?? content?.['text/csv']?.schema ?? content?.['application/pdf']?.schema, `${method} ${route} ${status} has no schema`).toBeDefined()
				}
			}
		}
		const refs = collectRefs(doc)
		expect(refs.length).toBeGreaterThan(20)
		for (const ref of new Set(refs)) expect(resolvePointer(doc, ref), `unresolved ${ref}`).toBeDefined()
	})
})

// ---------------------------------------------------------------------------------------------
// Real answers against the documented schemas.
// ---------------------------------------------------------------------------------------------

const { default: addFormats } = addFormatsModule as unknown as { default: (ajv: InstanceType<typeof Ajv2020>) => void }

type Route = { loader: (args: never) => Promise<Response> }

async function call(route: Route, url: string, { params = {}, headers = {} }: { params?: Record<string, string>; headers?: Record<string, string> } = {}) {
	const request = new Request(`http://localhost/api/v1${url}`, { headers: { 'X-Client-IP': '203.0.113.77', ...headers } })
	const response = await route.loader({ request, params, context: new RouterContextProvider() } as never)
	const text = await response.text()
	return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null }
}

describe('real answers of the public reads', () => {
	const ids = { offer: '', demand: '', taskResult: '', expert: '' }
	let operator = ''

	beforeAll(async () => {
		const { organisation } = await createOwner({ type: 'RESEARCH_INSTITUTE', provinceCode: '79', verified: true })
		const common = { organisationId: organisation.id, status: 'PUBLISHED' as const, fieldCodes: ['40501'], fieldPaths: ['4', '405', '40501'], keywords: ['tôm', 'RAS'], provinceCode: '79' }
		for (let i = 0; i < 3; i++) {
			const offer = await prisma.offer.create({
				data: {
					...common,
					title: `Hệ thống nuôi tôm tuần hoàn ${i}`,
					summary: 'Tiết kiệm nước',
					trl: 7,
					ipStatus: 'PATENT_PENDING',
					transferModes: ['LICENSING', 'TRAINING'],
					priceMin: 500_000_000n,
					priceMax: i === 0 ? null : 1_200_000_000n,
					publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
					expiresAt: new Date(Date.UTC(2027, 0, 1 + i)),
				},
			})
			ids.offer = offer.id
			const demand = await prisma.demand.create({
				data: { ...common, title: `Cần công nghệ xử lý nước ${i}`, problem: 'Nước thải', minTrl: i === 0 ? null : 6, budgetMin: 100_000_000n, deadline: new Date(Date.UTC(2026, 5, 30)), transferModes: ['RD_CONTRACT'], publishedAt: new Date(Date.UTC(2026, 0, 1 + i)) },
			})
			ids.demand = demand.id
		}
		const taskResult = await prisma.taskResult.create({
			data: {
				taskCode: 'KC.07.12/21-25',
				taskCodeKey: 'kc071221-25',
				title: 'Nghiên cứu quy trình nuôi tôm tuần hoàn',
				level: 'NATIONAL',
				hostName: 'Viện Thủy sản',
				hostOrganisationId: organisation.id,
				provinceCode: '79',
				startYear: 2021,
				endYear: 2024,
				fieldCodes: ['40501'],
				fieldPaths: ['4', '405', '40501'],
				members: ['Trần Thị Bình'],
				products: [{ kind: 'PROCESS', description: 'Quy trình nuôi' }],
				registrationNumber: '2024-24-001/KQNC',
				registrationDate: new Date(Date.UTC(2024, 2, 15)),
				source: 'API',
			},
		})
		ids.taskResult = taskResult.id
		await prisma.taskResult.create({ data: { taskCode: 'CS.01/26', taskCodeKey: 'cs0126', title: 'Đề tài cơ sở', level: 'GRASSROOTS', hostName: 'Trường Đại học', source: 'IMPORT' } })
		const expert = await prisma.expert.create({
			data: {
				fullName: 'Nguyễn Văn An',
				academicTitle: 'PROFESSOR',
				degree: 'DOCTOR',
				organisationName: 'Viện Thủy sản',
				organisationId: organisation.id,
				identityKey: 'nguyen van an|vien thuy san',
				email: 'an.nguyen@example.vn',
				provinceCode: '79',
				fieldCodes: ['40501'],
				fieldPaths: ['4', '405', '40501'],
				availableForAppraisal: true,
				source: 'API',
				publications: { create: [{ title: 'Tôm thẻ chân trắng', year: 2022, venue: 'Tạp chí Thủy sản', source: 'API' }] },
			},
		})
		ids.expert = expert.id
		await prisma.expert.create({ data: { fullName: 'Lê Văn Cường', identityKey: 'le van cuong|', source: 'IMPORT' } })
		await prisma.expertTask.create({ data: { expertId: expert.id, taskResultId: taskResult.id, role: 'PRINCIPAL_INVESTIGATOR' } })
		await prisma.offerTaskResult.create({ data: { offerId: ids.offer, taskResultId: taskResult.id } })
		operator = (await signIn((await createUser({ roles: ['MEMBER', 'OPERATOR'] })).id)).cookie
	})

	test('lists (cursor and numbered pages), records, 304s and errors match the document', async () => {
		const doc = JSON.parse((await fetchDocument()).text) as Doc & { components: Record<string, unknown> }
		const ajv = new Ajv2020({ strict: false, allErrors: true })
		addFormats(ajv)
		// The whole document as one schema resource, so every #/components/... reference resolves in it.
		ajv.addSchema({ ...doc, $id: 'https://caunoi.example/openapi.json' })
		const schemaOf = (route: string, status: string) => {
			const pointer = `/paths/${route.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/${status}`
			const response = resolvePointer(doc, `#${pointer}`) as { $ref?: string; content?: unknown }
			expect(response, `${route} ${status} is documented`).toBeDefined()
			const target = response.$ref ? `${response.$ref}/content/application~1json/schema` : `#${pointer}/content/application~1json/schema`
			return ajv.compile({ $ref: `https://caunoi.example/openapi.json${target}` })
		}
		const expectValid = (route: string, status: string, body: unknown, label: string) => {
			const validate = schemaOf(route, status)
			const valid = validate(body)
			expect(validate.errors ?? [], `${label}: ${JSON.stringify(validate.errors, null, 1)}`).toEqual([])
			expect(valid).toBe(true)
		}

		// Nothing in an answer goes undocumented: every key of an item is a property of its schema.
		const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown> }>
		const expectDocumentedKeys = (item: unknown, schema: string, label: string) => {
			const documented = Object.keys(schemas[schema]!.properties!)
			expect(Object.keys(item as object).filter((key) => !documented.includes(key)), `${label}: keys missing from ${schema}`).toEqual([])
		}
		const summaryOf: Record<string, string> = { '/offers': 'OfferSummary', '/demands': 'DemandSummary', '/task-results': 'TaskResultSummary', '/experts': 'ExpertSummary' }

		const lists: Array<[Route, string, string[]]> = [
			[offerList, '/offers', ['', '?limit=1', '?sort=price-desc&limit=2', '?sort=views', '?pageSize=2&page=2', '?field=4&province=79&trl=5&mode=LICENSING&ip=PATENT_PENDING&updatedSince=2020-01-01T00:00:00Z']],
			[demandList, '/demands', ['', '?limit=1', '?sort=trl-desc&limit=2', '?page=1', '?field=405&province=79&trl=7&mode=RD_CONTRACT']],
			[taskResultList, '/task-results', ['', '?limit=1', '?sort=title&limit=1', '?pageSize=1', '?field=4&level=NATIONAL&yearFrom=2020&yearTo=2025&province=79&hasOffer=true']],
			[expertList, '/experts', ['', '?limit=1', '?sort=newest&limit=1', '?page=1&pageSize=1', '?field=4&level=NATIONAL&yearFrom=2020&province=79&available=appraisal']],
		]
		for (const [route, pathName, queries] of lists) {
			for (const query of queries) {
				const answer = await call(route, `${pathName}${query}`)
				expect(answer.status, `${pathName}${query}`).toBe(200)
				expect((answer.body as { data: unknown[] }).data.length, `${pathName}${query} found nothing to check`).toBeGreaterThan(0)
				expectValid(pathName, '200', answer.body, `${pathName}${query}`)
				for (const item of (answer.body as { data: unknown[] }).data) expectDocumentedKeys(item, summaryOf[pathName]!, `${pathName}${query}`)
				// The next page, by the link the answer gives.
				const next = (answer.body as { links: { next: string | null } }).links.next
				if (next) expectValid(pathName, '200', (await call(route, next.replace('/api/v1', ''))).body, `next of ${pathName}${query}`)
				const again = await call(route, `${pathName}${query}`, { headers: { 'If-None-Match': answer.headers.get('ETag')! } })
				expect(again.status).toBe(304)
				expect(again.body).toBeNull()
			}
			const bad = await call(route, `${pathName}?cursor=not-a-cursor`)
			expect(bad.status).toBe(400)
			expectValid(pathName, '400', bad.body, `${pathName} bad cursor`)
		}
		const forOperator = (await call(expertList, '/experts', { headers: { Cookie: operator } })).body as { data: unknown[] }
		expectValid('/experts', '200', forOperator, 'experts for an operator')
		for (const item of forOperator.data) expectDocumentedKeys(item, 'ExpertSummary', 'experts for an operator')

		const records: Array<[Route, string, string, string]> = [
			[offerOne, '/offers/{id}', ids.offer, 'Offer'],
			[demandOne, '/demands/{id}', ids.demand, 'Demand'],
			[taskResultOne, '/task-results/{id}', ids.taskResult, 'TaskResult'],
			[expertOne, '/experts/{id}', ids.expert, 'Expert'],
		]
		for (const [route, pathName, id, schema] of records) {
			const url = pathName.replace('{id}', id)
			const answer = await call(route, url, { params: { id } })
			expect(answer.status, url).toBe(200)
			expectValid(pathName, '200', answer.body, url)
			expectDocumentedKeys((answer.body as { data: unknown }).data, schema, url)
			expectValid(pathName, '404', (await call(route, pathName.replace('{id}', 'khong-co'), { params: { id: 'khong-co' } })).body, `${pathName} 404`)
		}
		expectValid('/experts/{id}', '200', (await call(expertOne, `/experts/${ids.expert}`, { params: { id: ids.expert }, headers: { Cookie: operator } })).body, 'expert for an operator')
		const offer = (await call(offerOne, `/offers/${ids.offer}`, { params: { id: ids.offer } })).body as { data: { evidence: unknown[] } }
		expect(offer.data.evidence).toHaveLength(1)
	})

	test('every public list documents cursor paging, the numbered alternative as deprecated, and the filters of its pages', async () => {
		const doc = JSON.parse((await fetchDocument()).text) as Doc
		const filters: Record<string, string[]> = {
			'/offers': ['q', 'field', 'province', 'trl', 'mode', 'ip', 'orgType', 'min', 'max', 'updatedSince', 'sort'],
			'/demands': ['q', 'field', 'province', 'trl', 'mode', 'orgType', 'min', 'max', 'updatedSince', 'sort'],
			'/task-results': ['q', 'field', 'level', 'yearFrom', 'yearTo', 'host', 'organisation', 'province', 'hasOffer', 'updatedSince', 'sort'],
			'/experts': ['q', 'field', 'province', 'organisation', 'organisationName', 'title', 'degree', 'available', 'level', 'yearFrom', 'yearTo', 'updatedSince', 'sort'],
		}
		for (const [route, names] of Object.entries(filters)) {
			const operation = doc.paths[route]!.get as { parameters: Array<{ name: string; in: string; deprecated?: boolean }>; responses: Record<string, unknown>; description: string }
			const query = operation.parameters.filter((p) => p.in === 'query')
			expect(query.map((p) => p.name).sort(), route).toEqual([...names, 'cursor', 'limit', 'page', 'pageSize'].sort())
			expect(query.filter((p) => p.deprecated).map((p) => p.name).sort()).toEqual(['page', 'pageSize'])
			expect(operation.parameters.some((p) => p.in === 'header' && p.name === 'If-None-Match')).toBe(true)
			expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '304', '400', '429']))
			expect(operation.description).toMatch(/120 requests a minute/)
			expect(operation.description).toMatch(/6,000 a minute/)
		}
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
