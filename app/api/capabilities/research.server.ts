import { EXPERT_LIMITS, ACADEMIC_TITLES, DEGREES, TASK_ROLES } from '~/models/expert-schema'
import { APPLICATION_STATUSES, PRODUCT_KINDS, TASK_LEVELS, TASK_RESULT_LIMITS } from '~/models/task-result-schema'
import { COUNT_CAP } from '~/task-results/query.server'
import {
	dataOf,
	defineCapability,
	errors,
	jsonBody,
	jsonResponse,
	pathParameter,
	queryFromZod,
	ref,
	security,
	type JsonSchema,
	type PathItem,
} from '../openapi-kit.server'
import { BULK_MAX_BYTES, BULK_MAX_ITEMS } from '../research-bulk.server'
import { ExpertListQuery, TaskResultListQuery } from '../research.server'
import { publicListNotes, publicListParameters, publicPageOf, publicReadResponses, publicRecordNotes, publicRecordParameters } from './meta.server'

const string = { type: 'string' }
const nullableString = { type: ['string', 'null'] }
const nullableInteger = { type: ['integer', 'null'] }
const dateTime = { type: 'string', format: 'date-time' }
const stringList = { type: 'array', items: string }
const count = { type: 'integer', minimum: 0 }
const nullable = (name: string) => ({ oneOf: [ref(name), { type: 'null' }] })

// ---------------------------------------------------------------------------------------------
// What is read.
// ---------------------------------------------------------------------------------------------

const hostOrganisationRef: JsonSchema = {
	type: 'object',
	required: ['id', 'slug', 'name'],
	properties: { id: string, slug: string, name: string },
}

const taskResultCommon: Record<string, JsonSchema> = {
	id: string,
	taskCode: { ...string, description: 'As registered, normalised (upper case, no spaces around separators).' },
	title: string,
	level: ref('TaskLevel'),
	hostName: { ...string, description: 'The host organisation (tổ chức chủ trì) as registered.' },
	province: nullable('ProvinceSummary'),
	principalInvestigator: string,
	startYear: nullableInteger,
	endYear: nullableInteger,
	fieldCodes: { ...stringList, description: 'S&T field codes (see /reference/fields).' },
	keywords: stringList,
	applicationStatus: ref('ApplicationStatus'),
	registrationNumber: { ...nullableString, description: 'Number of the registration certificate of the result.' },
	registrationDate: { type: ['string', 'null'], format: 'date', description: 'YYYY-MM-DD.' },
}

const taskResultSummary: Record<string, JsonSchema> = {
	...taskResultCommon,
	hostOrganisation: { description: 'The organisation on Cầu Nối the host name stands for, when there is one.', oneOf: [hostOrganisationRef, { type: 'null' }] },
	offerCount: { ...count, description: 'Published offers that cite this result as evidence.' },
	expertCount: { ...count, description: 'Experts in the directory who took part in the task.' },
}

const taskResult: Record<string, JsonSchema> = {
	...taskResultCommon,
	managingAgency: string,
	members: stringList,
	abstract: { ...string, description: 'Plain text; line breaks kept.' },
	products: { type: 'array', items: ref('TaskProduct') },
	source: { type: 'string', enum: ['IMPORT', 'API', 'SEED', 'SELF'], description: 'How the record last came in.' },
	hostOrganisation: {
		oneOf: [
			{
				type: 'object',
				required: ['id', 'slug', 'name', 'website', 'email', 'phone', 'verified'],
				properties: { id: string, slug: string, name: string, website: nullableString, email: nullableString, phone: nullableString, verified: { type: 'boolean' } },
			},
			{ type: 'null' },
		],
	},
	experts: {
		type: 'array',
		description: 'Experts of the directory who took part, with their role.',
		items: {
			type: 'object',
			required: ['role', 'id', 'fullName', 'academicTitle', 'degree', 'organisationName'],
			properties: {
				role: ref('TaskRole'),
				id: string,
				fullName: string,
				academicTitle: nullable('AcademicTitle'),
				degree: nullable('Degree'),
				organisationName: string,
			},
		},
	},
	offers: {
		type: 'array',
		description: 'Published offers backed by this result.',
		items: {
			type: 'object',
			required: ['id', 'title', 'summary', 'trl', 'organisation'],
			properties: {
				id: string,
				title: string,
				summary: string,
				trl: nullableInteger,
				organisation: { type: 'object', required: ['slug', 'name'], properties: { slug: string, name: string } },
			},
		},
	},
	updatedAt: dateTime,
}

