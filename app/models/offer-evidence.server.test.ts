// Offers "backed by registered R&D": the model, its POST route and what the editor and the offer
// page load, against a real database with real Requests.
import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import { listingDetailLoader } from '~/listings/detail.server'
import { listingEditLoader } from '~/listings/edit.server'
import { ListingError } from '~/models/listing.server'
import { createOffer } from '~/models/offer.server'
import { linkTaskResult, listEvidence, MAX_EVIDENCE, searchLinkableTaskResults, unlinkTaskResult } from '~/models/offer-evidence.server'
import { codeKey } from '~/models/task-result-schema'
import * as apiOffer from '~/routes/api/offer'
import { action as evidenceAction } from '~/routes/offers/evidence'
import { actorFor, addMember, completeOffer, createOwner, createUser, localeContext, makeRequest, outcome, signIn } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'

const { prisma } = await useTestDatabase()

let sequence = 0
async function taskResult(overrides: { title?: string; taskCode?: string; hostOrganisationId?: string | null; hostName?: string; registrationNumber?: string | null; endYear?: number } = {}) {
	sequence++
	const taskCode = overrides.taskCode ?? `KC.0${sequence % 9}.${String(sequence).padStart(2, '0')}/16-20`
	const registrationNumber = overrides.registrationNumber === undefined ? `2020-52-${String(1000 + sequence)}/KQNC` : overrides.registrationNumber
	return prisma.taskResult.create({
		data: {
			taskCode,
			taskCodeKey: codeKey(taskCode),
			title: overrides.title ?? `Nghiên cứu công nghệ số ${sequence}`,
			level: 'NATIONAL',
			hostName: overrides.hostName ?? 'Viện Công nghệ Sinh học',
			hostOrganisationId: overrides.hostOrganisationId ?? null,
			registrationNumber,
			registrationKey: registrationNumber ? codeKey(registrationNumber) : null,
			registrationDate: new Date('2021-03-15'),
			startYear: 2017,
			endYear: overrides.endYear ?? 2020,
			source: 'SEED',
		},
	})
}

async function owner() {
	const { user, organisation } = await createOwner()
	const { cookie } = await signIn(user.id)
	return { user, organisation, cookie, actor: await actorFor(user.id) }
}

async function offerOf(o: Awaited<ReturnType<typeof owner>>, status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' = 'DRAFT') {
	const { id } = await createOffer(o.actor, o.organisation.id, completeOffer())
	if (status !== 'DRAFT') await prisma.offer.update({ where: { id }, data: { status, publishedAt: new Date() } })
	return id
}

async function refusal(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (error instanceof ListingError) return { code: error.code, status: error.status }
		throw error
	}
	return null
}



async function load<T>(loader: (args: { request: Request; params: { id: string }; context: RouterContextProvider }) => Promise<T>, path: string, id: string, cookie?: string) {
	const request = makeRequest(path, { cookie })
	return loader({ request, params: { id }, context: await localeContext(request) })
}

const events = (offerId: string) => prisma.listingEvent.findMany({ where: { entityType: 'Offer', entityId: offerId }, select: { event: true }, orderBy: { id: 'asc' } })

