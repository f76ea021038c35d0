// GET /api/v1/stats: the public figures as data, the same tables as /stats, revalidated by ETag.
import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import { buildFigures, PUBLIC_FIGURES } from '~/stats/figures.server'
import { useTestDatabase } from '../../../tests/db'
import { createOrganisation } from '../../../tests/factories'
import * as statsApi from './stats'

const { prisma } = await useTestDatabase()

async function get(query: string, headers: Record<string, string> = {}) {
	const request = new Request(`http://localhost/api/v1/stats${query}`, { headers: { 'X-Client-IP': '198.51.100.9', ...headers } })
	return statsApi.loader({ request, params: {}, context: new RouterContextProvider() } as never) as Promise<Response>
}

describe('GET /api/v1/stats', () => {
	test('answers the public figures without an account, as the page computes them, in the language asked', async () => {
		const org = await createOrganisation({ provinceCode: '01' })
		await prisma.offer.create({ data: { organisationId: org.id, title: 'Máy sấy', status: 'PUBLISHED', fieldCodes: ['207'], fieldPaths: ['2', '207'], trl: 6, publishedAt: new Date('2026-05-05T03:00:00Z') } })
		const response = await get('?from=2026-01&to=2026-12&bucket=quarter&province=01', { 'Accept-Language': 'en' })
		expect(response.status).toBe(200)
		const body = (await response.json()) as { data: Array<{ id: string; title: string; rows: unknown[] }>; meta: { filters: unknown; locale: string } }
		expect(body.data.map((t) => t.id)).toEqual(PUBLIC_FIGURES.filter((id) => id !== 'byProvince'))
		const expected = (await buildFigures('public', { from: '2026-01', to: '2026-12', bucket: 'quarter', province: '01' }, 'en')).map(({ chart: _c, ...t }) => t)
		expect(body.data).toEqual(JSON.parse(JSON.stringify(expected)))
		expect(body.data[0]!.rows).toEqual([
			{ period: '2026-Q1', offers: 0, demands: 0 },
			{ period: '2026-Q2', offers: 1, demands: 0 },
			{ period: '2026-Q3', offers: 0, demands: 0 },
			{ period: '2026-Q4', offers: 0, demands: 0 },
		])
		expect(body.meta).toEqual({ filters: { from: '2026-01', to: '2026-12', bucket: 'quarter', province: '01' }, locale: 'en' })

		const vi = (await (await get('?from=2026-01&to=2026-12&figure=funnel')).json()) as { data: Array<{ title: string }> }
		expect(vi.data.map((t) => t.title)).toEqual(['Phễu giao dịch'])
	})

	test('an unchanged answer is a 304; a change gives a new ETag; a figure operators alone see is a translated 404', async () => {
		const first = await get('?from=2026-01&to=2026-12&figure=byTrl')
		const etag = first.headers.get('ETag')!
		expect(first.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate')
		expect((await get('?from=2026-01&to=2026-12&figure=byTrl', { 'If-None-Match': etag })).status).toBe(304)
		const org = await createOrganisation({ provinceCode: '79' })
		await prisma.offer.create({ data: { organisationId: org.id, title: 'TRL 9', status: 'PUBLISHED', trl: 9, publishedAt: new Date('2026-06-05T03:00:00Z') } })
		const after = await get('?from=2026-01&to=2026-12&figure=byTrl', { 'If-None-Match': etag })
		expect(after.status).toBe(200)
		expect(after.headers.get('ETag')).not.toBe(etag)

		const refused = await get('?figure=dealValues', { 'Accept-Language': 'en' })
		expect(refused.status).toBe(404)
		expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('There is no figure "dealValues".')
	})
})