const emailProperty: JsonSchema = {
	type: ['string', 'null'],
	format: 'email',
	description: 'Operators only (signed in, or a key created by an operator); absent for everyone else. The address a claim of the profile is proven with, never a public contact.',
}

const expertCommon: Record<string, JsonSchema> = {
	id: string,
	fullName: string,
	academicTitle: nullable('AcademicTitle'),
	degree: nullable('Degree'),
	organisationName: { ...string, description: 'The organisation as written in the source.' },
	province: nullable('ProvinceSummary'),
	fieldCodes: stringList,
	keywords: stringList,
	availableForAppraisal: { type: 'boolean' },
	availableForConsulting: { type: 'boolean' },
	claimed: { type: 'boolean', description: 'Whether the expert has claimed the profile (and now maintains bio, keywords, fields and e-mail).' },
}

const expertSummary: Record<string, JsonSchema> = {
	...expertCommon,
	organisation: { description: 'The organisation on Cầu Nối the name stands for, when there is one.', oneOf: [hostOrganisationRef, { type: 'null' }] },
	taskCount: count,
	publicationCount: count,
}

const expert: Record<string, JsonSchema> = {
	...expertCommon,
	organisation: {
		oneOf: [
			{ type: 'object', required: ['id', 'slug', 'name', 'verified'], properties: { id: string, slug: string, name: string, verified: { type: 'boolean' } } },
			{ type: 'null' },
		],
	},
	bio: string,
	availabilityNote: string,
	claimedAt: { type: ['string', 'null'], format: 'date-time' },
	source: { type: 'string', enum: ['IMPORT', 'API', 'SEED', 'SELF'] },
	publications: {
		type: 'array',
		items: { type: 'object', required: ['id', 'title', 'year', 'venue'], properties: { id: string, title: string, year: nullableInteger, venue: string } },
	},
	tasks: {
		type: 'array',
		description: 'Registered tasks the expert took part in, newest first.',
		items: {
			type: 'object',
			required: ['role', 'taskResult'],
			properties: {
				role: ref('TaskRole'),
				taskResult: {
					type: 'object',
					required: ['id', 'taskCode', 'title', 'level', 'hostName', 'startYear', 'endYear', 'fieldCodes', 'keywords', 'registrationNumber'],
					properties: {
						id: string,
						taskCode: string,
						title: string,
						level: ref('TaskLevel'),
						hostName: string,
						startYear: nullableInteger,
						endYear: nullableInteger,
						fieldCodes: stringList,
						keywords: stringList,
						registrationNumber: nullableString,
					},
				},
			},
		},
	},
	updatedAt: dateTime,
}

// ---------------------------------------------------------------------------------------------
// What is pushed: the keys of the import column sets (docs/imports), the same readers.
// ---------------------------------------------------------------------------------------------

const T = TASK_RESULT_LIMITS
const E = EXPERT_LIMITS

const textKey = (description: string, max?: number, min?: number): JsonSchema => ({
	type: ['string', 'null'],
	...(min ? { minLength: min } : {}),
	...(max ? { maxLength: max } : {}),
	description,
})

const listKey = (description: string, maxItems: number, item: JsonSchema = string): JsonSchema => ({
	description: `${description} An array, or one string separated by ";" or line breaks (or by commas when it has neither). Blanks and repeats (ignoring case) are dropped.`,
	oneOf: [{ type: 'array', items: item, maxItems }, string, { type: 'null' }],
})

