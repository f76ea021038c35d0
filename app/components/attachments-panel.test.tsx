// The panel rendered to HTML as the server sends it: what works before any JavaScript runs.
import i18next from 'i18next'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test } from 'vitest'
import { resources, type AppLocale } from '~/locales'
import { ACCEPT_ATTRIBUTE, MAX_ATTACHMENTS_PER_LISTING } from '~/uploads/rules'
import { AttachmentsPanel, type AttachmentsPanelProps } from './attachments-panel'

function render(props: Partial<AttachmentsPanelProps>, locale: AppLocale = 'vi') {
	const i18n = i18next.createInstance()
	void i18n.init({ resources, lng: locale, fallbackLng: 'vi', initAsync: false, interpolation: { escapeValue: false } })
	const full: AttachmentsPanelProps = { kind: 'offer', listingId: 'offer1', attachments: [], canEdit: true, redirectTo: '/offers/offer1/edit?step=attachments', ...props }
	return renderToStaticMarkup(
		<I18nextProvider i18n={i18n}>
			<AttachmentsPanel {...full} />
		</I18nextProvider>,
	)
}

const file = (n: number, extra: Partial<AttachmentsPanelProps['attachments'][number]> = {}) => ({
	id: `att${n}`,
	fileName: `Hồ sơ ${n}.pdf`,
	mimeType: 'application/pdf',
	size: 1536 * 1024,
	confidential: false,
	createdAt: new Date('2026-11-23T03:00:00Z'),
	...extra,
})

describe('AttachmentsPanel', () => {
	test('an editor gets a multipart upload form that names the limits, and a delete form per file', () => {
		const html = render({ attachments: [file(1, { confidential: true })] })
		expect(html).toContain('action="/offers/offer1/attachments"')
		// HTML attribute names are case-insensitive; React writes "encType".
		expect(html).toMatch(/enctype="multipart\/form-data"/i)
		expect(html).toContain(`accept="${ACCEPT_ATTRIBUTE}"`)
		expect(html).toContain('name="confidential"')
		expect(html).toContain('value="/offers/offer1/edit?step=attachments"')
		expect(html).toContain('name="intent" value="delete"')
		expect(html).toContain('name="attachmentId" value="att1"')
		expect(html).toContain('href="/attachments/att1"')
		expect(html).toContain('1,5 MB')
		expect(html).toContain('23/11/2026')
		expect(html).toContain('Bảo mật')
		expect(html).toContain('Mỗi tệp tối đa 20 MB, mỗi tin tối đa 10 tệp.')
	})

	test('a reader gets only the links', () => {
		const html = render({ attachments: [file(1)], canEdit: false })
		expect(html).toContain('href="/attachments/att1"')
		expect(html).not.toContain('<form')
	})

	test('shows the translated refusal, and ignores codes that are not upload errors', () => {
		expect(render({ error: 'uploads.errors.type' }, 'en')).toContain('This type of file is not accepted. Accepted formats: PDF, PNG, JPG, WEBP, GIF, DOCX, XLSX, PPTX, ODT, ODS.')
		expect(render({ error: 'uploads.errors.tooLarge' })).toContain('Tệp quá lớn: mỗi tệp tối đa 20 MB.')
		const crafted = render({ error: 'auth.login.title' })
		expect(crafted).not.toContain('role="alert"')
	})

	test('a full listing offers no upload form', () => {
		const html = render({ attachments: Array.from({ length: MAX_ATTACHMENTS_PER_LISTING }, (_, i) => file(i)) })
		expect(html).not.toContain('multipart/form-data')
		expect(html).toContain('đã có đủ 10 tệp')
	})

	test('sizes follow the language', () => {
		expect(render({ attachments: [file(1)] }, 'en')).toContain('1.5 MB')
	})
})
