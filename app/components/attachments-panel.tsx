import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatFileSize } from '~/uploads/format'
import { ACCEPT_ATTRIBUTE, ALLOWED_EXTENSIONS_LABEL, isUploadErrorCode, MAX_ATTACHMENTS_PER_LISTING, MAX_FILE_BYTES } from '~/uploads/rules'
import { formatDate } from '~/utils/format'

export type AttachmentItem = {
	id: string
	fileName: string
	mimeType: string
	size: number
	confidential: boolean
	createdAt: Date | string
}

export type AttachmentsPanelProps = {
	kind: 'offer' | 'demand'
	listingId: string
	/** Only what the viewer may download (listAttachments does the filtering). */
	attachments: AttachmentItem[]
	canEdit: boolean
	/** An `uploads.errors.*` code, e.g. from uploadErrorFrom(request.url); anything else is ignored. */
	error?: string | null
	/** Where the forms return to: the page showing this panel (a same-site path). */
	redirectTo: string
}

/**
 * A listing's files: download links for everyone who may see them and, for editors, a delete button
 * per file and an upload form. Plain HTML forms, so it all works before (or without) JavaScript.
 */
export function AttachmentsPanel({ kind, listingId, attachments, canEdit, error, redirectTo }: AttachmentsPanelProps) {
	const { t, i18n } = useTranslation()
	const locale = i18n.language === 'en' ? 'en' : 'vi'
	const id = useId()
	const action = `/${kind}s/${encodeURIComponent(listingId)}/attachments`
	const limits = { max: formatFileSize(MAX_FILE_BYTES, locale), count: MAX_ATTACHMENTS_PER_LISTING, types: ALLOWED_EXTENSIONS_LABEL }
	const errorText = error && isUploadErrorCode(error) ? t(error, limits) : null
	const full = attachments.length >= MAX_ATTACHMENTS_PER_LISTING

	return (
		<section className="attachments-panel" aria-labelledby={`${id}-title`}>
			<h2 id={`${id}-title`}>{t('uploads.title')}</h2>
			{errorText ? (
				<p className="notice notice--error" role="alert" id={`${id}-error`}>
					{errorText}
				</p>
			) : null}

			{attachments.length === 0 ? (
				<p>{t('uploads.empty')}</p>
			) : (
				<ul className="attachments-list" aria-label={t('uploads.listLabel')}>
					{attachments.map((attachment) => (
						<li key={attachment.id}>
							{/* A plain link: the file is a download, not a page the router could render. */}
							<a href={`/attachments/${encodeURIComponent(attachment.id)}`} aria-label={t('uploads.download', { name: attachment.fileName })}>
								{attachment.fileName}
							</a>{' '}
							<span className="field-hint">
								{formatFileSize(attachment.size, locale)} · {t('uploads.uploadedOn', { date: formatDate(attachment.createdAt, locale) })}
							</span>
							{attachment.confidential ? (
								<>
									{' '}
									<span className="badge">{t('uploads.confidentialBadge')}</span>
								</>
							) : null}
							{canEdit ? (
								<form method="post" action={action} className="inline-form" style={{ display: 'inline-flex', marginLeft: '0.5rem' }}>
									<input type="hidden" name="intent" value="delete" />
									<input type="hidden" name="attachmentId" value={attachment.id} />
									<input type="hidden" name="redirectTo" value={redirectTo} />
									<button type="submit" className="button button--small button--danger" aria-label={t('uploads.deleteLabel', { name: attachment.fileName })}>
										{t('uploads.delete')}
									</button>
								</form>
							) : null}
						</li>
					))}
				</ul>
			)}

			{canEdit ? (
				full ? (
					<p className="field-hint">{t('uploads.full', { count: MAX_ATTACHMENTS_PER_LISTING })}</p>
				) : (
					<form method="post" action={action} encType="multipart/form-data" className="attachments-upload" aria-labelledby={`${id}-add`}>
						<h3 id={`${id}-add`}>{t('uploads.addTitle')}</h3>
						<input type="hidden" name="intent" value="upload" />
						<input type="hidden" name="redirectTo" value={redirectTo} />
						<div className="field">
							<label htmlFor={`${id}-file`}>{t('uploads.fileLabel')}</label>
							<input
								id={`${id}-file`}
								type="file"
								name="file"
								required
								accept={ACCEPT_ATTRIBUTE}
								aria-describedby={`${id}-hint${errorText ? ` ${id}-error` : ''}`}
								aria-invalid={errorText ? true : undefined}
							/>
							<p id={`${id}-hint`} className="field-hint">
								{t('uploads.hint', limits)} {t('uploads.legacyHint')}
							</p>
						</div>
						<label className="checkbox">
							<input type="checkbox" name="confidential" value="on" aria-describedby={`${id}-confidential-hint`} />
							<span>{t('uploads.confidentialLabel')}</span>
						</label>
						<p id={`${id}-confidential-hint`} className="field-hint">
							{t('uploads.confidentialHint')}
						</p>
						<button type="submit" className="button">
							{t('uploads.submit')}
						</button>
					</form>
				)
			) : null}
		</section>
	)
}