const yearKey = (description: string): JsonSchema => ({
	description: `${description} A JSON integer or a string of four digits.`,
	oneOf: [{ type: 'integer' }, { type: 'string', pattern: '^\\d{4}$' }, { type: 'null' }],
})

const provinceKey: JsonSchema = textKey(
	'Province code (see /reference/provinces) or name, current or one of the 63 former ones (mapped to the current unit); an unknown name is refused with the closest known one. Left out on a new record: the province of the linked organisation.',
)

const fieldCodesKey = (max: number) => listKey(`S&T field codes (see /reference/fields) or their names, at most ${max}; an unknown one is refused with the closest known field.`, max)

const enumWords = (values: readonly string[], words: string) => ({
	description: `One of ${values.join(', ')}; ${words} Case does not matter.`,
	type: ['string', 'null'],
	examples: [values[0]],
})

const taskResultItem: JsonSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['taskCode', 'title', 'level', 'hostName'],
	description:
		'One registered task result. Matched to a stored record by registrationNumber when given, else by taskCode. Keys left out keep the stored value on an update; null or "" clears an optional one. The four required keys must be sent every time.',
	properties: {
		taskCode: textKey(
			'Task code as registered: a programme task "KC.01.05/16-20" (startYear must fall in the programme period, or the year before) or any other code (provincial, independent tasks). The key when there is no registrationNumber.',
			T.taskCode.max,
			T.taskCode.min,
		),
		title: textKey('Title of the task.', T.title.max, T.title.min),
		level: enumWords(TASK_LEVELS, 'Vietnamese words are understood too: "cấp quốc gia", "cấp bộ", "cấp tỉnh", "cấp cơ sở".'),
		managingAgency: textKey('Managing agency (cơ quan quản lý).', T.line),
		hostName: textKey(
			'Host organisation (tổ chức chủ trì). Linked to the organisation on Cầu Nối of that name or short name (ignoring case, accents and punctuation) when exactly one answers to it.',
			T.line,
			2,
		),
		province: provinceKey,
		principalInvestigator: textKey('Principal investigator (chủ nhiệm).', T.line),
		members: listKey(`Members of the team, at most ${T.members}, each at most 120 characters.`, T.members),
		startYear: yearKey(`Start year, ${T.firstYear} to ten years from now.`),
		endYear: yearKey('End year, not before startYear.'),
		fieldCodes: fieldCodesKey(T.fields),
		keywords: listKey(`Keywords, at most ${T.keywords.max}, each at most ${T.keywords.each} characters.`, T.keywords.max),
		abstract: textKey('Abstract; line breaks are kept.', T.abstract),
		products: {
			description: `Declared products, at most ${T.products}; each description at most ${T.productText} characters. Objects {kind, description}, or strings "Kind: description" (Vietnamese kind words such as "Quy trình", "Thiết bị", "Giống" are understood; an unknown kind is OTHER), in an array or one string with one product per line.`,
			oneOf: [{ type: 'array', maxItems: T.products, items: { oneOf: [ref('TaskProduct'), string] } }, string, { type: 'null' }],
		},
		applicationStatus: enumWords(APPLICATION_STATUSES, 'or Vietnamese words ("đã ứng dụng", "thử nghiệm", "đã chuyển giao"…). Empty means NOT_APPLIED.'),
		registrationNumber: textKey('Number of the registration certificate: the key of the record when given (a record stored without it gets it).', T.registrationNumber),
		registrationDate: textKey('Registration date: YYYY-MM-DD or DD/MM/YYYY; not in the future.'),
	},
	examples: [
		{
			taskCode: 'KC.07.12/16-20',
			title: 'Nghiên cứu quy trình nuôi tôm thẻ chân trắng trong hệ thống tuần hoàn',
			level: 'NATIONAL',
			hostName: 'Viện Nghiên cứu Nuôi trồng Thủy sản II',
			province: '79',
			startYear: 2017,
			endYear: 2019,
			fieldCodes: ['405'],
			keywords: 'nuôi tôm; RAS',
			products: [{ kind: 'PROCESS', description: 'Quy trình nuôi tôm tuần hoàn' }],
			applicationStatus: 'APPLIED',
			registrationNumber: '2020-24-123/KQNC',
			registrationDate: '2020-03-15',
		},
	],
}