describe('linking task results to an offer', () => {
	test('a member links and unlinks; linking twice changes nothing; each change is audited', async () => {
		const o = await owner()
		const member = await createUser()
		await addMember(member.id, o.organisation.id, 'MEMBER')
		const offerId = await offerOf(o)
		const result = await taskResult({ hostOrganisationId: o.organisation.id, hostName: o.organisation.name })

		expect(await linkTaskResult(await actorFor(member.id), offerId, result.id)).toEqual({ linked: true })
		expect(await linkTaskResult(o.actor, offerId, result.id)).toEqual({ linked: false })
		expect(await prisma.offerTaskResult.findMany({ where: { offerId } })).toEqual([expect.objectContaining({ taskResultId: result.id, linkedById: member.id })])

		const evidence = await listEvidence(offerId)
		expect(evidence).toEqual([
			{
				id: result.id,
				taskCode: result.taskCode,
				title: result.title,
				level: 'NATIONAL',
				hostName: o.organisation.name,
				hostOrganisation: { id: o.organisation.id, slug: o.organisation.slug, name: o.organisation.name },
				registrationNumber: result.registrationNumber,
				registrationDate: new Date('2021-03-15'),
				startYear: 2017,
				endYear: 2020,
			},
		])

		expect(await unlinkTaskResult(o.actor, offerId, result.id)).toEqual({ unlinked: true })
		expect(await unlinkTaskResult(o.actor, offerId, result.id)).toEqual({ unlinked: false })
		expect(await listEvidence(offerId)).toEqual([])
		const audit = await prisma.auditLog.findMany({ where: { entityId: offerId, action: { startsWith: 'offer.evidence' } }, orderBy: { createdAt: 'asc' } })
		expect(audit.map((a) => [a.action, a.actorId])).toEqual([
			['offer.evidence.link', member.id],
			['offer.evidence.unlink', o.user.id],
		])
		// A draft is nobody's business but its organisation's: no event for the relays.
		expect(await events(offerId)).toEqual([{ event: 'created' }])
	})

	test('a published offer leaves an "updated" event per change, so matching follows it', async () => {
		const o = await owner()
		const offerId = await offerOf(o, 'PUBLISHED')
		const result = await taskResult()
		await linkTaskResult(o.actor, offerId, result.id)
		await linkTaskResult(o.actor, offerId, result.id)
		await unlinkTaskResult(o.actor, offerId, result.id)
		expect(await events(offerId)).toEqual([{ event: 'created' }, { event: 'updated' }, { event: 'updated' }])
	})

	test('outsiders: 404 when they cannot see the offer, 403 when they can; operators may not link either', async () => {
		const o = await owner()
		const stranger = await owner()
		const operator = await actorFor((await createUser({ roles: ['MEMBER', 'OPERATOR'] })).id)
		const draft = await offerOf(o)
		const published = await offerOf(o, 'PUBLISHED')
		const result = await taskResult()

		expect(await refusal(linkTaskResult(stranger.actor, draft, result.id))).toEqual({ code: 'errors.notFound', status: 404 })
		expect(await refusal(linkTaskResult(stranger.actor, published, result.id))).toEqual({ code: 'errors.forbidden', status: 403 })
		expect(await refusal(linkTaskResult(operator, draft, result.id))).toEqual({ code: 'errors.forbidden', status: 403 })
		expect(await refusal(linkTaskResult(o.actor, 'no-such-offer', result.id))).toEqual({ code: 'errors.notFound', status: 404 })

		await linkTaskResult(o.actor, published, result.id)
		expect(await refusal(unlinkTaskResult(stranger.actor, published, result.id))).toEqual({ code: 'errors.forbidden', status: 403 })
		expect(await refusal(unlinkTaskResult(stranger.actor, draft, result.id))).toEqual({ code: 'errors.notFound', status: 404 })
		expect(await prisma.offerTaskResult.count({ where: { offerId: published } })).toBe(1)
		expect(await prisma.offerTaskResult.count({ where: { offerId: draft } })).toBe(0)
	})

	test('an archived offer and an unknown task result are refused', async () => {
		const o = await owner()
		const archived = await offerOf(o, 'ARCHIVED')
		const draft = await offerOf(o)
		const result = await taskResult()
		expect(await refusal(linkTaskResult(o.actor, archived, result.id))).toEqual({ code: 'listings.errors.archived', status: 409 })
		expect(await refusal(linkTaskResult(o.actor, draft, 'no-such-result'))).toEqual({ code: 'listings.evidence.errors.unknownTaskResult', status: 404 })
	})

	test(`at most ${MAX_EVIDENCE} task results back one offer`, async () => {
		const o = await owner()
		const offerId = await offerOf(o)
		const results = await Promise.all(Array.from({ length: MAX_EVIDENCE + 1 }, () => taskResult()))
		for (const r of results.slice(0, MAX_EVIDENCE)) await linkTaskResult(o.actor, offerId, r.id)
		expect(await refusal(linkTaskResult(o.actor, offerId, results[MAX_EVIDENCE]!.id))).toEqual({ code: 'listings.evidence.errors.tooMany', status: 409 })
		// Linking one already there is still fine: nothing to add.
		expect(await linkTaskResult(o.actor, offerId, results[0]!.id)).toEqual({ linked: false })
		expect(await prisma.offerTaskResult.count({ where: { offerId } })).toBe(MAX_EVIDENCE)
	})
})

describe('searching task results to link', () => {
	test('matches code, title and registration number, the organisation’s own first, without those already linked', async () => {
		const o = await owner()
		const offerId = await offerOf(o)
		const foreign = await taskResult({ title: 'Quy trình sản xuất chế phẩm vi sinh xử lý rơm rạ', endYear: 2023 })
		const own = await taskResult({ title: 'Chế phẩm vi sinh cho ao nuôi tôm', hostOrganisationId: o.organisation.id, hostName: o.organisation.name, endYear: 2015 })
		const linked = await taskResult({ title: 'Chế phẩm vi sinh đã liên kết', hostOrganisationId: o.organisation.id })
		await taskResult({ title: 'Giống lúa chịu mặn' })
		await linkTaskResult(o.actor, offerId, linked.id)

		const found = await searchLinkableTaskResults(o.organisation.id, 'chế PHẨM vi sinh', { excludeOfferId: offerId })
		expect(found.map((r) => r.id)).toEqual([own.id, foreign.id])
		expect((await searchLinkableTaskResults(o.organisation.id, foreign.taskCode)).map((r) => r.id)).toEqual([foreign.id])
		// Typed without the dots' spacing and in lower case, the code still matches through its key.
		expect((await searchLinkableTaskResults(o.organisation.id, foreign.registrationNumber!.toLowerCase())).map((r) => r.id)).toEqual([foreign.id])
		// No text: the organisation's own results, as suggestions.
		expect((await searchLinkableTaskResults(o.organisation.id, '  ', { excludeOfferId: offerId })).map((r) => r.id)).toEqual([own.id])
	})
})

