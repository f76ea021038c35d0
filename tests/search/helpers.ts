// Shared by the search integration tests: publishing listings through the models, as users do.
import { createDemand, publishDemand, submitDemand } from '~/models/demand.server'
import { createOffer, publishOffer, submitOffer } from '~/models/offer.server'
import { actorFor, completeDemand, completeOffer, createOwner, createUser } from '../factories'

export async function exchange() {
	const owner = await createOwner({ type: 'RESEARCH_INSTITUTE' })
	const actor = await actorFor(owner.user.id)
	const operator = await actorFor((await createUser({ roles: ['MEMBER', 'OPERATOR'] })).id)
	return { owner, actor, operator, organisationId: owner.organisation.id }
}

type Exchange = Awaited<ReturnType<typeof exchange>>

export async function publishedOffer(x: Exchange, overrides: Record<string, unknown> = {}) {
	const { id } = await createOffer(x.actor, x.organisationId, completeOffer(overrides))
	await submitOffer(x.actor, id)
	await publishOffer(x.operator, id)
	return id
}

export async function publishedDemand(x: Exchange, overrides: Record<string, unknown> = {}) {
	const { id } = await createDemand(x.actor, x.organisationId, completeDemand(overrides))
	await submitDemand(x.actor, id)
	await publishDemand(x.operator, id)
	return id
}