const expertItem: JsonSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['fullName'],
	description:
		'One expert. Matched by email when given, else by full name and organisationName together (send organisationName whenever the expert has one, or a second profile is created). Keys left out keep the stored value on an update; null or "" clears an optional one. A claimed profile keeps what its expert maintains (bio, keywords, fieldCodes, email): the report lists those under `kept`.',
	properties: {
		fullName: textKey('Full name; a title written before it ("PGS.TS. Nguyễn Văn An") fills academicTitle and degree when they are not given.', E.name.max, E.name.min),
		academicTitle: enumWords(ACADEMIC_TITLES, 'or "GS", "PGS", "Giáo sư", "Phó giáo sư"; may also carry the degree ("PGS.TS").'),
		degree: enumWords(DEGREES, 'or "TSKH", "TS", "ThS", "KS", "CN", "PhD"…'),
		organisationName: textKey('Organisation the expert works at; linked to the organisation on Cầu Nối of that name when exactly one answers to it.', E.line),
		province: provinceKey,
		email: textKey('E-mail address: the key of the expert when given, and where a claim of the profile is sent. Never shown publicly.', 254),
		fieldCodes: fieldCodesKey(E.fields),
		keywords: listKey(`Keywords or research directions, at most ${E.keywords.max}, each at most ${E.keywords.each} characters.`, E.keywords.max),
		bio: textKey('Short biography; line breaks are kept.', E.bio),
		publications: {
			description: `Publications, at most ${E.publications}, in order; they replace the previously imported ones (those the expert added stay). Objects {title, year, venue}, or strings "2019 | Title | Venue" or "Title (2019). Venue", in an array or one string with one per line.`,
			oneOf: [{ type: 'array', maxItems: E.publications, items: { oneOf: [ref('ExpertPublicationInput'), string] } }, string, { type: 'null' }],
		},
		tasks: {
			description: `Task participation, at most ${E.tasks}: references to task results already on Cầu Nối (push those first) by registration number or task code; an unknown or ambiguous reference rejects the item. Objects {ref, role}, or strings "KC.01.05/16-20 (chủ nhiệm)" or "2020-24-123/KQNC: thành viên" (no role: MEMBER), in an array or one string separated by ";".`,
			oneOf: [{ type: 'array', maxItems: E.tasks, items: { oneOf: [ref('ExpertTaskInput'), string] } }, string, { type: 'null' }],
		},
	},
	examples: [
		{
			fullName: 'PGS.TS. Nguyễn Văn An',
			organisationName: 'Viện Nghiên cứu Nuôi trồng Thủy sản II',
			email: 'nguyen.van.an@example.vn',
			province: 'Hồ Chí Minh',
			fieldCodes: ['405'],
			publications: [{ title: 'Nuôi tôm tuần hoàn ở Đồng bằng sông Cửu Long', year: 2019, venue: 'Tạp chí Khoa học Nông nghiệp' }],
			tasks: [{ ref: '2020-24-123/KQNC', role: 'PRINCIPAL_INVESTIGATOR' }],
		},
	],
}

const bulkRequest = (item: string): JsonSchema => ({
	type: 'object',
	additionalProperties: false,
	required: ['items'],
	properties: { items: { type: 'array', minItems: 1, maxItems: BULK_MAX_ITEMS, items: ref(item) } },
})