describe('POST /offers/:id/evidence', () => {
	const post = (offerId: string, cookie: string | undefined, form: Record<string, string>) =>
		outcome(evidenceAction({ request: makeRequest(`/offers/${offerId}/evidence`, { cookie, form }), params: { id: offerId }, context: new RouterContextProvider() } as never))

	test('links and unlinks from plain forms, coming back to the editor panel with the search kept', async () => {
		const o = await owner()
		const offerId = await offerOf(o)
		const result = await taskResult()
		const linked = await post(offerId, o.cookie, { intent: 'link', taskResultId: result.id, evidenceQuery: 'vi sinh' })
		expect(linked).toMatchObject({ status: 303, location: `/offers/${offerId}/edit?step=technical&evidenceQuery=vi+sinh&evidenceDone=linked#evidence` })
		expect(await prisma.offerTaskResult.count({ where: { offerId } })).toBe(1)
		const unlinked = await post(offerId, o.cookie, { intent: 'unlink', taskResultId: result.id })
		expect(unlinked).toMatchObject({ status: 303, location: `/offers/${offerId}/edit?step=technical&evidenceDone=unlinked#evidence` })
		expect(await prisma.offerTaskResult.count({ where: { offerId } })).toBe(0)
	})

	test('a refusal the member can act on comes back as a message; outsiders get 404 or 403; visitors log in', async () => {
		const o = await owner()
		const stranger = await owner()
		const draft = await offerOf(o)
		const published = await offerOf(o, 'PUBLISHED')
		const result = await taskResult()
		expect(await post(draft, o.cookie, { intent: 'link', taskResultId: 'missing' })).toMatchObject({
			status: 303,
			location: `/offers/${draft}/edit?step=technical&evidenceError=listings.evidence.errors.unknownTaskResult#evidence`,
		})
		expect(await post(draft, o.cookie, { intent: 'delete-all', taskResultId: result.id })).toMatchObject({ status: 303, location: `/offers/${draft}/edit?step=technical&evidenceError=errors.badRequest#evidence` })
		expect((await post(draft, stranger.cookie, { intent: 'link', taskResultId: result.id })).status).toBe(404)
		expect((await post(published, stranger.cookie, { intent: 'link', taskResultId: result.id })).status).toBe(403)
		const visitor = await post(published, undefined, { intent: 'link', taskResultId: result.id })
		expect(visitor.status).toBe(302)
		expect(visitor.location).toMatch(/^\/login\?redirectTo=/)
		expect(await prisma.offerTaskResult.count({ where: { offerId: { in: [draft, published] } } })).toBe(0)
	})
})

describe('what the pages load', () => {
	test('the offer page loads the evidence for every viewer; the editor loads links and search results with the host', async () => {
		const o = await owner()
		const offerId = await offerOf(o, 'PUBLISHED')
		const own = await taskResult({ title: 'Hệ thống tuần hoàn nước Kappa-7', hostOrganisationId: o.organisation.id, hostName: o.organisation.name })
		const other = await taskResult({ title: 'Cảm biến oxy hòa tan Kappa-7', hostName: 'Trường Đại học Cần Thơ' })
		await linkTaskResult(o.actor, offerId, other.id)

		const detail = await load((args) => listingDetailLoader('offer', args), `/offers/${offerId}`, offerId)
		expect(detail.evidence.map((e) => [e.id, e.taskCode, e.hostName, e.hostOrganisation])).toEqual([[other.id, other.taskCode, 'Trường Đại học Cần Thơ', null]])

		const editor = await load(
			(args) => listingEditLoader('offer', args),
			`/offers/${offerId}/edit?step=technical&evidenceQuery=kappa-7&evidenceDone=linked&evidenceError=%3Cscript%3E`,
			offerId,
			o.cookie,
		)
		expect(editor.evidence).toMatchObject({ organisationId: o.organisation.id, query: 'kappa-7', done: 'linked', error: null })
		expect(editor.evidence!.linked.map((e) => e.id)).toEqual([other.id])
		expect(editor.evidence!.results.map((e) => e.id)).toEqual([own.id])

		// The JSON API names the evidence too, for anyone who may see the offer.
		const response = (await apiOffer.loader({ request: new Request(`http://localhost/api/v1/offers/${offerId}`), params: { id: offerId }, context: new RouterContextProvider() } as never)) as Response
		expect(response.status).toBe(200)
		expect(((await response.json()) as { data: { evidence: unknown } }).data.evidence).toEqual([{ id: other.id, taskCode: other.taskCode, title: other.title }])

		// Other steps do not pay for the panel.
		const basics = await load((args) => listingEditLoader('offer', args), `/offers/${offerId}/edit?step=basics`, offerId, o.cookie)
		expect(basics.evidence).toBeNull()
	})
})
