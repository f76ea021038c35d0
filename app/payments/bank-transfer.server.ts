import type { PaymentProvider } from '~/payments/provider'
import { buildVietQr } from '~/payments/vietqr'
import { getEnv } from '~/utils/env.server'

// Outside production an unconfigured exchange still shows the whole flow, against an account that
// is labelled as a demo on every screen; production refuses bank transfers until one is configured.
const DEMO = { bankBin: '970436', accountNumber: '0011000000000', accountName: 'CAU NOI DEMO' }

/** The platform's receiving account, or null when bank transfers cannot be taken. */
export function platformAccount() {
	const env = getEnv()
	if (env.BANK_BIN && env.BANK_ACCOUNT) return { bankBin: env.BANK_BIN, accountNumber: env.BANK_ACCOUNT, accountName: env.BANK_ACCOUNT_NAME ?? env.PLATFORM_LEGAL_NAME, demo: false }
	return env.NODE_ENV === 'production' ? null : { ...DEMO, demo: true }
}

/** Bank transfer to the platform's account with a VietQR code; an operator confirms receipt. */
export const bankTransferProvider: PaymentProvider = {
	name: 'BANK_TRANSFER',
	available: () => platformAccount() !== null,
	async start(payment) {
		const account = platformAccount()
		if (!account) throw new Error('No bank account is configured (BANK_BIN, BANK_ACCOUNT)')
		const payload = buildVietQr({ bankBin: account.bankBin, accountNumber: account.accountNumber, amount: payment.amount, reference: payment.reference })
		return { kind: 'bank-transfer', payload, ...account }
	},
}
