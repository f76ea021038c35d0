// NDA templates against a real database: only operators publish, each publish is a new version
// (never an edit, two at once never share a number), bad text writes nothing, and deals already
// at the NDA stage ask the sides still to accept for the newest text while an earlier acceptance
// stands. Then the operator page's loader and action as the browser's plain form reaches them.
import i18next from 'i18next'
import { createElement, type ComponentType } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { createRoutesStub } from 'react-router'
import { describe, expect, test } from 'vitest'
import { resources } from '~/locales'
import { acceptNda, currentNdaTemplate, DealError, openNda, startDeal } from '~/models/deal.server'
import { listNdaTemplates, NdaTemplateError, publishNdaTemplate } from '~/models/nda-template.server'
import * as ndaRoute from '~/routes/operator/nda'
import { translateKey } from '~/utils/meta'
import { useTestDatabase } from '../db'
import { actorFor, createOwner, createUser, localeContext, makeRequest, outcome, signIn } from '../factories'
import { exchange, publishedOffer } from '../search/helpers'

const { prisma } = await useTestDatabase()

/** Text that passes every check, numbered so that versions are told apart. */
function validText(n: number | string, overrides: Record<string, string> = {}) {
	return {
		titleVi: `Thỏa thuận bảo mật thông tin, bản ${n}`,
		titleEn: `Non-disclosure agreement, version ${n}`,
		bodyVi: `## Điều 1\n\nCác bên giữ bí mật mọi thông tin mật nhận được trong giao dịch (bản ${n}).`,
		bodyEn: `## Article 1\n\nThe parties keep secret all confidential information received in the deal (version ${n}).`,
		...overrides,
	}
}

async function operatorActor(roles: Array<'OPERATOR' | 'ADMIN'> = ['OPERATOR']) {
	return actorFor((await createUser({ roles: ['MEMBER', ...roles] })).id)
}

async function latestVersion() {
	return (await currentNdaTemplate(prisma)).version
}

async function refusedDeal(p: Promise<unknown>, key: string) {
	await expect(p).rejects.toSatisfy((e: unknown) => e instanceof DealError && e.key === key)
}

/** A deal between a research institute's offer and an enterprise, taken to the NDA stage. */
async function dealAtNda() {
	const sellerSide = await exchange()
	const offerId = await publishedOffer(sellerSide)
	const buyerOwner = await createOwner({ type: 'ENTERPRISE' })
	const buyer = await actorFor(buyerOwner.user.id)
	const { id } = await startDeal(buyer, { from: 'offer', offerId, organisationId: buyerOwner.organisation.id, message: 'Chúng tôi quan tâm.' })
	await openNda(sellerSide.actor, id)
	return { id, buyer, seller: sellerSide.actor, buyerOrgId: buyerOwner.organisation.id, sellerOrgId: sellerSide.organisationId }
}