const bulkReport: JsonSchema = {
	type: 'object',
	required: ['dryRun', 'totals', 'items'],
	properties: {
		dryRun: { type: 'boolean', description: 'True when nothing was written (?dryRun=true).' },
		totals: {
			type: 'object',
			required: ['created', 'updated', 'unchanged'],
			properties: { created: count, updated: count, unchanged: count },
		},
		items: {
			type: 'array',
			description: 'One entry per item sent, in order.',
			items: {
				type: 'object',
				required: ['index', 'action', 'id', 'key', 'changes'],
				properties: {
					index: { type: 'integer', minimum: 0, description: 'Position of the item in `items`, from 0.' },
					action: { type: 'string', enum: ['created', 'updated', 'unchanged'] },
					id: { ...nullableString, description: 'The record (null for a record a dry run would create).' },
					key: { ...string, description: 'What the item was matched by: registration number or task code; e-mail or "name · organisation".' },
					changes: { ...stringList, description: 'Keys an update changes (empty for created and unchanged).' },
					kept: { ...stringList, description: 'Experts only, when present: keys the item would change but the claimed expert maintains, so they are kept.' },
				},
			},
		},
	},
}

const bulkRejection: JsonSchema = {
	type: 'object',
	required: ['error'],
	description: 'Some items were rejected, so nothing was written. Same shape as other errors (code validation_failed, `fields` by path "items.<index>.<key>"), plus the rejected items.',
	properties: {
		error: {
			type: 'object',
			required: ['code', 'message', 'items'],
			properties: {
				code: { type: 'string', examples: ['validation_failed'] },
				message: string,
				fields: { type: 'object', additionalProperties: { type: 'array', items: string } },
				items: {
					type: 'array',
					items: {
						type: 'object',
						required: ['index', 'key', 'label', 'issues'],
						properties: {
							index: { type: 'integer', minimum: 0 },
							key: string,
							label: string,
							issues: {
								type: 'array',
								items: {
									type: 'object',
									required: ['field', 'code', 'message'],
									properties: {
										field: { ...string, description: 'The key concerned; "" for the item as a whole.' },
										code: {
											...string,
											description:
												'Stable code: required, tooShort, tooLong, tooManyItems, taskCode, codePeriod, level, status, unknownProvince, unknownProvinceSuggest, unknownProvinceSuggestFormer, unknownField, unknownFieldSuggest, tooManyFields, tooManyKeywords, keywordTooLong, year, yearRange, yearOrder, date, dateRange, registrationNumber, email, academicTitle, degree, taskRole, unknownTask, ambiguousTask, ambiguous, ambiguousExpert, duplicate (params.index: the earlier item with the same key), unknownKey, notObject, notText, notList, notItems, notYear.',
										},
										params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
										message: { ...string, description: 'In the language of the request.' },
									},
								},
							},
						},
					},
				},
			},
		},
	},
	examples: [
		{
			error: {
				code: 'validation_failed',
				message: 'Chưa ghi gì: có 1 mục không hợp lệ. Xem lỗi của từng mục trong "items".',
				fields: { 'items.1.level': ['"liên xã" không phải là cấp quản lý hợp lệ.'] },
				items: [{ index: 1, key: '2020-24-123/KQNC', label: 'Nghiên cứu…', issues: [{ field: 'level', code: 'level', params: { value: 'liên xã' }, message: '…' }] }],
			},
		},
	],
}

// ---------------------------------------------------------------------------------------------
// Paths.
// ---------------------------------------------------------------------------------------------

const TASK_RESULT_FILTERS: Record<string, string> = {
	q: 'Text in the title, task code or registration number, or a keyword (exact).',
	field: 'S&T field code at any level: 4 also finds results in 405 and 40501.',
	level: 'Level of the task.',
	yearFrom: 'The task ran in or after this year (its end year, or its start year when the end is unknown).',
	yearTo: 'The task ran in or before this year.',
	host: 'Text in the host organisation name.',
	organisation: 'Id of the host organisation on Cầu Nối.',
	province: 'Province code (see /reference/provinces).',
	hasOffer: 'true: backed by at least one published offer; false: by none. yes/no work too.',
	updatedSince: 'Only task results changed at or after this instant (ISO 8601 with a zone).',
	sort: 'newest (by end year; unknown end years last), oldest (unknown last too) or title.',
}

