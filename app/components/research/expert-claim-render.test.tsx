// The claimant's editor, the evidence panel and the claim panel rendered to HTML as the server sends
// them: plain forms that work before any JavaScript runs.
import i18next from 'i18next'
import type { ComponentType } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { createRoutesStub } from 'react-router'
import { describe, expect, test } from 'vitest'
import { EvidenceCard, EvidencePanel } from '~/components/listings/evidence'
import { resources } from '~/locales'
import EditExpertProfilePage from '~/routes/experts/edit'
import { ExpertClaimNotice, ExpertClaimPanel } from './expert-claim-panel'

function i18n() {
	const instance = i18next.createInstance()
	void instance.init({ resources, lng: 'vi', fallbackLng: 'vi', initAsync: false, interpolation: { escapeValue: false } })
	return instance
}

/** Renders a component inside a data router at `path`, with `loaderData` as if loaded. */
function render(Component: ComponentType<never>, path: string, pattern: string, loaderData: unknown = null) {
	const Stub = createRoutesStub([{ id: 'page', path: pattern, Component: Component as ComponentType, loader: () => loaderData }])
	return renderToStaticMarkup(
		<I18nextProvider i18n={i18n()}>
			<Stub initialEntries={[path]} hydrationData={{ loaderData: { page: loaderData } }} />
		</I18nextProvider>,
	)
}

const panel = {
	claimed: false,
	claimedAt: null,
	isClaimant: false,
	signedIn: true,
	canClaim: true,
	hasEmail: true,
	maskedEmail: 'n•••@vnu.edu.vn',
	canRelease: false,
	claimantName: null,
	hours: 24,
	done: null,
	error: null,
}

describe('claim panel', () => {
	test('a signed-in visitor of an unclaimed profile gets a POST form naming where the link goes', () => {
		const html = render(() => <ExpertClaimPanel expertId="e1" panel={panel} />, '/experts/e1', '/experts/:id')
		expect(html).toContain('action="/experts/e1/claim"')
		expect(html).toContain('method="post"')
		expect(html).toContain('Đây là hồ sơ của tôi')
		expect(html).toContain('Chúng tôi sẽ gửi liên kết xác nhận tới n•••@vnu.edu.vn.')
	})

	test('the claimant gets the editor link, operators the release, notices say what happened', () => {
		const claimant = render(() => <ExpertClaimPanel expertId="e1" panel={{ ...panel, claimed: true, isClaimant: true, maskedEmail: null }} />, '/experts/e1', '/experts/:id')
		expect(claimant).toContain('href="/experts/e1/edit"')
		expect(claimant).toContain('Hồ sơ đã xác minh')
		expect(claimant).not.toContain('Đây là hồ sơ của tôi')
		const operator = render(() => <ExpertClaimPanel expertId="e1" panel={{ ...panel, claimed: true, canRelease: true, claimantName: 'Trần An' }} />, '/experts/e1', '/experts/:id')
		expect(operator).toContain('name="intent" value="release"')
		expect(operator).toContain('Tài khoản đã nhận hồ sơ: Trần An')
		expect(render(() => <ExpertClaimPanel expertId="e1" panel={{ ...panel, claimed: true }} />, '/experts/e1', '/experts/:id')).toBe('')
		const sent = render(() => <ExpertClaimNotice panel={{ ...panel, done: 'sent' }} />, '/experts/e1', '/experts/:id')
		expect(sent).toContain('Đã gửi liên kết xác nhận tới n•••@vnu.edu.vn. Liên kết có hiệu lực trong 24 giờ.')
	})
})

describe('evidence', () => {
	const item = (id: string, host: { id: string; slug: string; name: string } | null) => ({
		id,
		taskCode: 'KC.04.12/16-20',
		title: 'Nghiên cứu chế phẩm vi sinh',
		level: 'NATIONAL' as const,
		hostName: host?.name ?? 'Trường Đại học Cần Thơ',
		hostOrganisation: host,
		registrationNumber: '2021-52-0123/KQNC',
		registrationDate: new Date('2021-03-15'),
		startYear: 2017,
		endYear: 2020,
	})
	const own = { id: 'org1', slug: 'vien-a', name: 'Viện A' }

	test('the editor panel: a GET search, remove and link forms, and a note on results hosted elsewhere', () => {
		const data = { organisationId: 'org1', query: 'vi sinh', linked: [item('t1', own)], results: [item('t2', null)], error: null, done: 'linked' as const }
		const html = render(() => <EvidencePanel offerId="o1" data={data} locale="vi" />, '/offers/o1/edit?step=technical', '/offers/:id/edit')
		expect(html).toMatch(/<form[^>]*action="\/offers\/o1\/edit#evidence" method="get"/)
		expect(html).toContain('name="evidenceQuery" value="vi sinh"')
		expect(html).toContain('action="/offers/o1/evidence"')
		expect(html).toContain('name="intent" value="unlink"')
		expect(html).toContain('name="intent" value="link"')
		expect(html).toContain('href="/task-results/t1"')
		expect(html).toContain('Tổ chức chủ trì là một tổ chức khác (Trường Đại học Cần Thơ)')
		expect(html.match(/Tổ chức chủ trì là một tổ chức khác/g)).toHaveLength(1)
		expect(html).toContain('Đã liên kết kết quả nhiệm vụ với tin.')
		expect(html).toContain('Số đăng ký: 2021-52-0123/KQNC ngày 15/03/2021')
	})

	test('the offer page card lists each result with its level and host, and nothing without evidence', () => {
		const html = render(() => <EvidenceCard items={[item('t1', own)]} locale="vi" />, '/offers/o1', '/offers/:id')
		expect(html).toContain('Dựa trên kết quả nhiệm vụ KH&amp;CN đã đăng ký')
		expect(html).toContain('Cấp quốc gia')
		expect(html).toContain('href="/organisations/vien-a"')
		expect(render(() => <EvidenceCard items={[]} locale="vi" />, '/offers/o1', '/offers/:id')).toBe('')
	})
})

describe("the claimant's editor", () => {
	test('renders the values, the imported publications read-only and blank lines to add more', () => {
		const loaderData = {
			id: 'e1',
			fullName: 'Nguyễn Văn An',
			claimed: true,
			importedPublications: [{ title: 'Bài đã nhập', year: 2019, venue: 'Tạp chí' }],
			provinces: [{ code: '01', name: 'Hà Nội' }],
			fields: [{ code: '1', name: 'Khoa học tự nhiên', level: 1 }],
			defaultValue: {
				academicTitle: '',
				degree: 'DOCTOR',
				organisationName: 'Viện A',
				provinceCode: '01',
				fieldCodes: ['1'],
				keywords: 'vi sinh',
				bio: 'Giới thiệu',
				availableForAppraisal: 'on',
				availableForConsulting: undefined,
				availabilityNote: '',
				publications: [{ title: 'Bài của tôi', year: '2022', venue: '' }],
			},
		}
		const html = render(EditExpertProfilePage as ComponentType<never>, '/experts/e1/edit', '/experts/:id/edit', loaderData)
		expect(html).toContain('value="Viện A"')
		expect(html).toContain('value="Bài của tôi"')
		expect(html).toContain('name="publications[1].title"')
		expect(html).toContain('name="publications[3].title"')
		expect(html).not.toContain('name="publications[4].title"')
		expect(html).toContain('Bài đã nhập')
		expect(html).toMatch(/name="availableForAppraisal"[^>]*checked=""/)
		expect(html).toContain('Bạn đã xác nhận đây là hồ sơ của mình.')
	})
})