describe('publishing NDA templates', () => {
	test('members and brokers are refused and nothing is written; operators and administrators publish', async () => {
		const before = await prisma.ndaTemplate.count()
		for (const roles of [['MEMBER'], ['MEMBER', 'BROKER']] as const) {
			const actor = await actorFor((await createUser({ roles: [...roles] })).id)
			await expect(publishNdaTemplate(actor, validText('x'))).rejects.toSatisfy((e: unknown) => e instanceof NdaTemplateError && e.status === 403)
		}
		expect(await prisma.ndaTemplate.count()).toBe(before)
		await publishNdaTemplate(await operatorActor(['ADMIN']), validText('admin'))
		expect(await prisma.ndaTemplate.count()).toBe(before + 1)
	})

	test('each publish is the next version; older versions stay as they were; each is audited', async () => {
		const operator = await operatorActor()
		const start = await latestVersion()
		const oldest = await prisma.ndaTemplate.findUniqueOrThrow({ where: { version: 1 } })
		const a = await publishNdaTemplate(operator, validText('a'))
		const b = await publishNdaTemplate(operator, validText('b'))
		expect([a.version, b.version]).toEqual([start + 1, start + 2])
		expect(await currentNdaTemplate(prisma)).toMatchObject({ version: start + 2, titleVi: 'Thỏa thuận bảo mật thông tin, bản b', createdById: operator.id })
		expect(await prisma.ndaTemplate.findUniqueOrThrow({ where: { version: 1 } })).toEqual(oldest)
		const audit = await prisma.auditLog.findMany({ where: { action: 'nda.template.published', entityId: { in: [a.id, b.id] } } })
		expect(audit).toHaveLength(2)
		expect(audit.every((entry) => entry.actorId === operator.id && entry.entityType === 'NdaTemplate')).toBe(true)
		const listed = await listNdaTemplates()
		expect(listed.map((t) => t.version)).toEqual([...listed.map((t) => t.version)].sort((x, y) => y - x))
		expect(listed[0]).toMatchObject({ version: start + 2, createdBy: { id: operator.id }, deals: 0 })
	})

	test('publishes made at the same moment get distinct, consecutive versions', async () => {
		const operators = await Promise.all([operatorActor(), operatorActor(), operatorActor()])
		const start = await latestVersion()
		const made = await Promise.all(Array.from({ length: 6 }, (_, i) => publishNdaTemplate(operators[i % 3]!, validText(`song song ${i}`))))
		const versions = made.map((m) => m.version).sort((x, y) => x - y)
		expect(versions).toEqual([1, 2, 3, 4, 5, 6].map((i) => start + i))
	})

	test('invalid text is refused with field errors and nothing is written', async () => {
		const operator = await operatorActor()
		const templates = await prisma.ndaTemplate.count()
		const audits = await prisma.auditLog.count({ where: { action: 'nda.template.published' } })
		const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
			[{ titleVi: 'NDA', bodyEn: undefined }, { bodyEn: 'validation.required' }],
			[{ titleVi: '  ab  ', titleEn: 'x'.repeat(201) }, { titleVi: 'validation.tooShort|{"min":3}', titleEn: 'validation.tooLong|{"max":200}' }],
			[{ bodyVi: 'Quá ngắn', bodyEn: 'y'.repeat(50_001) }, { bodyVi: 'validation.tooShort|{"min":20}', bodyEn: 'validation.tooLong|{"max":50000}' }],
			[{ titleEn: 'Non-disclosure\u0000', bodyVi: `Nội dung đủ dài nhưng có ký tự rỗng \u0000 ở giữa.` }, { titleEn: 'operator.nda.errors.nul', bodyVi: 'operator.nda.errors.nul' }],
		]
		for (const [overrides, expected] of cases) {
			const input = { ...validText('sai'), ...overrides }
			const error = await publishNdaTemplate(operator, input).then(
				() => null,
				(e: unknown) => e,
			)
			expect(error).toBeInstanceOf(NdaTemplateError)
			const refusal = error as NdaTemplateError
			expect(refusal.status).toBe(400)
			expect(Object.fromEntries(Object.entries(refusal.fields).map(([field, messages]) => [field, messages[0]]))).toEqual(expected)
		}
		// Exactly at the limits passes: 3 and 200 characters, 20 and 50,000.
		await publishNdaTemplate(operator, validText('biên', { titleVi: 'NDA', titleEn: 'z'.repeat(200), bodyVi: 'b'.repeat(20), bodyEn: 'e'.repeat(50_000) }))
		expect(await prisma.ndaTemplate.count()).toBe(templates + 1)
		expect(await prisma.auditLog.count({ where: { action: 'nda.template.published' } })).toBe(audits + 1)
	})

	test('a deal at the NDA stage: the side still to accept must take the new version; the side that accepted keeps its own', async () => {
		const operator = await operatorActor()
		const deal = await dealAtNda()
		const old = await latestVersion()
		await acceptNda(deal.buyer, deal.id, old)

		const { version: fresh } = await publishNdaTemplate(operator, validText('mới cho giao dịch'))
		expect(fresh).toBe(old + 1)
		// The seller had the old text on screen: accepting it now is refused, the new one works.
		await refusedDeal(acceptNda(deal.seller, deal.id, old), 'deals.errors.ndaOutdated')
		expect(await prisma.ndaAcceptance.count({ where: { dealId: deal.id, organisationId: deal.sellerOrgId } })).toBe(0)
		expect((await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).stage).toBe('NDA')
		// The buyer is not asked again: its acceptance of the older version stands.
		await refusedDeal(acceptNda(deal.buyer, deal.id, fresh), 'deals.errors.ndaAlreadyAccepted')
		await acceptNda(deal.seller, deal.id, fresh)

		const acceptances = await prisma.ndaAcceptance.findMany({ where: { dealId: deal.id }, select: { organisationId: true, templateVersion: true, template: { select: { version: true } } } })
		const bySide = Object.fromEntries(acceptances.map((a) => [a.organisationId === deal.buyerOrgId ? 'buyer' : 'seller', [a.templateVersion, a.template.version]]))
		expect(bySide).toEqual({ buyer: [old, old], seller: [fresh, fresh] })
		// Both sides accepted (each its version): the platform moves the deal on.
		expect((await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).stage).toBe('NEGOTIATION')
		// The page counts deals, not sides: this deal once under each version.
		const listed = new Map((await listNdaTemplates()).map((t) => [t.version, t.deals]))
		expect(listed.get(old)).toBe(1)
		expect(listed.get(fresh)).toBe(1)
	})
})