const EXPERT_FILTERS: Record<string, string> = {
	q: 'Text in the name or organisation, or a keyword (exact).',
	field: 'S&T field code at any level.',
	province: 'Province code.',
	organisation: 'Id of the organisation on Cầu Nối.',
	organisationName: 'Text in the organisation name as written.',
	title: 'Academic title.',
	degree: 'Degree.',
	available: 'Available for appraisal or consulting.',
	level: 'Took part in a task of this level (with yearFrom/yearTo: the same task).',
	yearFrom: 'Took part in a task running in or after this year.',
	yearTo: 'Took part in a task running in or before this year.',
	updatedSince: 'Only profiles changed at or after this instant (ISO 8601 with a zone).',
	sort: 'name or newest (by addition to the directory).',
}

const dryRunParameter = {
	name: 'dryRun',
	in: 'query' as const,
	required: false,
	description: 'true (or 1): check and report what would happen, write nothing.',
	schema: { type: 'string', enum: ['true', 'false', '1', '0'] },
}

const bulkResponses = {
	'200': jsonResponse('What each item did (or, with dryRun, would do).', dataOf(ref('BulkReport'))),
	...errors(401, 403, 413, 415, 429),
	'400': jsonResponse(
		'Nothing was written. Either the request as a whole is invalid (dryRun, body not an object, items missing, empty or above the limit: the usual error shape), or items were rejected (the error also lists them).',
		{ oneOf: [ref('BulkRejection'), ref('Error')] },
	),
	'413': jsonResponse(`The body exceeds ${BULK_MAX_BYTES} bytes.`, ref('Error')),
}

const bulkDescription = (what: string, extra: string) =>
	[
		`How national and provincial S&T databases push ${what}: each item is created, updated or left unchanged, matched by its key. For operators only: a signed-in person with the OPERATOR or ADMIN role, or an API key whose creator holds one of them (and is not disabled); others get 403.`,
		`Atomic: if any item is rejected (an invalid value, an unknown key, a repeat of an earlier item with the same key), nothing is written and the answer lists every rejected item with its issues. Otherwise everything is written in one transaction. Re-sending the same body answers every item unchanged and writes nothing.`,
		`At most ${BULK_MAX_ITEMS} items and ${BULK_MAX_BYTES} bytes per request. Items use the keys of the import column set (the same reader as CSV/XLSX/JSON imports). ${extra}`,
	].join('\n\n')

const paths: Record<string, PathItem> = {
	'/task-results': {
		get: {
			operationId: 'listTaskResults',
			summary: 'List registered task results',
			description: [
				`Results of registered S&T tasks (national, ministerial, provincial, grassroots). Public. A filter that does not parse is a 400 naming it. On numbered pages \`meta.total\` stops at ${COUNT_CAP}.`,
				publicListNotes(),
			].join('\n\n'),
			tags: ['Task results'],
			security: security.public,
			parameters: [...queryFromZod(TaskResultListQuery, TASK_RESULT_FILTERS), ...publicListParameters()],
			responses: publicReadResponses('A page of task results.', publicPageOf(ref('TaskResultSummary'))),
		},
	},
	'/task-results/bulk': {
		post: {
			operationId: 'upsertTaskResults',
			summary: 'Create or update task results in bulk (operators)',
			description: bulkDescription('registered task results', 'Push task results before the experts that reference them.'),
			tags: ['Task results'],
			security: security.any,
			parameters: [dryRunParameter],
			requestBody: jsonBody(ref('TaskResultBulkRequest')),
			responses: bulkResponses,
		},
	},
	'/task-results/{id}': {
		parameters: [pathParameter('id', 'The task result id.')],
		get: {
			operationId: 'getTaskResult',
			summary: 'One registered task result',
			description: `With its host organisation, the experts who took part and the published offers it backs. Public.\n\n${publicRecordNotes()}`,
			tags: ['Task results'],
			security: security.public,
			parameters: publicRecordParameters(),
			responses: publicReadResponses('The task result.', dataOf(ref('TaskResult')), { statuses: [401, 404] }),
		},
	},
	'/experts': {
		get: {
			operationId: 'listExperts',
			summary: 'List the expert directory',
			description: [
				`Scientists and engineers who appraise and advise. Public; the e-mail is present for operators only. A filter that does not parse is a 400 naming it. On numbered pages \`meta.total\` stops at ${COUNT_CAP}.`,
				publicListNotes(),
			].join('\n\n'),
			tags: ['Experts'],
			security: security.public,
			parameters: [...queryFromZod(ExpertListQuery, EXPERT_FILTERS), ...publicListParameters()],
			responses: publicReadResponses('A page of experts.', publicPageOf(ref('ExpertSummary'))),
		},
	},
	'/experts/bulk': {
		post: {
			operationId: 'upsertExperts',
			summary: 'Create or update experts in bulk (operators)',
			description: bulkDescription('their expert directories', 'Task references (`tasks`) must name task results already on Cầu Nối.'),
			tags: ['Experts'],
			security: security.any,
			parameters: [dryRunParameter],
			requestBody: jsonBody(ref('ExpertBulkRequest')),
			responses: bulkResponses,
		},
	},
	'/experts/{id}': {
		parameters: [pathParameter('id', 'The expert id.')],
		get: {
			operationId: 'getExpert',
			summary: 'One expert profile',
			description: `With publications and task participation. Public; the e-mail is present for operators only.\n\n${publicRecordNotes()}`,
			tags: ['Experts'],
			security: security.public,
			parameters: publicRecordParameters(),
			responses: publicReadResponses('The expert.', dataOf(ref('Expert')), { statuses: [401, 404] }),
		},
	},
}

