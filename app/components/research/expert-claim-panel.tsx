import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { ClaimPanelData } from '~/models/expert-claim.server'

/** The "verified profile" badge of a claimed expert, for the page's heading. */
export function VerifiedExpertBadge({ panel }: { panel: Pick<ClaimPanelData, 'claimed'> }) {
	const { t } = useTranslation()
	if (!panel.claimed) return null
	return (
		<span className="badge badge--ok" title={t('expertProfile.panel.verifiedHint')} data-testid="expert-verified">
			✓ {t('expertProfile.panel.verified')}
		</span>
	)
}

/**
 * The expert page's claim panel: "This is my profile" for signed-in users while the profile is
 * unclaimed and has an e-mail (naming the masked address the link goes to), "Edit my profile" for
 * the claimant, "Release claim" for operators, and the outcome of the last of these.
 */
export function ExpertClaimPanel({ expertId, panel, loginRedirect }: { expertId: string; panel: ClaimPanelData; loginRedirect?: string }) {
	const { t } = useTranslation()
	const action = `/experts/${expertId}/claim`
	const notice = panel.done ? (
		<p className="notice notice--success" role="status">
			{panel.done === 'sent' ? t('expertProfile.panel.sent', { email: panel.maskedEmail ?? '', hours: panel.hours }) : t(`expertProfile.panel.${panel.done}`)}
		</p>
	) : null
	const error = panel.error ? (
		<p className="notice notice--error" role="alert">
			{t(panel.error as 'expertProfile.errors.noEmail')}
		</p>
	) : null
	const showClaim = !panel.claimed
	if (!showClaim && !panel.isClaimant && !panel.canRelease && !notice && !error) return null
	return (
		<section className="card" data-testid="expert-claim-panel">
			{notice}
			{error}
			{panel.claimed ? (
				<p>
					<VerifiedExpertBadge panel={panel} /> <span className="muted">{t('expertProfile.panel.verifiedHint')}</span>
				</p>
			) : null}
			{panel.isClaimant ? (
				<p>
					<Link to={`/experts/${expertId}/edit`} className="button">
						{t('expertProfile.panel.edit')}
					</Link>
				</p>
			) : null}
			{showClaim ? (
				<>
					<h2>{t('expertProfile.panel.title')}</h2>
					<p className="muted">{t('expertProfile.panel.claimLead')}</p>
					{!panel.hasEmail ? (
						<p className="muted">{t('expertProfile.panel.noEmail')}</p>
					) : panel.signedIn ? (
						<Form method="post" action={action}>
							<input type="hidden" name="intent" value="request" />
							<p className="field-hint">{t('expertProfile.panel.sendsTo', { email: panel.maskedEmail ?? '' })}</p>
							<button type="submit" className="button button--ghost">
								{t('expertProfile.panel.claim')}
							</button>
						</Form>
					) : (
						<Link to={`/login?redirectTo=${encodeURIComponent(loginRedirect ?? `/experts/${expertId}`)}`} className="button button--ghost">
							{t('expertProfile.panel.loginToClaim')}
						</Link>
					)}
				</>
			) : null}
			{panel.canRelease ? (
				<Form method="post" action={action}>
					<input type="hidden" name="intent" value="release" />
					<p className="field-hint">
						{t('expertProfile.panel.releaseHint')}
						{panel.claimantName ? ` ${t('expertProfile.panel.claimedBy', { name: panel.claimantName })}` : ''}
					</p>
					<button type="submit" className="button button--ghost button--danger">
						{t('expertProfile.panel.release')}
					</button>
				</Form>
			) : null}
		</section>
	)
}