describe('the operator NDA page', () => {
	async function get(userId: string | null, path = '/operator/nda') {
		const cookie = userId ? (await signIn(userId)).cookie : undefined
		const request = makeRequest(path, { cookie })
		return outcome(ndaRoute.loader({ request, params: {}, context: await localeContext(request) } as never))
	}

	async function post(userId: string | null, form: Record<string, string>, locale: 'vi' | 'en' = 'vi') {
		const cookie = userId ? (await signIn(userId)).cookie : undefined
		const request = makeRequest('/operator/nda', { cookie, form, headers: { 'Accept-Language': locale } })
		return outcome(ndaRoute.action({ request, params: {}, context: await localeContext(request) } as never))
	}

	type PageData = Awaited<ReturnType<typeof ndaRoute.loader>>
	type ActionBody = { result: { status?: string; initialValue?: Record<string, unknown>; error?: Record<string, string[] | null> }; preview: Record<string, string> | null }

	test('an operator sees the versions and the current text, and publishes with the plain form', async () => {
		const operator = await createUser({ roles: ['MEMBER', 'OPERATOR'], name: 'Trần Thị Vận Hành' })
		const page = await get(operator.id)
		expect(page.status).toBe(200)
		const before = page.body as PageData
		expect(before.shown?.version).toBe(before.current?.version)
		expect(before.versions[0]?.version).toBe(before.current?.version)

		const published = await post(operator.id, { ...validText('từ biểu mẫu'), intent: 'publish' })
		const next = (before.current?.version ?? 0) + 1
		expect(published).toMatchObject({ status: 303, location: `/operator/nda?published=${next}` })
		const after = (await get(operator.id, `/operator/nda?published=${next}`)).body as PageData
		expect(after.published).toBe(next)
		expect(after.current).toMatchObject({ version: next, titleEn: 'Non-disclosure agreement, version từ biểu mẫu' })
		expect(after.versions[0]).toMatchObject({ version: next, createdBy: { name: 'Trần Thị Vận Hành' } })
		// An older version can be looked at; one that does not exist is a 404.
		expect(((await get(operator.id, '/operator/nda?version=1')).body as PageData).shown?.version).toBe(1)
		expect((await get(operator.id, '/operator/nda?version=9999')).status).toBe(404)
		expect((await get(operator.id, '/operator/nda?version=abc')).status).toBe(404)
	})

	test('members get 403 on the page and its form, visitors go to the login; nothing is written', async () => {
		const templates = await prisma.ndaTemplate.count()
		const { user } = await createOwner()
		expect((await get(user.id)).status).toBe(403)
		expect((await post(user.id, { ...validText('khách'), intent: 'publish' })).status).toBe(403)
		const broker = await createUser({ roles: ['MEMBER', 'BROKER'] })
		expect((await post(broker.id, { ...validText('môi giới'), intent: 'publish' })).status).toBe(403)
		const visitor = await post(null, { ...validText('ẩn danh'), intent: 'publish' })
		expect(visitor.status).toBe(302)
		expect(visitor.location).toMatch(/^\/login/)
		expect(await prisma.ndaTemplate.count()).toBe(templates)
	})

	test('invalid text comes back as a 400 with everything typed kept and messages in both languages', async () => {
		const operator = await createUser({ roles: ['MEMBER', 'OPERATOR'] })
		const templates = await prisma.ndaTemplate.count()
		const typed = { titleVi: 'NDA mới', titleEn: 'N', bodyVi: 'Ngắn quá', bodyEn: `Đủ dài nhưng có \u0000 ở giữa văn bản tiếng Anh.`, intent: 'publish' }
		const answer = await post(operator.id, typed)
		expect(answer.status).toBe(400)
		const body = answer.body as ActionBody
		expect(body.result.initialValue).toMatchObject({ titleVi: 'NDA mới', titleEn: 'N', bodyVi: 'Ngắn quá', bodyEn: typed.bodyEn })
		expect(body.preview).toMatchObject({ titleVi: 'NDA mới', bodyVi: 'Ngắn quá' })
		const errors = body.result.error ?? {}
		expect(Object.keys(errors).filter((k) => errors[k]?.length).sort()).toEqual(['', 'bodyEn', 'bodyVi', 'titleEn'])
		// Every message is an i18n key (with parameters) that both languages translate.
		for (const message of Object.values(errors).flatMap((m) => m ?? [])) {
			const [key, raw] = message.split('|', 2)
			const params = raw ? (JSON.parse(raw) as Record<string, number>) : {}
			for (const locale of ['vi', 'en'] as const) {
				const text = translateKey(locale, key!, params)
				expect(text).not.toBe(key)
				expect(text).not.toContain('{{')
			}
		}
		expect(translateKey('vi', 'operator.nda.errors.nul')).toContain('U+0000')
		expect(await prisma.ndaTemplate.count()).toBe(templates)
	})

	/** The page as the server sends it (no JavaScript), after a loader and optionally an action. */
	function html(loaderData: unknown, actionData?: unknown) {
		const i18n = i18next.createInstance()
		void i18n.init({ resources, lng: 'vi', fallbackLng: 'vi', initAsync: false, interpolation: { escapeValue: false } })
		const Stub = createRoutesStub([{ id: 'page', path: '/operator/nda', Component: ndaRoute.default as ComponentType, loader: () => loaderData, action: () => actionData }])
		const hydrationData = { loaderData: { page: loaderData }, ...(actionData ? { actionData: { page: actionData } } : {}) }
		return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: ['/operator/nda'], hydrationData })))
	}

	test('rendered without JavaScript: a plain POST form prefilled with the current text, or with what was typed and the reasons', async () => {
		const operator = await createUser({ roles: ['MEMBER', 'OPERATOR'] })
		await publishNdaTemplate(await actorFor(operator.id), validText('hiện hành', { bodyVi: '## Điều 1\n\nBên nhận **không** tiết lộ <script>alert(1)</script> thông tin.' }))
		const loaded = (await get(operator.id)).body as PageData
		const page = html(loaded)
		expect(page).toMatch(/<form[^>]*method="post"/)
		expect(page).toMatch(/<button type="submit" value="publish"[^>]*name="intent"/)
		expect(page).toMatch(/<button type="submit" value="preview"[^>]*name="intent"/)
		expect(page).toMatch(/<textarea[^>]*name="bodyVi"[^>]*maxLength="50000"/)
		expect(page).toContain('value="Thỏa thuận bảo mật thông tin, bản hiện hành"')
		// The textarea holds the Markdown as typed; the current text above is rendered from it, without HTML.
		expect(page).toContain('## Điều 1')
		expect(page).toContain('<strong>không</strong>')
		expect(page).not.toContain('<script>')
		expect(page).toContain('Phiên bản hiện hành')

		const typed = { titleVi: 'NDA mới', titleEn: 'N', bodyVi: 'Ngắn quá', bodyEn: 'Nội dung tiếng Anh đủ dài cho mẫu.', intent: 'publish' }
		const failed = await post(operator.id, typed)
		const again = html(loaded, failed.body)
		expect(again).toContain('value="NDA mới"')
		expect(again).toContain('value="N"')
		expect(again).toContain('>Ngắn quá</textarea>')
		expect(again).toContain('Cần ít nhất 3 ký tự')
		expect(again).toContain('Cần ít nhất 20 ký tự')
		expect(again).toContain('Vui lòng sửa các lỗi được đánh dấu bên dưới.')
		// The preview shows what was typed, not the current version.
		expect(again).toContain('Bản xem trước')
	})

	test('preview sends the text back without writing anything', async () => {
		const operator = await createUser({ roles: ['MEMBER', 'OPERATOR'] })
		const templates = await prisma.ndaTemplate.count()
		const answer = await post(operator.id, { ...validText('xem trước'), bodyVi: '**Đậm** và <script>alert(1)</script> văn bản', intent: 'preview' })
		expect(answer.status).toBe(200)
		expect((answer.body as ActionBody).preview?.bodyVi).toContain('**Đậm**')
		expect(await prisma.ndaTemplate.count()).toBe(templates)
	})
})