const objectOf = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
	type: 'object',
	required: Object.keys(properties).filter((p) => !optional.includes(p)),
	properties,
})

export const researchCapability = defineCapability({
	name: 'research',
	tags: [
		{
			name: 'Task results',
			description: 'Registered results of S&T tasks (kết quả nhiệm vụ KH&CN đã đăng ký), pushed by national and provincial S&T databases and cited by offers as evidence.',
		},
		{ name: 'Experts', description: 'The expert directory: people who appraise technologies and advise, with their publications and the registered tasks they took part in.' },
	],
	schemas: {
		TaskLevel: { type: 'string', enum: [...TASK_LEVELS] },
		ApplicationStatus: { type: 'string', enum: [...APPLICATION_STATUSES] },
		ProductKind: { type: 'string', enum: [...PRODUCT_KINDS] },
		AcademicTitle: { type: 'string', enum: [...ACADEMIC_TITLES] },
		Degree: { type: 'string', enum: [...DEGREES] },
		TaskRole: { type: 'string', enum: [...TASK_ROLES] },
		TaskProduct: {
			type: 'object',
			required: ['kind', 'description'],
			properties: { kind: ref('ProductKind'), description: { type: 'string', maxLength: T.productText } },
		},
		TaskResultSummary: objectOf(taskResultSummary),
		TaskResult: objectOf(taskResult),
		ExpertSummary: objectOf({ ...expertSummary, email: emailProperty }, ['email']),
		Expert: objectOf({ ...expert, email: emailProperty }, ['email']),
		ExpertPublicationInput: {
			type: 'object',
			required: ['title'],
			properties: {
				title: { type: 'string', maxLength: E.publicationTitle },
				year: { type: ['integer', 'null'], minimum: 1900, description: 'Up to next year.' },
				venue: { type: ['string', 'null'], maxLength: E.line },
			},
		},
		ExpertTaskInput: {
			type: 'object',
			required: ['ref'],
			properties: {
				ref: { type: 'string', description: 'Registration number or task code of a task result on Cầu Nối.' },
				role: {
					type: ['string', 'null'],
					description: `One of ${TASK_ROLES.join(', ')}, or "chủ nhiệm", "thư ký", "thành viên"; MEMBER when left out.`,
				},
			},
		},
		TaskResultBulkItem: taskResultItem,
		TaskResultBulkRequest: bulkRequest('TaskResultBulkItem'),
		ExpertBulkItem: expertItem,
		ExpertBulkRequest: bulkRequest('ExpertBulkItem'),
		BulkReport: bulkReport,
		BulkRejection: bulkRejection,
	},
	paths,
})
