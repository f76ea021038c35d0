import { bankTransferProvider } from '~/payments/bank-transfer.server'
import type { PaymentProvider, ProviderName } from '~/payments/provider'
import { stripeProvider } from '~/payments/stripe.server'

const PROVIDERS: readonly PaymentProvider[] = [bankTransferProvider, stripeProvider]

/** The providers that can take a payment here, bank transfer first (the default). */
export function availableProviders(): ProviderName[] {
	return PROVIDERS.filter((p) => p.available()).map((p) => p.name)
}

/** The provider by name when it is available, else null. */
export function paymentProvider(name: ProviderName): PaymentProvider | null {
	const provider = PROVIDERS.find((p) => p.name === name)
	return provider?.available() ? provider : null
}
