// GET /api/v1/task-results(/:id) and /api/v1/experts(/:id) against a real database: filters agree
// with the data, bad filters are 400s naming the parameter, unknown ids 404, e-mails for operators only.
import { RouterContextProvider } from 'react-router'
import { beforeAll, describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '~/api/errors.server'
import { resources } from '~/locales'
import { createApiKey } from '~/models/api-key.server'
import { useTestDatabase } from '../../../tests/db'
import { createOwner, createUser, signIn } from '../../../tests/factories'
import * as expertOne from './expert'
import * as expertList from './experts'
import * as expertsBulk from './experts-bulk'
import * as taskResultOne from './task-result'
import * as taskResultList from './task-results'
import * as taskResultsBulk from './task-results-bulk'

const { prisma } = await useTestDatabase()

type Route = { loader: (args: never) => Promise<Response>; action: (args: never) => Promise<Response> }
type Credentials = { cookie?: string; key?: string; language?: string }

async function call(route: Route, path: string, options: Credentials & { params?: Record<string, string>; body?: unknown } = {}) {
	const headers = new Headers()
	if (options.cookie) headers.set('Cookie', options.cookie)
	if (options.key) headers.set('Authorization', `Bearer ${options.key}`)
	if (options.language) headers.set('Accept-Language', options.language)
	const method = options.body === undefined ? 'GET' : 'POST'
	if (options.body !== undefined) headers.set('Content-Type', 'application/json')
	const request = new Request(`http://localhost/api/v1${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
	const args = { request, params: options.params ?? {}, context: new RouterContextProvider() } as never
	const response = method === 'GET' ? await route.loader(args) : await route.action(args)
	return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> }
}

type Item = Record<string, unknown> & { id: string }
const errorOf = (json: Record<string, unknown>) => (json as ApiErrorBody).error
const listOf = (json: Record<string, unknown>) => json.data as Item[]
const vi = resources.vi.translation
const en = resources.en.translation

const taskResults = {
	list: (query = '', options: Credentials = {}) => call(taskResultList, `/task-results${query}`, options),
	get: (id: string, options: Credentials = {}) => call(taskResultOne, `/task-results/${id}`, { params: { id }, ...options }),
}
const experts = {
	list: (query = '', options: Credentials = {}) => call(expertList, `/experts${query}`, options),
	get: (id: string, options: Credentials = {}) => call(expertOne, `/experts/${id}`, { params: { id }, ...options }),
}

let operatorCookie = ''
let host: Awaited<ReturnType<typeof createOwner>>
const ids: Record<string, string | undefined> = {}

const shrimp = {
	taskCode: 'KC.07.12/16-20',
	title: 'Nghiên cứu quy trình nuôi tôm thẻ chân trắng tuần hoàn',
	level: 'NATIONAL',
	hostName: '',
	startYear: 2016,
	endYear: 2019,
	fieldCodes: ['40501'],
	keywords: ['nuôi tôm', 'RAS'],
	abstract: 'Quy trình nuôi tôm trong hệ thống tuần hoàn.',
	products: [{ kind: 'PROCESS', description: 'Quy trình nuôi tôm tuần hoàn' }],
	members: 'Trần Thị Bình; Lê Văn Cường',
	registrationNumber: '2020-24-001/KQNC',
	registrationDate: '2020-03-15',
}
const sensor = {
	taskCode: 'ĐT.KHCN-02/2021',
	title: 'Cảm biến IoT giám sát nhà kính trồng rau',
	level: 'PROVINCIAL',
	hostName: 'Trường Đại học Cần Thơ',
	province: 'Cần Thơ',
	startYear: 2021,
	endYear: 2023,
	fieldCodes: ['202'],
	keywords: 'IoT; nhà kính',
}
const rice = {
	taskCode: 'CS-2010/05',
	title: 'Chọn tạo giống lúa chịu mặn cho vùng ven biển',
	level: 'GRASSROOTS',
	hostName: 'Viện Lúa Đồng bằng sông Cửu Long',
	province: '82',
	startYear: 2009,
	endYear: 2011,
	fieldCodes: ['401'],
}

beforeAll(async () => {
	const operator = await createUser({ roles: ['MEMBER', 'OPERATOR'] })
	operatorCookie = (await signIn(operator.id)).cookie
	host = await createOwner({ name: 'Viện Nghiên cứu Nuôi trồng Thủy sản II', provinceCode: '79', verified: true })
	const pushed = await call(taskResultsBulk, '/task-results/bulk', { cookie: operatorCookie, body: { items: [{ ...shrimp, hostName: host.organisation.name }, sensor, rice] } })
	expect(pushed.status).toBe(200)
	const report = (pushed.json.data as { items: Array<{ id: string }> }).items
	;[ids.shrimp, ids.sensor, ids.rice] = report.map((r) => r.id)

	const people = await call(expertsBulk, '/experts/bulk', {
		cookie: operatorCookie,
		body: {
			items: [
				{
					fullName: 'GS.TS. Nguyễn Văn An',
					organisationName: host.organisation.name,
					email: 'nguyen.van.an@kiemthu.example',
					fieldCodes: ['405'],
					keywords: ['nuôi tôm'],
					bio: 'Chuyên gia nuôi trồng thủy sản.',
					publications: ['2019 | Nuôi tôm tuần hoàn | Tạp chí Thủy sản'],
					tasks: [{ ref: shrimp.registrationNumber, role: 'PRINCIPAL_INVESTIGATOR' }],
				},
				{ fullName: 'ThS. Trần Thị Bình', organisationName: 'Trường Đại học Cần Thơ', email: 'tran.binh@kiemthu.example', tasks: `${sensor.taskCode} (thành viên)`, fieldCodes: '202' },
				{ fullName: 'Lê Văn Cường', organisationName: 'Viện Lúa Đồng bằng sông Cửu Long', degree: 'TS', tasks: [{ ref: rice.taskCode, role: 'MEMBER' }] },
			],
		},
	})
	expect(people.status).toBe(200)
	;[ids.an, ids.binh, ids.cuong] = (people.json.data as { items: Array<{ id: string }> }).items.map((r) => r.id)

	// A published offer backed by the shrimp result; a draft one backed by the sensor result.
	for (const [status, taskResultId] of [
		['PUBLISHED', ids.shrimp],
		['DRAFT', ids.sensor],
	] as const) {
		const offer = await prisma.offer.create({
			data: { organisationId: host.organisation.id, title: `Chuyển giao quy trình ${status}`, status, publishedAt: status === 'PUBLISHED' ? new Date() : null },
		})
		await prisma.offerTaskResult.create({ data: { offerId: offer.id, taskResultId: taskResultId! } })
	}
})

describe('GET /task-results', () => {
	test('filters narrow the list to what the data says; pages carry meta and links', async () => {
		const expectIds = async (query: string, expected: string[]) => {
			const response = await taskResults.list(`?pageSize=100&${query}`)
			expect(response.status, query).toBe(200)
			expect(listOf(response.json).map((i) => i.id).sort(), query).toEqual(expected.map((k) => ids[k]).sort())
			expect((response.json.meta as { total: number }).total, query).toBe(expected.length)
		}
		await expectIds('', ['shrimp', 'sensor', 'rice'])
		await expectIds('field=4', ['shrimp', 'rice'])
		await expectIds('field=405', ['shrimp'])
		await expectIds('level=PROVINCIAL', ['sensor'])
		await expectIds('yearFrom=2018&yearTo=2021', ['shrimp', 'sensor'])
		await expectIds('yearTo=2012', ['rice'])
		await expectIds('province=92', ['sensor'])
		await expectIds('province=79', ['shrimp'])
		await expectIds('host=c%E1%BA%A7n%20th%C6%A1', ['sensor'])
		await expectIds(`organisation=${host.organisation.id}`, ['shrimp'])
		await expectIds('hasOffer=true', ['shrimp'])
		await expectIds('hasOffer=no', ['sensor', 'rice'])
		await expectIds('q=gi%E1%BB%91ng%20l%C3%BAa', ['rice'])
		await expectIds('q=RAS', ['shrimp'])
		await expectIds('q=2020-24-001', ['shrimp'])

		const newest = await taskResults.list('?pageSize=2')
		expect(listOf(newest.json).map((i) => i.id)).toEqual([ids.sensor, ids.shrimp])
		expect(newest.json.meta).toEqual({ page: 1, pageSize: 2, total: 3, pageCount: 2 })
		expect(newest.json.links).toMatchObject({ next: '/api/v1/task-results?pageSize=2&page=2', prev: null })
		const second = await taskResults.list('?pageSize=2&page=2&sort=newest')
		expect(listOf(second.json).map((i) => i.id)).toEqual([ids.rice])
		// "Cảm…" against "Chọn…" is the database collation's call; "Nghiên…" comes last in any.
		const byTitle = listOf((await taskResults.list('?sort=title')).json).map((i) => i.title)
		expect(byTitle.at(-1)).toBe(shrimp.title)
		expect([...byTitle].sort()).toEqual([sensor.title, rice.title, shrimp.title].sort())

		const card = listOf((await taskResults.list('?field=405')).json)[0]!
		expect(card).toMatchObject({
			id: ids.shrimp,
			taskCode: shrimp.taskCode,
			level: 'NATIONAL',
			hostOrganisation: { id: host.organisation.id, slug: host.organisation.slug },
			province: { code: '79' },
			registrationDate: '2020-03-15',
			offerCount: 1,
			expertCount: 1,
		})
	})

	test('a filter that does not parse is a 400 naming it', async () => {
		const wrong = await taskResults.list('?level=CITY&yearFrom=19&field=abc&province=Hanoi&hasOffer=maybe&sort=best&organisation=a%20b')
		expect(wrong.status).toBe(400)
		expect(errorOf(wrong.json).code).toBe('validation_failed')
		expect(Object.keys(errorOf(wrong.json).fields!).sort()).toEqual(['field', 'hasOffer', 'level', 'organisation', 'province', 'sort', 'yearFrom'])
		expect(errorOf(wrong.json).fields!.level).toEqual([vi.validation.choose])
		const inverted = await taskResults.list('?yearFrom=2020&yearTo=2010', { language: 'en' })
		expect(errorOf(inverted.json).fields).toEqual({ yearTo: [en.api.research.yearOrder] })
		expect((await taskResults.list('?page=0')).status).toBe(400)
		// Blank parameters mean "any", as HTML forms send them.
		expect((await taskResults.list('?level=&yearFrom=')).status).toBe(200)
		expect((await taskResults.list('', { key: 'ck_khong-phai-khoa-that' })).status).toBe(401)
	})
})

describe('GET /task-results/{id}', () => {
	test('the record with its experts and published offers; unknown ids are a JSON 404', async () => {
		const found = await taskResults.get(ids.shrimp!)
		expect(found.status).toBe(200)
		const record = found.json.data as Item
		expect(record).toMatchObject({
			id: ids.shrimp,
			title: shrimp.title,
			abstract: shrimp.abstract,
			members: ['Trần Thị Bình', 'Lê Văn Cường'],
			products: shrimp.products,
			registrationNumber: shrimp.registrationNumber,
			registrationDate: '2020-03-15',
			source: 'API',
			hostOrganisation: { id: host.organisation.id, verified: true },
			experts: [{ id: ids.an, role: 'PRINCIPAL_INVESTIGATOR', fullName: 'Nguyễn Văn An', academicTitle: 'PROFESSOR', degree: 'DOCTOR' }],
			offers: [{ title: 'Chuyển giao quy trình PUBLISHED', organisation: { slug: host.organisation.slug } }],
		})
		expect(record.updatedAt).toMatch(/Z$/)
		// The draft offer backing the sensor result is not public.
		expect((await taskResults.get(ids.sensor!)).json.data).toMatchObject({ offers: [] })

		for (const id of ['khong-co', 'x'.repeat(300)]) {
			const missing = await taskResults.get(id, { language: 'en' })
			expect(missing.status).toBe(404)
			expect(errorOf(missing.json)).toEqual({ code: 'not_found', message: en.api.errors.taskResultUnknown })
		}
	})
})

describe('GET /experts', () => {
	test('filters by field, title, degree, organisation and task level; the e-mail only for operators', async () => {
		const expectIds = async (query: string, expected: string[]) => {
			const response = await experts.list(`?pageSize=100&${query}`)
			expect(response.status, query).toBe(200)
			expect(listOf(response.json).map((i) => i.id).sort(), query).toEqual(expected.map((k) => ids[k]).sort())
		}
		await expectIds('', ['an', 'binh', 'cuong'])
		await expectIds('field=4', ['an'])
		await expectIds('title=PROFESSOR', ['an'])
		await expectIds('degree=MASTER', ['binh'])
		await expectIds('degree=DOCTOR', ['an', 'cuong'])
		await expectIds('level=PROVINCIAL', ['binh'])
		await expectIds('level=GRASSROOTS&yearFrom=2015', [])
		await expectIds('yearTo=2012', ['cuong'])
		await expectIds('organisationName=c%E1%BA%A7n%20th%C6%A1', ['binh'])
		await expectIds(`organisation=${host.organisation.id}`, ['an'])
		await expectIds('q=nu%C3%B4i%20t%C3%B4m', ['an'])
		expect(listOf((await experts.list()).json).map((i) => i.fullName)).toEqual(['Lê Văn Cường', 'Nguyễn Văn An', 'Trần Thị Bình'])

		const wrong = await experts.list('?title=DR&degree=PHD&available=always&sort=age')
		expect(wrong.status).toBe(400)
		expect(Object.keys(errorOf(wrong.json).fields!).sort()).toEqual(['available', 'degree', 'sort', 'title'])

		const anonymous = await experts.list()
		expect(JSON.stringify(anonymous.json)).not.toContain('@kiemthu.example')
		for (const item of listOf(anonymous.json)) expect(item).not.toHaveProperty('email')
		const member = await createUser()
		expect(JSON.stringify((await experts.list('', { cookie: (await signIn(member.id)).cookie })).json)).not.toContain('@kiemthu.example')

		const asOperator = listOf((await experts.list('', { cookie: operatorCookie })).json)
		expect(Object.fromEntries(asOperator.map((i) => [i.id, i.email]))).toEqual({
			[ids.an!]: 'nguyen.van.an@kiemthu.example',
			[ids.binh!]: 'tran.binh@kiemthu.example',
			[ids.cuong!]: null,
		})
		const card = asOperator.find((i) => i.id === ids.an)!
		expect(card).toMatchObject({ academicTitle: 'PROFESSOR', claimed: false, taskCount: 1, publicationCount: 1, organisation: { id: host.organisation.id } })
	})
})

describe('GET /experts/{id}', () => {
	test('the profile with publications and tasks; the e-mail for operators and operator keys only; unknown ids 404', async () => {
		const profile = await experts.get(ids.an!)
		expect(profile.status).toBe(200)
		expect(profile.json.data).toMatchObject({
			fullName: 'Nguyễn Văn An',
			bio: 'Chuyên gia nuôi trồng thủy sản.',
			publications: [{ title: 'Nuôi tôm tuần hoàn', year: 2019, venue: 'Tạp chí Thủy sản' }],
			tasks: [{ role: 'PRINCIPAL_INVESTIGATOR', taskResult: { id: ids.shrimp, taskCode: shrimp.taskCode, level: 'NATIONAL' } }],
			claimed: false,
			claimedAt: null,
		})
		expect(profile.json.data).not.toHaveProperty('email')
		expect(profile.json.data).not.toHaveProperty('emailHint')
		expect(JSON.stringify(profile.json)).not.toContain('kiemthu.example')

		// An ordinary organisation key does not see it; the same key does once its creator is an operator.
		const key = (await createApiKey(host.user.id, host.organisation.id, 'Cơ sở dữ liệu')).plainKey
		expect((await experts.get(ids.an!, { key })).json.data).not.toHaveProperty('email')
		await prisma.user.update({ where: { id: host.user.id }, data: { roles: ['MEMBER', 'OPERATOR'] } })
		expect((await experts.get(ids.an!, { key })).json.data).toMatchObject({ email: 'nguyen.van.an@kiemthu.example' })
		await prisma.user.update({ where: { id: host.user.id }, data: { roles: ['MEMBER'] } })
		expect((await experts.get(ids.cuong!, { cookie: operatorCookie })).json.data).toMatchObject({ email: null })

		const missing = await experts.get('khong-co')
		expect(missing.status).toBe(404)
		expect(errorOf(missing.json)).toEqual({ code: 'not_found', message: vi.api.errors.expertUnknown })
		expect((await experts.get(ids.an!, { key: 'ck_khong-phai-khoa-that' })).status).toBe(401)
	})
})
