import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import { TRANSFER_MODES } from '~/models/listing-schema'

/** An operator's "the money arrived" on a pending bank transfer, with the bank's own reference. */
export function ConfirmTransferForm({ paymentId, intent }: { paymentId: string; intent: string }) {
	const { t } = useTranslation()
	return (
		<Form method="post" className="inline-form">
			<input type="hidden" name="paymentId" value={paymentId} />
			<label>
				<span className="visually-hidden">{t('deals.payments.bankRef')}</span>
				<input name="bankRef" placeholder={t('deals.payments.bankRef')} maxLength={100} />
			</label>
			<button type="submit" name="intent" value={intent} className="button button--small">
				{t('deals.payments.confirmReceipt')}
			</button>
		</Form>
	)
}

/** The transfer modes of the Law on Technology Transfer, as a select. */
export function TransferModeSelect({ name, defaultValue }: { name: string; defaultValue: string }) {
	const { t } = useTranslation()
	return (
		<select name={name} defaultValue={defaultValue} aria-describedby={`${name}-errors`}>
			<option value="">{t('deals.actions.choose')}</option>
			{TRANSFER_MODES.map((m) => (
				<option key={m} value={m}>
					{t(`listings.transferModes.${m}`)}
				</option>
			))}
		</select>
	)
}
