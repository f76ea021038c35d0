// The deal pipeline's rules, pure so that every allowed and forbidden move can be tested as a table
// and the page can show exactly the buttons the model will accept.

export const DEAL_STAGES = ['INTEREST', 'NDA', 'NEGOTIATION', 'AGREEMENT', 'PAYMENT', 'TRANSFERRED', 'CLOSED', 'CANCELLED'] as const
export type DealStage = (typeof DEAL_STAGES)[number]

/** The stages a deal moves through in order; CANCELLED leaves the line from any open stage. */
export const OPEN_STAGES = ['INTEREST', 'NDA', 'NEGOTIATION', 'AGREEMENT', 'PAYMENT', 'TRANSFERRED'] as const satisfies readonly DealStage[]

/** How a person stands to a deal: members of its buyer or seller organisation, its broker, or an operator. */
export type DealRole = 'buyer' | 'seller' | 'broker' | 'operator'

/** What the rules need to know besides the stage. */
export type DealFacts = {
	stage: DealStage
	ndaAccepted: { buyer: boolean; seller: boolean }
	/** The signed agreement's milestones: how many, how many paid. */
	milestones: { total: number; paid: number }
	/** A payment was ever received (even if refunded since): the deal does not go back to AGREEMENT. */
	everPaid: boolean
	hasBroker: boolean
}

export function isFinal(stage: DealStage) {
	return stage === 'CLOSED' || stage === 'CANCELLED'
}

export type DealAction =
	| 'openNda' // INTEREST -> NDA: the seller side takes up the enquiry
	| 'acceptNda'
	| 'proposeTerms'
	| 'signTerms'
	| 'payMilestone'
	| 'confirmTransfer' // -> TRANSFERRED: the buyer received the technology
	| 'close' // TRANSFERRED -> CLOSED
	| 'cancel'
	| 'recordOutcome' // -> CLOSED off the platform
	| 'assignBroker'
	| 'claimBroker'
	| 'confirmBankTransfer'

type Rule = { roles: readonly DealRole[]; stages: readonly DealStage[] }

const PARTIES = ['buyer', 'seller', 'broker', 'operator'] as const
const RULES: Record<DealAction, Rule> = {
	openNda: { roles: ['seller', 'broker', 'operator'], stages: ['INTEREST'] },
	acceptNda: { roles: ['buyer', 'seller'], stages: ['NDA'] },
	proposeTerms: { roles: ['buyer', 'seller', 'broker'], stages: ['NEGOTIATION'] },
	signTerms: { roles: ['buyer', 'seller'], stages: ['NEGOTIATION'] },
	// Milestones may fall due after delivery, so paying stays open once the buyer confirmed the transfer.
	payMilestone: { roles: ['buyer'], stages: ['AGREEMENT', 'PAYMENT', 'TRANSFERRED'] },
	confirmTransfer: { roles: ['buyer', 'operator'], stages: ['AGREEMENT', 'PAYMENT'] },
	close: { roles: PARTIES, stages: ['TRANSFERRED'] },
	cancel: { roles: PARTIES, stages: OPEN_STAGES },
	recordOutcome: { roles: PARTIES, stages: OPEN_STAGES },
	assignBroker: { roles: ['operator'], stages: OPEN_STAGES },
	// A broker who is not yet on the deal; the role check is the platform role, made by the caller.
	claimBroker: { roles: [], stages: OPEN_STAGES },
	confirmBankTransfer: { roles: ['operator'], stages: ['AGREEMENT', 'PAYMENT', 'TRANSFERRED'] },
}

/** Why an action is refused, as a translation key under deals.errors; null when it is allowed. */
export function refusal(action: DealAction, roles: readonly DealRole[], facts: DealFacts): string | null {
	const rule = RULES[action]
	if (action !== 'claimBroker' && !rule.roles.some((role) => roles.includes(role))) return 'deals.errors.notYourMove'
	if (!rule.stages.includes(facts.stage)) return isFinal(facts.stage) ? 'deals.errors.finished' : 'deals.errors.wrongStage'
	switch (action) {
		case 'claimBroker':
			return facts.hasBroker ? 'deals.errors.hasBroker' : null
		case 'confirmTransfer':
			// From AGREEMENT only when nothing is to be paid (a free licence, say); otherwise payment comes first.
			return facts.stage === 'AGREEMENT' && facts.milestones.total > 0 ? 'deals.errors.payFirst' : null
		case 'close':
			return facts.milestones.paid < facts.milestones.total ? 'deals.errors.unpaidMilestones' : null
		default:
			return null
	}
}

export function can(action: DealAction, roles: readonly DealRole[], facts: DealFacts) {
	return refusal(action, roles, facts) === null
}

/** Every action the person may take now, for the page's buttons. */
export function availableActions(roles: readonly DealRole[], facts: DealFacts): DealAction[] {
	return (Object.keys(RULES) as DealAction[]).filter((action) => can(action, roles, facts))
}

/**
 * Moves the platform makes on its own when their condition is met: both NDAs accepted, both
 * signatures, the first payment. Returns the next stage, or null when the deal stays.
 */
export function automaticNext(facts: DealFacts): DealStage | null {
	if (facts.stage === 'NDA' && facts.ndaAccepted.buyer && facts.ndaAccepted.seller) return 'NEGOTIATION'
	if (facts.stage === 'AGREEMENT' && facts.everPaid) return 'PAYMENT'
	return null
}

/** The stage each manual action leads to; actions that do not move the deal are absent. */
export const ACTION_TARGET: Partial<Record<DealAction, DealStage>> = {
	openNda: 'NDA',
	confirmTransfer: 'TRANSFERRED',
	close: 'CLOSED',
	cancel: 'CANCELLED',
	recordOutcome: 'CLOSED',
}

/** Whether the buyer's members may read the offer's confidential section: both sides accepted the NDA. */
export function confidentialOpen(ndaAccepted: DealFacts['ndaAccepted'], stage: DealStage) {
	// A cancelled deal keeps no access: the NDA obliges returning the documents.
	return ndaAccepted.buyer && ndaAccepted.seller && stage !== 'CANCELLED'
}
