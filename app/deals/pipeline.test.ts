import { describe, expect, it } from 'vitest'
import { automaticNext, availableActions, confidentialOpen, DEAL_STAGES, refusal, type DealAction, type DealFacts, type DealRole, type DealStage } from './pipeline'

const facts = (stage: DealStage, over: Partial<DealFacts> = {}): DealFacts => ({
	stage,
	ndaAccepted: { buyer: false, seller: false },
	milestones: { total: 2, paid: 0 },
	everPaid: false,
	hasBroker: true,
	...over,
})

// The rules written out independently of the module, as the product owner would read them:
// for each action, who may take it and at which stages.
const ALL: DealRole[] = ['buyer', 'seller', 'broker', 'operator']
const OPEN: DealStage[] = ['INTEREST', 'NDA', 'NEGOTIATION', 'AGREEMENT', 'PAYMENT', 'TRANSFERRED']
const EXPECTED: Record<Exclude<DealAction, 'claimBroker'>, { roles: DealRole[]; stages: DealStage[] }> = {
	openNda: { roles: ['seller', 'broker', 'operator'], stages: ['INTEREST'] },
	acceptNda: { roles: ['buyer', 'seller'], stages: ['NDA'] },
	proposeTerms: { roles: ['buyer', 'seller', 'broker'], stages: ['NEGOTIATION'] },
	signTerms: { roles: ['buyer', 'seller'], stages: ['NEGOTIATION'] },
	payMilestone: { roles: ['buyer'], stages: ['AGREEMENT', 'PAYMENT', 'TRANSFERRED'] },
	confirmTransfer: { roles: ['buyer', 'operator'], stages: ['PAYMENT'] }, // AGREEMENT only without milestones (below)
	close: { roles: ALL, stages: [] }, // only when every milestone is paid (below)
	cancel: { roles: ALL, stages: OPEN },
	recordOutcome: { roles: ALL, stages: OPEN },
	assignBroker: { roles: ['operator'], stages: OPEN },
	confirmBankTransfer: { roles: ['operator'], stages: ['AGREEMENT', 'PAYMENT', 'TRANSFERRED'] },
}

describe('deal pipeline rules', () => {
	for (const [action, rule] of Object.entries(EXPECTED) as Array<[DealAction, { roles: DealRole[]; stages: DealStage[] }]>) {
		for (const stage of DEAL_STAGES) {
			for (const role of ALL) {
				const allowed = rule.roles.includes(role) && rule.stages.includes(stage)
				it(`${action} by ${role} at ${stage}: ${allowed ? 'allowed' : 'refused'}`, () => {
					expect(refusal(action, [role], facts(stage)) === null).toBe(allowed)
				})
			}
		}
	}

	it('refuses with the reason a person can act on', () => {
		expect(refusal('openNda', ['buyer'], facts('INTEREST'))).toBe('deals.errors.notYourMove')
		expect(refusal('openNda', ['seller'], facts('NDA'))).toBe('deals.errors.wrongStage')
		expect(refusal('cancel', ['seller'], facts('CLOSED'))).toBe('deals.errors.finished')
		expect(refusal('cancel', ['seller'], facts('CANCELLED'))).toBe('deals.errors.finished')
		expect(refusal('confirmTransfer', ['buyer'], facts('AGREEMENT'))).toBe('deals.errors.payFirst')
		expect(refusal('close', ['buyer'], facts('TRANSFERRED', { milestones: { total: 2, paid: 1 } }))).toBe('deals.errors.unpaidMilestones')
	})

	it('lets a free transfer (no milestones) be confirmed from AGREEMENT and closed', () => {
		const free = { milestones: { total: 0, paid: 0 } }
		expect(refusal('confirmTransfer', ['buyer'], facts('AGREEMENT', free))).toBeNull()
		expect(refusal('close', ['seller'], facts('TRANSFERRED', free))).toBeNull()
	})

	it('closes a transferred deal once every milestone is paid, for any party', () => {
		for (const role of ALL) expect(refusal('close', [role], facts('TRANSFERRED', { milestones: { total: 2, paid: 2 } }))).toBeNull()
	})

	it('lets a broker claim an open deal only while it has none', () => {
		expect(refusal('claimBroker', [], facts('NEGOTIATION', { hasBroker: false }))).toBeNull()
		expect(refusal('claimBroker', [], facts('NEGOTIATION', { hasBroker: true }))).toBe('deals.errors.hasBroker')
		expect(refusal('claimBroker', [], facts('CLOSED', { hasBroker: false }))).toBe('deals.errors.finished')
	})

	it('moves by itself only when both NDAs are accepted, or a payment was received', () => {
		expect(automaticNext(facts('NDA', { ndaAccepted: { buyer: true, seller: false } }))).toBeNull()
		expect(automaticNext(facts('NDA', { ndaAccepted: { buyer: true, seller: true } }))).toBe('NEGOTIATION')
		expect(automaticNext(facts('AGREEMENT'))).toBeNull()
		expect(automaticNext(facts('AGREEMENT', { everPaid: true }))).toBe('PAYMENT')
		expect(automaticNext(facts('PAYMENT', { everPaid: true }))).toBeNull()
	})

	it('opens the confidential section only after both NDAs, and never on a cancelled deal', () => {
		expect(confidentialOpen({ buyer: true, seller: false }, 'NEGOTIATION')).toBe(false)
		expect(confidentialOpen({ buyer: true, seller: true }, 'NEGOTIATION')).toBe(true)
		expect(confidentialOpen({ buyer: true, seller: true }, 'CANCELLED')).toBe(false)
	})

	it('shows a person who is both buyer-side and operator the union of their moves', () => {
		const actions = availableActions(['buyer', 'operator'], facts('AGREEMENT'))
		expect(actions).toContain('payMilestone')
		expect(actions).toContain('confirmBankTransfer')
		expect(actions).toContain('assignBroker')
		expect(actions).not.toContain('signTerms')
	})
})
