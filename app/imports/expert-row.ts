// One expert as a file row or an API item: read, cleaned and checked field by field. Pure.
import { z } from 'zod'
import {
	EXPERT_LIMITS as L,
	identityKey,
	parseTitleAndDegree,
	splitNamePrefix,
	TASK_ROLES,
	type ExpertValues,
	type Publication,
	type TaskReference,
	type TaskRoleValue,
} from '~/models/expert-schema'
import { foldVietnamese } from '~/utils/provinces'
import { normalizeEmail } from '~/utils/text'
import { cellLines, cellList, cellText, cellYear, type Cell } from './cells'
import { Issues, type OrganisationIndex } from './issues'
import { readFieldCodes, readKeywords, readProvince, readText } from './read-fields'
import type { RowResult } from './task-result-row'

export type ExpertRow = {
	/** Only the fields the source carried: on an update, the others keep their stored values. */
	values: Partial<ExpertValues>
	/** Set when the source carried the organisation's name: the platform organisation it names, or null. */
	organisationId?: string | null
	organisationProvinceCode?: string
	/** The e-mail key, when the source gives one. */
	email: string | null
	identityKey: string
	key: string
	label: string
}

const Email = z.email()

const ROLE_WORDS: Array<[RegExp, TaskRoleValue]> = [
	[/^(chu nhiem|chu tri|principal investigator|pi|lead|leader)$/, 'PRINCIPAL_INVESTIGATOR'],
	[/^(thu ky|thu ky khoa hoc|secretary)$/, 'SECRETARY'],
	[/^(thanh vien|thanh vien chinh|tham gia|member|participant|co investigator)$/, 'MEMBER'],
]

function role(text: string): TaskRoleValue | null {
	const upper = text.trim().toUpperCase()
	if ((TASK_ROLES as readonly string[]).includes(upper)) return upper as TaskRoleValue
	const key = foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim()
	return ROLE_WORDS.find(([re]) => re.test(key))?.[1] ?? null
}

/** "KC.01.05/16-20 (chủ nhiệm)", "2019-24-123/KQNC: thành viên", a bare reference (a member), or { ref, role }. */
function readTasks(cell: Cell, issues: Issues): TaskReference[] {
	const out: TaskReference[] = []
	const items = Array.isArray(cell) ? (cell as unknown[]) : cellList(cell)
	for (const item of items) {
		let ref: string
		let roleText = ''
		if (item && typeof item === 'object') {
			const o = item as Record<string, Cell>
			ref = cellText(o.ref ?? o.registrationNumber ?? o.taskCode)
			roleText = cellText(o.role)
		} else {
			const text = cellText(item as Cell)
			const match = /^(.+?)\s*(?:\(([^()]+)\)|:\s*([^:/]+))$/.exec(text)
			ref = match ? match[1]!.trim() : text
			roleText = match ? (match[2] ?? match[3] ?? '').trim() : ''
			// "… : thành viên" only splits when the tail names a role; otherwise the colon belongs to the code.
			if (match && roleText && !role(roleText)) {
				ref = text
				roleText = ''
			}
		}
		if (!ref) continue
		const parsed = roleText ? role(roleText) : 'MEMBER'
		if (!parsed) {
			issues.add('tasks', 'taskRole', { value: roleText.slice(0, 60) })
			continue
		}
		if (!out.some((t) => t.ref === ref)) out.push({ ref: ref.slice(0, 80), role: parsed })
	}
	if (out.length > L.tasks) issues.add('tasks', 'tooManyItems', { max: L.tasks })
	return out
}

