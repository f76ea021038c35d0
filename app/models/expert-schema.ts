// Isomorphic: imports, the API, the profile editor and the seed describe experts with these.
import { foldVietnamese } from '~/utils/provinces'

export const ACADEMIC_TITLES = ['PROFESSOR', 'ASSOCIATE_PROFESSOR'] as const
export type AcademicTitleValue = (typeof ACADEMIC_TITLES)[number]

export const DEGREES = ['DOCTOR_OF_SCIENCE', 'DOCTOR', 'MASTER', 'ENGINEER', 'BACHELOR', 'OTHER'] as const
export type DegreeValue = (typeof DEGREES)[number]

export const TASK_ROLES = ['PRINCIPAL_INVESTIGATOR', 'SECRETARY', 'MEMBER'] as const
export type TaskRoleValue = (typeof TASK_ROLES)[number]

export const EXPERT_LIMITS = {
	name: { min: 2, max: 120 },
	line: 300,
	bio: 5000,
	keywords: { max: 30, each: 60 },
	fields: 8,
	publications: 200,
	publicationTitle: 500,
	tasks: 100,
	availabilityNote: 500,
} as const

export type Publication = { title: string; year: number | null; venue: string }

/** A reference to a registered task result (its registration number or task code) and the expert's part in it. */
export type TaskReference = { ref: string; role: TaskRoleValue }

/** An expert as stored (publications and task participation with it). */
export type ExpertValues = {
	fullName: string
	academicTitle: AcademicTitleValue | null
	degree: DegreeValue | null
	organisationName: string
	email: string | null
	provinceCode: string | null
	fieldCodes: string[]
	keywords: string[]
	bio: string
	publications: Publication[]
	tasks: TaskReference[]
}

/** The import key of an expert without an e-mail: folded name and organisation. */
export function identityKey(fullName: string, organisationName: string) {
	const fold = (s: string) => foldVietnamese(s).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim()
	return `${fold(fullName)}|${fold(organisationName)}`
}

// Word sequences (folded, split at anything that is not a letter or digit) and what they mean.
const TITLE_AND_DEGREE_WORDS: Array<[string, { title?: AcademicTitleValue; degree?: DegreeValue }]> = [
	['pho giao su', { title: 'ASSOCIATE_PROFESSOR' }],
	['pgs', { title: 'ASSOCIATE_PROFESSOR' }],
	['associate professor', { title: 'ASSOCIATE_PROFESSOR' }],
	['assoc prof', { title: 'ASSOCIATE_PROFESSOR' }],
	['a prof', { title: 'ASSOCIATE_PROFESSOR' }],
	['giao su', { title: 'PROFESSOR' }],
	['gs', { title: 'PROFESSOR' }],
	['professor', { title: 'PROFESSOR' }],
	['prof', { title: 'PROFESSOR' }],
	['tien si khoa hoc', { degree: 'DOCTOR_OF_SCIENCE' }],
	['tskh', { degree: 'DOCTOR_OF_SCIENCE' }],
	['doctor of science', { degree: 'DOCTOR_OF_SCIENCE' }],
	['d sc', { degree: 'DOCTOR_OF_SCIENCE' }],
	['dsc', { degree: 'DOCTOR_OF_SCIENCE' }],
	['tien si', { degree: 'DOCTOR' }],
	['ts', { degree: 'DOCTOR' }],
	['ph d', { degree: 'DOCTOR' }],
	['phd', { degree: 'DOCTOR' }],
	['doctor', { degree: 'DOCTOR' }],
	['dr', { degree: 'DOCTOR' }],
	['thac si', { degree: 'MASTER' }],
	['ths', { degree: 'MASTER' }],
	['master', { degree: 'MASTER' }],
	['m sc', { degree: 'MASTER' }],
	['msc', { degree: 'MASTER' }],
	['mba', { degree: 'MASTER' }],
	['ky su', { degree: 'ENGINEER' }],
	['ks', { degree: 'ENGINEER' }],
	['engineer', { degree: 'ENGINEER' }],
	['cu nhan', { degree: 'BACHELOR' }],
	['cn', { degree: 'BACHELOR' }],
	['bachelor', { degree: 'BACHELOR' }],
	['b sc', { degree: 'BACHELOR' }],
	['bsc', { degree: 'BACHELOR' }],
	['bac si', { degree: 'OTHER' }],
	['bs', { degree: 'OTHER' }],
	['ds', { degree: 'OTHER' }],
	['duoc si', { degree: 'OTHER' }],
	['khac', { degree: 'OTHER' }],
	['other', { degree: 'OTHER' }],
]
const PATTERNS = TITLE_AND_DEGREE_WORDS.map(([words, meaning]) => ({ words: words.split(' '), meaning })).sort((a, b) => b.words.length - a.words.length)

/**
 * Title and degree written the Vietnamese way, alone or together: "PGS.TS", "GS. TSKH", "ThS",
 * "Assoc. Prof. PhD". Words it does not know come back in `unknown`.
 */
export function parseTitleAndDegree(input: string) {
	const tokens = foldVietnamese(input).split(/[^a-z0-9]+/).filter(Boolean)
	let title: AcademicTitleValue | null = null
	let degree: DegreeValue | null = null
	const unknown: string[] = []
	for (let i = 0; i < tokens.length; ) {
		const found = PATTERNS.find((p) => p.words.every((w, j) => tokens[i + j] === w))
		if (!found) {
			unknown.push(tokens[i]!)
			i++
			continue
		}
		// The highest degree written wins ("TSKH" after "TS" is not expected, but "TS" never lowers it).
		if (found.meaning.title && !title) title = found.meaning.title
		if (found.meaning.degree && (!degree || DEGREES.indexOf(found.meaning.degree) < DEGREES.indexOf(degree))) degree = found.meaning.degree
		i += found.words.length
	}
	return { title, degree, unknown }
}

// Words people put before a name: "PGS.TS. Nguyễn Văn An", "GS TSKH Trần B", "Assoc. Prof. Dr. Lê C".
const PREFIX_WORDS = new Set(['gs', 'pgs', 'tskh', 'ts', 'ths', 'ks', 'cn', 'bs', 'ds', 'prof', 'assoc', 'dr', 'phd'])

/** Splits "PGS.TS. Nguyễn Văn An" into the name and the title/degree written before it. */
export function splitNamePrefix(input: string) {
	let rest = input.trim()
	let taken = 0
	for (let match = /^([A-Za-z]+)\.?\s*/.exec(rest); match && PREFIX_WORDS.has(match[1]!.toLowerCase()); match = /^([A-Za-z]+)\.?\s*/.exec(rest)) {
		// A name never consists of prefix words only: keep the last word when nothing follows it.
		if (match[0].length >= rest.length) break
		rest = rest.slice(match[0].length)
		taken += match[0].length
	}
	return { name: rest, prefix: input.trim().slice(0, taken).trim() }
}
