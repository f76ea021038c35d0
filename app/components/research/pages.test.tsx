// The four public pages rendered on the server with their real loaders' data, in both languages:
// no missing text keys, and the facts a visitor needs are on the page.
import i18next from 'i18next'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { createStaticHandler, createStaticRouter, RouterContextProvider, StaticRouterProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import { ExpertDetailPage } from '~/components/research/expert-detail-page'
import { ExpertListPage } from '~/components/research/expert-list-page'
import { TaskResultDetailPage } from '~/components/research/task-result-detail-page'
import { TaskResultListPage } from '~/components/research/task-result-list-page'
import { expertDetailLoader } from '~/experts/detail.server'
import { expertListLoader } from '~/experts/list.server'
import { readExpertRow } from '~/imports/expert-row'
import { loadOrganisationIndex } from '~/imports/run.server'
import { readTaskResultRow } from '~/imports/task-result-row'
import { resources, type AppLocale } from '~/locales'
import { i18nextMiddleware } from '~/middleware/i18next.server'
import { applyExpertPlans, planExperts } from '~/models/expert.server'
import { applyTaskResultPlans, planTaskResults } from '~/models/task-result.server'
import { taskResultDetailLoader } from '~/task-results/detail.server'
import { taskResultListLoader } from '~/task-results/list.server'
import { inTransaction } from '~/utils/transaction.server'
import { createOrganisation } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'

const { prisma } = await useTestDatabase()
const host = await createOrganisation({ name: 'Viện Kết xuất Trang', provinceCode: '01', verified: true })
const organisations = await loadOrganisationIndex()
const task = readTaskResultRow(
	{ taskCode: 'KX.01/21-25', title: 'Hệ thống cảnh báo sạt lở', level: 'NATIONAL', hostName: host.name, startYear: 2021, endYear: 2024, fieldCodes: ['20201'], keywords: ['sạt lở'], products: 'Phần mềm: Ứng dụng cảnh báo\nQuy trình: Quy trình lắp đặt', registrationNumber: 'KX-RENDER-1', registrationDate: '2025-01-10', principalInvestigator: 'Đỗ Văn Hải', abstract: 'Tóm tắt.' },
	organisations,
)
if (!task.ok) throw new Error('task row')
await inTransaction(async ({ tx }) => applyTaskResultPlans(tx, await planTaskResults(tx, [task.row]), { source: 'IMPORT' }))
const expert = readExpertRow({ fullName: 'Đỗ Văn Hải', academicTitle: 'GS', degree: 'TSKH', organisationName: host.name, email: 'hai@render.example', keywords: ['sạt lở'], tasks: 'KX-RENDER-1 (chủ nhiệm)', publications: '2024 | Cảnh báo sạt lở đất | Tạp chí' }, organisations)
if (!expert.ok) throw new Error('expert row')
await inTransaction(async ({ tx }) => applyExpertPlans(tx, await planExperts(tx, [expert.row]), { source: 'IMPORT' }))
const taskId = (await prisma.taskResult.findFirstOrThrow()).id
const expertId = (await prisma.expert.findFirstOrThrow()).id

type Loader = (args: { request: Request; params: { id?: string }; context: RouterContextProvider }) => Promise<unknown>

async function render(locale: AppLocale, path: string, loader: Loader, Component: () => React.JSX.Element, params: { id?: string } = {}) {
	const request = new Request(`http://localhost${path}`, { headers: { Cookie: `lng=${locale}` } })
	const routerContext = new RouterContextProvider()
	await i18nextMiddleware({ request, context: routerContext, params: {}, unstable_pattern: '' } as never, async () => new Response())
	const data = await loader({ request, params, context: routerContext })
	const routes = [{ id: 'page', path: '*', loader: () => data, Component }]
	const handler = createStaticHandler(routes)
	const context = await handler.query(request)
	if (context instanceof Response) throw new Error('unexpected response')
	const i18n = i18next.createInstance()
	await i18n.use(initReactI18next).init({ lng: locale, resources, interpolation: { escapeValue: false } })
	const missing: string[] = []
	i18n.on('missingKey', (_l, _n, key) => missing.push(key))
	i18n.options.saveMissing = true
	const html = renderToString(
		<I18nextProvider i18n={i18n}>
			<StaticRouterProvider router={createStaticRouter(routes, context)} context={context} hydrate={false} />
		</I18nextProvider>,
	)
	return { html, missing }
}

describe('the public pages render', () => {
	for (const locale of ['vi', 'en'] as const) {
		test(`in ${locale}, with every text found and no e-mail`, async () => {
			const pages = [
				await render(locale, '/task-results', taskResultListLoader as Loader, TaskResultListPage),
				await render(locale, `/task-results/${taskId}`, taskResultDetailLoader as Loader, TaskResultDetailPage, { id: taskId }),
				await render(locale, '/experts', expertListLoader as Loader, ExpertListPage),
				await render(locale, `/experts/${expertId}`, expertDetailLoader as Loader, ExpertDetailPage, { id: expertId }),
			]
			for (const page of pages) {
				expect(page.missing).toEqual([])
				expect(page.html).not.toContain('hai@render.example')
			}
			const [list, detail, experts, profile] = pages.map((p) => p.html)
			expect(list).toContain('Hệ thống cảnh báo sạt lở')
			expect(list).toContain('/task-results/export?format=csv')
			expect(detail).toContain(`/organisations/`)
			expect(detail).toContain(`/experts/${expertId}`)
			expect(detail).toContain(resources[locale].translation.taskResults.detail.notOffered)
			expect(detail).toContain(resources[locale].translation.taskResults.productKinds.SOFTWARE)
			expect(experts).toContain('Đỗ Văn Hải')
			expect(profile).toContain(resources[locale].translation.experts.detail.expertise)
			expect(profile).toContain('bar-list')
			expect(profile).toContain(`/task-results/${taskId}`)
		})
	}
})