/** "2019 | Title | Venue", "Title (2019). Venue", a bare title, or { title, year, venue }. */
function readPublications(cell: Cell, issues: Issues, maxYear: number): Publication[] {
	const out: Publication[] = []
	for (const item of cellLines(cell)) {
		let title = ''
		let venue = ''
		let year: number | null = null
		if (typeof item === 'object') {
			title = cellText(item.title as Cell)
			venue = cellText(item.venue as Cell)
			const y = cellYear(item.year as Cell)
			year = y !== null && Number.isNaN(y) ? -1 : y
		} else if (item.includes('|')) {
			const parts = item.split('|').map((p) => p.trim())
			const yearAt = parts.findIndex((p) => /^\d{4}$/.test(p))
			if (yearAt >= 0) year = Number(parts.splice(yearAt, 1)[0])
			title = parts.shift() ?? ''
			venue = parts.filter(Boolean).join(', ')
		} else {
			const match = /^(.*?)\s*\((\d{4})\)\s*[.,:;-]?\s*(.*)$/.exec(item)
			if (match) [title, year, venue] = [match[1]!.trim(), Number(match[2]), match[3]!.trim()]
			else title = item
		}
		if (!title) continue
		if (title.length > L.publicationTitle || venue.length > L.line) {
			issues.add('publications', 'tooLong', { max: L.publicationTitle })
			continue
		}
		if (year !== null && (year < 1900 || year > maxYear)) {
			issues.add('publications', 'yearRange', { min: 1900, max: maxYear })
			continue
		}
		out.push({ title, year, venue })
	}
	if (out.length > L.publications) issues.add('publications', 'tooManyItems', { max: L.publications })
	return out
}

/** Reads one expert. `raw` holds only the fields the source has. */
export function readExpertRow(raw: Record<string, Cell>, organisations: OrganisationIndex, now = new Date()): RowResult<ExpertRow> {
	const issues = new Issues()
	const has = (key: string) => Object.hasOwn(raw, key)
	const values: Partial<ExpertValues> = {}

	// "PGS.TS. Nguyễn Văn An": the title and degree before the name count when their columns say nothing.
	const written = cellText(raw.fullName)
	const { name, prefix } = splitNamePrefix(written)
	const fullName = readText({ fullName: name }, 'fullName', issues, { required: true, min: L.name.min, max: L.name.max })
	if (fullName !== undefined) values.fullName = fullName

	const titles = parseTitleAndDegree([cellText(raw.academicTitle), prefix].filter(Boolean).join(' '))
	const degree = has('degree') ? parseTitleAndDegree(cellText(raw.degree)) : { title: null, degree: null, unknown: [] }
	if (titles.unknown.length > 0) issues.add('academicTitle', 'academicTitle', { value: cellText(raw.academicTitle).slice(0, 60) })
	if (degree.unknown.length > 0) issues.add('degree', 'degree', { value: cellText(raw.degree).slice(0, 60) })
	if (has('academicTitle') || prefix) values.academicTitle = titles.title
	if (has('degree') || titles.degree || prefix) values.degree = degree.degree ?? titles.degree

	let organisationId: string | null | undefined
	let organisationProvinceCode: string | undefined
	const organisation = readText(raw, 'organisationName', issues, { max: L.line })
	if (organisation !== undefined) {
		values.organisationName = organisation
		const found = organisation ? organisations.find(organisation) : null
		organisationId = found?.id ?? null
		organisationProvinceCode = found?.provinceCode
	}

	let email: string | null = null
	if (has('email')) {
		const text = cellText(raw.email).replace(/^mailto:/i, '')
		if (!text) values.email = null
		else if (text.length > 254 || !Email.safeParse(text).success) issues.add('email', 'email', { value: text.slice(0, 80) })
		else values.email = email = normalizeEmail(text)
	}

	if (has('province')) values.provinceCode = readProvince(raw.province, issues)
	if (has('fieldCodes')) values.fieldCodes = readFieldCodes(raw.fieldCodes, issues, L.fields)
	if (has('keywords')) values.keywords = readKeywords(raw.keywords, issues, L.keywords)
	const bio = readText(raw, 'bio', issues, { max: L.bio, multiline: true })
	if (bio !== undefined) values.bio = bio
	if (has('publications')) values.publications = readPublications(raw.publications, issues, now.getFullYear() + 1)
	if (has('tasks')) values.tasks = readTasks(raw.tasks, issues)

	const key = email ?? (values.fullName ? `${values.fullName}${values.organisationName ? ` · ${values.organisationName}` : ''}` : written.slice(0, 120))
	const label = values.fullName ?? written.slice(0, 120)
	if (!issues.empty || !values.fullName) return { ok: false, issues: issues.list, key, label }
	return {
		ok: true,
		row: {
			values,
			organisationId,
			organisationProvinceCode,
			email,
			identityKey: identityKey(values.fullName, values.organisationName ?? ''),
			key,
			label,
		},
	}
}
