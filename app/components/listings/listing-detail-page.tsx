import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useActionData, useFetcher, useLoaderData } from 'react-router'
import { AttachmentsPanel } from '~/components/attachments-panel'
import { EvidenceCard } from '~/components/listings/evidence'
import { MoneyRange } from '~/components/listings/money'
import { StatusBadge } from '~/components/listings/status-badge'
import { Markdown } from '~/components/markdown'
import type { ListingDetailData } from '~/listings/detail.server'
import { useRootData } from '~/root'
import { formatDate } from '~/utils/format'

/** An offer or a demand: public facts for everyone, status, banners and actions for its organisation. */
export function ListingDetailPage() {
	const data = useLoaderData() as ListingDetailData
	const actionData = useActionData() as { error?: string | null } | undefined
	const { t } = useTranslation()
	const { kind, listing, access, pendingFields, fieldNames, attachments, evidence, canonicalUrl, locale, done } = data
	const l = listing as typeof listing & Record<string, unknown>
	const area = kind === 'offer' ? 'offers' : 'demands'
	const insider = access.isMember || access.canModerate
	const viewer = useRootData()?.user ?? null
	// Someone of another organisation may write to the contact person about a published listing.
	const canMessage = Boolean(viewer && listing.contactUser && listing.contactUser.id !== viewer.id && !access.isMember && listing.status === 'PUBLISHED')
	const beacon = useFetcher()
	useEffect(() => {
		if (listing.status === 'PUBLISHED' && !insider) void beacon.submit({ intent: 'view' }, { method: 'post' })
		// One view per page load.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [listing.id])
	const pending = listing.pendingChanges ? (listing.pendingSince ? 'review' : 'returned') : null
	const share = encodeURIComponent(canonicalUrl)
	return (
		<article className="page" data-testid="listing-detail">
			<header className="page-head">
				<div>
					<p className="meta-line">
						<span className="badge">{t(`listings.kind.${kind}`)}</span>
						{insider ? <StatusBadge status={listing.status} pending={pending} /> : null}
						{evidence.length > 0 ? (
							<a href="#evidence-title" className="badge badge--ok" data-testid="evidence-badge">
								{t('listings.evidence.badge')}
							</a>
						) : null}
					</p>
					<h1>{listing.title}</h1>
					<p className="meta-line">
						<Link to={`/organisations/${listing.organisation.slug}`}>{listing.organisation.name}</Link>
						{listing.organisation.verifiedAt ? <span className="badge badge--ok">✓ {t('listings.detail.verifiedOrg')}</span> : null}
						{listing.province ? <span>{locale === 'vi' ? listing.province.nameVi : listing.province.nameEn}</span> : null}
						{listing.publishedAt ? <span>{t('listings.fields.publishedAt')}: {formatDate(listing.publishedAt, locale)}</span> : null}
						<span>{t('listings.fields.views', { count: listing.viewCount })}</span>
					</p>
				</div>
				{access.isMember ? (
					<div className="actions-row">
						{access.canEdit ? (
							<Link to={`/${area}/${listing.id}/edit`} className="button button--ghost">
								{t('listings.detail.edit')}
							</Link>
						) : null}
						<Form method="post" className="actions-row">
							{listing.status === 'DRAFT' || listing.status === 'RETURNED' || (pending === 'returned') ? (
								<button type="submit" name="intent" value="submit" className="button">
									{t('listings.detail.submit')}
								</button>
							) : null}
							{listing.status === 'PUBLISHED' || listing.status === 'EXPIRED' ? (
								<button type="submit" name="intent" value="renew" className="button button--ghost">
									{t('listings.detail.renew')}
								</button>
							) : null}
							{listing.status === 'ARCHIVED' ? (
								<button type="submit" name="intent" value="restore" className="button button--ghost">
									{t('listings.detail.restore')}
								</button>
							) : (
								<button type="submit" name="intent" value="archive" className="button button--ghost button--danger">
									{t('listings.detail.archive')}
								</button>
							)}
						</Form>
					</div>
				) : null}
			</header>

			{done ? (
				<p className="notice notice--success" role="status">
					{t(`listings.detail.done.${done}` as 'listings.detail.done.submitted', { defaultValue: '' })}
				</p>
			) : null}
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{t(actionData.error as 'errors.server')}
				</p>
			) : null}
			{insider && listing.status !== 'PUBLISHED' ? <p className="notice">{t('listings.detail.notPublic')}</p> : null}
			{insider && listing.returnReason ? (
				<p className="notice notice--error" data-testid="return-reason">
					{t('listings.detail.returnedBecause', { reason: listing.returnReason })}
				</p>
			) : null}
			{insider && pending === 'review' ? <p className="notice">{t('listings.detail.pendingBanner')}</p> : null}

			<div className="detail-grid">
				<div className="stack">
					<section className="card">
						{kind === 'offer' ? (
							<>
								{l.summary ? <p className="lead">{l.summary as string}</p> : null}
								<Markdown>{(l.description as string) ?? ''}</Markdown>
							</>
						) : (
							<>
								<h2>{t('listings.fields.problem')}</h2>
								<Markdown>{(l.problem as string) ?? ''}</Markdown>
								<h2>{t('listings.fields.desiredOutcome')}</h2>
								<Markdown>{(l.desiredOutcome as string) ?? ''}</Markdown>
							</>
						)}
					</section>
					{kind === 'offer' && (insider || data.admitted) && l.confidential ? (
						<section className="card card--confidential" data-testid="confidential">
							<h2>{t('listings.detail.confidential')}</h2>
							<Markdown>{l.confidential as string}</Markdown>
						</section>
					) : null}
					<EvidenceCard items={evidence} locale={locale} />
					<section className="card">
						<AttachmentsPanel kind={kind} listingId={listing.id} attachments={attachments} canEdit={false} redirectTo={`/${area}/${listing.id}`} />
					</section>
					<section className="card">
						<h2>{t('listings.detail.related')}</h2>
						<p className="muted">{t('listings.detail.relatedSoon')}</p>
					</section>
				</div>
				<aside className="stack">
					{data.deal ? (
						<section className="card" data-testid="deal-entry">
							<h2>{t('deals.entry.title')}</h2>
							{data.deal.openDealId ? (
								<Link to={`/deals/${data.deal.openDealId}`} className="button">
									{t('deals.entry.open')}
								</Link>
							) : data.deal.canStart ? (
								<>
									<p className="muted">{t('deals.entry.hint')}</p>
									<Link to={`/deals/new?${kind}=${listing.id}`} className="button" data-testid="start-deal">
										{t('deals.entry.start')}
									</Link>
								</>
							) : null}
						</section>
					) : null}
					<section className="card">
						<dl className="facts">
							<dt>{t('listings.fields.fieldCodes')}</dt>
							<dd>
								{listing.fieldCodes.map((c) => (
									<span key={c} className="badge">
										{fieldNames[c] ?? c}
									</span>
								))}
							</dd>
							{kind === 'offer' ? (
								<>
									<dt>TRL</dt>
									<dd>{(l.trl as number | null) ?? t('listings.fields.notSet')}</dd>
									<dt>{t('listings.fields.ipStatus')}</dt>
									<dd>
										{t(`listings.ipStatus.${l.ipStatus as 'NONE'}`)}
										{l.ipNumbers ? ` (${l.ipNumbers as string})` : ''}
									</dd>
									<dt>{t('listings.fields.price')}</dt>
									<dd>
										<MoneyRange min={l.priceMin as bigint | null} max={l.priceMax as bigint | null} open={Boolean(l.priceNegotiable)} openLabel="negotiable" />
									</dd>
								</>
							) : (
								<>
									<dt>{t('listings.fields.minTrl')}</dt>
									<dd>{(l.minTrl as number | null) ?? t('listings.fields.notSet')}</dd>
									<dt>{t('listings.fields.budget')}</dt>
									<dd>
										<MoneyRange min={l.budgetMin as bigint | null} max={l.budgetMax as bigint | null} open={Boolean(l.budgetUndisclosed)} openLabel="undisclosed" />
									</dd>
									{l.deadline ? (
										<>
											<dt>{t('listings.fields.deadline')}</dt>
											<dd>{formatDate(l.deadline as Date, locale)}</dd>
										</>
									) : null}
								</>
							)}
							<dt>{t('listings.fields.transferModes')}</dt>
							<dd>{listing.transferModes.map((m) => t(`listings.transferModes.${m}`)).join(', ') || t('listings.fields.notSet')}</dd>
							{listing.keywords.length > 0 ? (
								<>
									<dt>{t('listings.fields.keywords')}</dt>
									<dd>{listing.keywords.join(', ')}</dd>
								</>
							) : null}
							{listing.expiresAt && insider ? (
								<>
									<dt>{t('listings.fields.expiresAt')}</dt>
									<dd>{formatDate(listing.expiresAt, locale)}</dd>
								</>
							) : null}
						</dl>
						{pendingFields.length > 0 ? (
							<p className="muted">
								{t('listings.status.pendingEdits')}: {pendingFields.map((f) => t(`listings.fields.${f}` as 'listings.fields.title', { defaultValue: f })).join(', ')}
							</p>
						) : null}
					</section>
					<section className="card">
						<h2>{t('listings.detail.owner')}</h2>
						<p>
							<Link to={`/organisations/${listing.organisation.slug}`}>{listing.organisation.name}</Link>
							<br />
							<span className="muted">{t(`organisationTypes.${listing.organisation.type}`)}</span>
						</p>
						{listing.contactUser ? (
							<p>
								{t('listings.detail.contact')}: {listing.contactUser.name}
							</p>
						) : null}
						{canMessage && listing.contactUser ? (
							<Form method="post" action="/messages/new" reloadDocument data-testid="message-contact">
								<input type="hidden" name="context" value={kind} />
								<input type="hidden" name="contextId" value={listing.id} />
								<input type="hidden" name="userId" value={listing.contactUser.id} />
								<button type="submit" className="button button--ghost" title={t('chat.open.title', { name: listing.contactUser.name })}>
									{t('chat.open.button')}
								</button>
							</Form>
						) : null}
					</section>
					<section className="card">
						<h2>{t('listings.detail.share')}</h2>
						<p className="actions-row share-links">
							<a href={`https://www.facebook.com/sharer/sharer.php?u=${share}`} rel="noopener noreferrer" target="_blank">
								Facebook
							</a>
							<a href={`https://www.linkedin.com/sharing/share-offsite/?url=${share}`} rel="noopener noreferrer" target="_blank">
								LinkedIn
							</a>
							<a href={`https://zalo.me/share?u=${share}`} rel="noopener noreferrer" target="_blank">
								Zalo
							</a>
							<a href={`mailto:?subject=${encodeURIComponent(listing.title)}&body=${share}`}>Email</a>
						</p>
						<label className="field">
							<span className="visually-hidden">{t('listings.detail.copyLink')}</span>
							<input readOnly value={canonicalUrl} onFocus={(e) => e.currentTarget.select()} />
						</label>
					</section>
				</aside>
			</div>
		</article>
	)
}
