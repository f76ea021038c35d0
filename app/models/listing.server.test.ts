import { addDays, addMonths } from 'date-fns'
import { describe, expect, test } from 'vitest'
import { createDemand, getDemand, publishDemand, submitDemand } from '~/models/demand.server'
import { isTypoLevel, ListingError, runExpiry } from '~/models/listing.server'
import {
	archiveOffer,
	createOffer,
	getOffer,
	listOffers,
	publishOffer,
	renewOffer,
	restoreOffer,
	returnOffer,
	submitOffer,
	updateOffer,
} from '~/models/offer.server'
import { parseListingFilters } from '~/models/listing-query.server'
import { actorFor, addMember, completeDemand, completeOffer, createOwner, createUser } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'

const { prisma } = await useTestDatabase()

async function refusal(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (error instanceof ListingError) return { code: error.code, status: error.status, fields: error.fields }
		throw error
	}
	throw new Error('expected a refusal')
}

async function setup() {
	const owner = await createOwner({ type: 'RESEARCH_INSTITUTE' })
	const actor = await actorFor(owner.user.id)
	const operator = await actorFor((await createUser({ roles: ['MEMBER', 'OPERATOR'] })).id)
	return { owner, actor, operator, organisationId: owner.organisation.id }
}

describe('offer lifecycle', () => {
	test('draft -> submitted -> returned -> submitted -> published, each step audited and the owner notified', async () => {
		const { actor, operator, organisationId } = await setup()
		const { id } = await createOffer(actor, organisationId, completeOffer())
		expect((await prisma.offer.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT')
		await submitOffer(actor, id)
		expect((await prisma.offer.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED')
		expect(await prisma.notification.count({ where: { userId: operator.id, kind: 'listing.submitted' } })).toBe(1)
		await returnOffer(operator, id, 'Vui lòng bổ sung số văn bằng bảo hộ.')
		const returned = await prisma.offer.findUniqueOrThrow({ where: { id } })
		expect(returned).toMatchObject({ status: 'RETURNED', returnReason: 'Vui lòng bổ sung số văn bằng bảo hộ.' })
		expect(await prisma.notification.count({ where: { userId: actor.id, kind: 'listing.returned' } })).toBe(1)
		await submitOffer(actor, id)
		await publishOffer(operator, id)
		const published = await prisma.offer.findUniqueOrThrow({ where: { id } })
		expect(published.status).toBe('PUBLISHED')
		expect(published.returnReason).toBeNull()
		expect(published.expiresAt!.getTime()).toBeGreaterThan(addMonths(new Date(), 12).getTime() - 60_000)
		const actions = (await prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: 'asc' } })).map((a) => a.action)
		expect(actions).toEqual(['offer.create', 'offer.submit', 'offer.return', 'offer.submit', 'offer.publish'])
		expect((await prisma.listingEvent.findMany({ where: { entityId: id } })).map((e) => e.event)).toEqual(['created', 'published'])
	})

	test('an incomplete draft cannot be submitted; the missing fields are named', async () => {
		const { actor, organisationId } = await setup()
		const { id } = await createOffer(actor, organisationId, { title: 'Chỉ có tiêu đề thôi', fieldCodes: [], keywords: [], transferModes: [], priceNegotiable: false })
		const r = await refusal(submitOffer(actor, id))
		expect(r.status).toBe(400)
		expect(Object.keys(r.fields).sort()).toEqual(['description', 'fieldCodes', 'priceMin', 'provinceCode', 'summary', 'transferModes', 'trl'])
	})

	test('forbidden transitions are refused with 409', async () => {
		const { actor, operator, organisationId } = await setup()
		const { id } = await createOffer(actor, organisationId, completeOffer())
		expect((await refusal(publishOffer(operator, id))).status).toBe(409) // a draft is not submitted
		expect((await refusal(returnOffer(operator, id, 'Lý do đủ dài để trả lại'))).status).toBe(409)
		expect((await refusal(renewOffer(actor, id))).status).toBe(409)
		await archiveOffer(actor, id)
		expect((await refusal(archiveOffer(actor, id))).status).toBe(409)
		expect((await refusal(submitOffer(actor, id))).status).toBe(409)
		expect((await refusal(updateOffer(actor, id, completeOffer()))).code).toBe('listings.errors.archived')
		await restoreOffer(actor, id)
		expect((await prisma.offer.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT')
	})

	test('unknown field codes and provinces are field errors and nothing is written', async () => {
		const { actor, organisationId } = await setup()
		const before = await prisma.offer.count()
		const r = await refusal(createOffer(actor, organisationId, completeOffer({ fieldCodes: ['999'], provinceCode: '00' })))
		expect(r.fields).toEqual({ fieldCodes: ['listings.validation.field'], provinceCode: ['validation.province'] })
		expect(await prisma.offer.count()).toBe(before)
	})
})

describe('who may do what', () => {
	test("a member of organisation A cannot edit, submit, archive or even see B's draft", async () => {
		const a = await setup()
		const b = await setup()
		const { id } = await createOffer(b.actor, b.organisationId, completeOffer())
		expect((await refusal(updateOffer(a.actor, id, completeOffer({ title: 'Chiếm quyền sửa tin' })))).status).toBe(404)
		expect((await refusal(submitOffer(a.actor, id))).status).toBe(404)
		expect((await refusal(archiveOffer(a.actor, id))).status).toBe(404)
		expect(await getOffer(id, a.actor)).toBeNull()
		expect(await getOffer(id, null)).toBeNull()
		expect(await getOffer(id, b.operator)).not.toBeNull()
		expect((await refusal(createOffer(a.actor, b.organisationId, completeOffer()))).status).toBe(403)
	})

	test("once published, outsiders see it but not its confidential section; they still cannot edit it", async () => {
		const a = await setup()
		const b = await setup()
		const { id } = await createOffer(b.actor, b.organisationId, completeOffer({ confidential: 'Thông số bí mật của quy trình' }))
		await submitOffer(b.actor, id)
		await publishOffer(b.operator, id)
		const seen = await getOffer(id, a.actor)
		expect(seen?.offer.title).toBe(completeOffer().title)
		expect(seen?.offer.confidential).toBe('')
		expect((await getOffer(id, null))?.offer.confidential).toBe('')
		expect((await getOffer(id, b.actor))?.offer.confidential).toBe('Thông số bí mật của quy trình')
		expect((await refusal(updateOffer(a.actor, id, completeOffer()))).status).toBe(403)
	})

	test('only operators moderate', async () => {
		const { actor, organisationId } = await setup()
		const { id } = await createOffer(actor, organisationId, completeOffer())
		await submitOffer(actor, id)
		expect((await refusal(publishOffer(actor, id))).status).toBe(403)
		expect((await refusal(returnOffer(actor, id, 'Tự trả lại tin của mình'))).status).toBe(403)
	})

	test('an AGENCY organisation cannot list offers', async () => {
		const owner = await createOwner({ type: 'AGENCY' })
		const actor = await actorFor(owner.user.id)
		expect((await refusal(createOffer(actor, owner.organisation.id, completeOffer()))).code).toBe('listings.errors.agency')
	})
})

describe('editing a published offer', () => {
	async function published() {
		const ctx = await setup()
		const { id } = await createOffer(ctx.actor, ctx.organisationId, completeOffer())
		await submitOffer(ctx.actor, id)
		await publishOffer(ctx.operator, id)
		return { ...ctx, id }
	}

	test('a price change waits for review while the public keeps the approved price; approval applies it', async () => {
		const { actor, operator, id } = await published()
		const result = await updateOffer(actor, id, completeOffer({ priceMin: 900_000_000, keywords: ['nuôi tôm', 'RAS', 'tuần hoàn'] }))
		expect(result.pendingFields).toEqual(['priceMin'])
		const row = await prisma.offer.findUniqueOrThrow({ where: { id } })
		expect(row.status).toBe('PUBLISHED')
		expect(row.priceMin).toBe(500_000_000n) // the public still sees the approved price
		expect(row.keywords).toContain('tuần hoàn') // keywords are not material: applied at once
		expect(row.pendingSince).not.toBeNull()
		const owner = await getOffer(id, actor)
		expect(owner?.pending).toEqual({ priceMin: 900_000_000n })
		await publishOffer(operator, id)
		const approved = await prisma.offer.findUniqueOrThrow({ where: { id } })
		expect(approved.priceMin).toBe(900_000_000n)
		expect(approved.pendingChanges).toBeNull()
	})

	test('a typo fix in the description is applied without review', async () => {
		const { actor, id } = await published()
		const fixed = completeOffer().description.replace('thực.', 'thực .')
		const result = await updateOffer(actor, id, completeOffer({ description: fixed }))
		expect(result.pendingFields).toEqual([])
		expect((await prisma.offer.findUniqueOrThrow({ where: { id } })).description).toBe(fixed)
	})

	test('returned edits stay with the owner, who can ask for review again', async () => {
		const { actor, operator, id } = await published()
		await updateOffer(actor, id, completeOffer({ title: 'Tiêu đề hoàn toàn mới cho công nghệ nuôi tôm' }))
		await returnOffer(operator, id, 'Tiêu đề mới chưa phản ánh đúng công nghệ.')
		const row = await prisma.offer.findUniqueOrThrow({ where: { id } })
		expect(row).toMatchObject({ status: 'PUBLISHED', pendingSince: null, returnReason: 'Tiêu đề mới chưa phản ánh đúng công nghệ.' })
		expect(row.title).toBe(completeOffer().title)
		await submitOffer(actor, id)
		expect((await prisma.offer.findUniqueOrThrow({ where: { id } })).pendingSince).not.toBeNull()
	})

	test('a stale form (old version) is refused rather than overwriting newer changes', async () => {
		const { actor, id } = await published()
		const { version } = await prisma.offer.findUniqueOrThrow({ where: { id } })
		await updateOffer(actor, id, completeOffer({ keywords: ['một'] }), { expectedVersion: version })
		expect((await refusal(updateOffer(actor, id, completeOffer({ keywords: ['hai'] }), { expectedVersion: version }))).code).toBe('listings.errors.stale')
	})
})

test('typo detection: small letter changes yes, digits or rewrites no', () => {
	expect(isTypoLevel('Công nghệ nuôi tôm thẻ chân trắng', 'Công nghệ nuôi tôm thẻ chân trằng')).toBe(true)
	expect(isTypoLevel('Giá 500 triệu đồng', 'Giá 900 triệu đồng')).toBe(false)
	expect(isTypoLevel('Công nghệ nuôi tôm', 'Thiết bị sấy nông sản')).toBe(false)
})

test('expiry: a reminder 30 days ahead (once), then EXPIRED; renewing brings it back for 12 months', async () => {
	const { actor, operator, organisationId } = await setup()
	const { id } = await createOffer(actor, organisationId, completeOffer())
	await submitOffer(actor, id)
	await publishOffer(operator, id)
	await prisma.offer.update({ where: { id }, data: { expiresAt: addDays(new Date(), 20) } })
	expect((await runExpiry('offer')).reminded).toBeGreaterThanOrEqual(1)
	await runExpiry('offer')
	expect(await prisma.notification.count({ where: { kind: 'listing.expiring', userId: actor.id } })).toBe(1)
	await prisma.offer.update({ where: { id }, data: { expiresAt: addDays(new Date(), -1) } })
	await runExpiry('offer')
	expect((await prisma.offer.findUniqueOrThrow({ where: { id } })).status).toBe('EXPIRED')
	expect(await getOffer(id, null)).toBeNull()
	await renewOffer(actor, id)
	const renewed = await prisma.offer.findUniqueOrThrow({ where: { id } })
	expect(renewed.status).toBe('PUBLISHED')
	expect(renewed.expiresAt!.getTime()).toBeGreaterThan(addMonths(new Date(), 11).getTime())
})

describe('the public list', () => {
	test('filters by field at any level, province, TRL, mode and overlapping price range; drafts never show', async () => {
		// Offers published by earlier tests of this file would show up too.
		await prisma.offer.updateMany({ data: { status: 'ARCHIVED' } })
		const { actor, operator, organisationId } = await setup()
		const publish = async (values: Record<string, unknown>) => {
			const { id } = await createOffer(actor, organisationId, completeOffer(values))
			await submitOffer(actor, id)
			await publishOffer(operator, id)
			return id
		}
		const shrimp = await publish({ title: 'Nuôi tôm tuần hoàn RAS', fieldCodes: ['40501'], provinceCode: '96', trl: 7 })
		const iot = await publish({ title: 'Cảm biến IoT cho nhà kính', fieldCodes: ['202'], provinceCode: '01', trl: 5, priceMin: 100_000_000, priceMax: 200_000_000, transferModes: ['EQUIPMENT_SALE'] })
		await createOffer(actor, organisationId, completeOffer({ title: 'Bản nháp không được hiện', fieldCodes: ['40501'] }))
		const ids = async (query: string) => (await listOffers(parseListingFilters(new URLSearchParams(query)))).items.map((i) => i.id)
		expect(await ids('field=4')).toEqual([shrimp])
		expect(await ids('field=405')).toEqual([shrimp])
		expect(await ids('province=01')).toEqual([iot])
		expect(await ids('trl=6')).toEqual([shrimp])
		expect(await ids('mode=EQUIPMENT_SALE')).toEqual([iot])
		expect(await ids('min=300000000')).toEqual([shrimp])
		expect(await ids('max=150000000')).toEqual([iot])
		expect((await ids('')).sort()).toEqual([shrimp, iot].sort())
		expect((await ids('field=abc&trl=99&page=-4&sort=evil')).sort()).toEqual([shrimp, iot].sort())
	})
})

test('demands follow the same lifecycle', async () => {
	const owner = await createOwner({ type: 'ENTERPRISE' })
	const actor = await actorFor(owner.user.id)
	const operator = await actorFor((await createUser({ roles: ['MEMBER', 'OPERATOR'] })).id)
	const colleague = await createUser()
	await addMember(colleague.id, owner.organisation.id)
	const { id } = await createDemand(actor, owner.organisation.id, completeDemand())
	await submitDemand(await actorFor(colleague.id), id)
	await publishDemand(operator, id)
	expect((await getDemand(id, null))?.demand.status).toBe('PUBLISHED')
})

test('the contact person can be any active member of the organisation, never an outsider', async () => {
	const { actor, organisationId } = await setup()
	const colleague = await createUser()
	await addMember(colleague.id, organisationId)
	const outsider = await createUser()
	const { id } = await createOffer(actor, organisationId, completeOffer())
	await updateOffer(actor, id, completeOffer(), { contactUserId: colleague.id })
	expect((await prisma.offer.findUniqueOrThrow({ where: { id } })).contactUserId).toBe(colleague.id)
	const r = await refusal(updateOffer(actor, id, completeOffer(), { contactUserId: outsider.id }))
	expect(r.fields).toEqual({ contactUserId: ['validation.choose'] })
	expect((await prisma.offer.findUniqueOrThrow({ where: { id } })).contactUserId).toBe(colleague.id)
})
