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

/** The outcome of the last claim action (sent, released, saved, claimed, or a refusal), for the top of the expert page. */
export function ExpertClaimNotice({ panel }: { panel: Pick<ClaimPanelData, 'done' | 'error' | 'maskedEmail' | 'hours'> }) {
	const { t } = useTranslation()
	if (panel.error) {
		return (
			<p className="notice notice--error" role="alert" data-testid="expert-claim-notice">
				{t(panel.error as 'expertProfile.errors.noEmail')}
			</p>
		)
	}
	if (!panel.done) return null
	return (
		<p className="notice notice--success" role="status" data-testid="expert-claim-notice">
			{panel.done === 'sent' ? t('expertProfile.panel.sent', { email: panel.maskedEmail ?? '', hours: panel.hours }) : t(`expertProfile.panel.${panel.done}`)}
		</p>
	)
}

/**
 * The expert page's claim panel: "This is my profile" for signed-in users while the profile is
 * unclaimed and has an e-mail (naming the masked address the link goes to), "Edit my profile" for
 * the claimant, "Release claim" for operators. Nothing for other viewers of a claimed profile.
 */
export function ExpertClaimPanel({ expertId, panel, loginRedirect }: { expertId: string; panel: ClaimPanelData; loginRedirect?: string }) {
	const { t } = useTranslation()
	const action = `/experts/${expertId}/claim`
	if (panel.claimed && !panel.isClaimant && !panel.canRelease) return null
	return (
		<section className="card narrow" data-testid="expert-claim-panel">
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
			{!panel.claimed ? (
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
