import {
	MemberAddSchema,
	MemberListQuery,
	MemberRemoveSchema,
	MemberRoleSchema,
	OrganisationCreateBase,
	OrganisationListQuery,
	OrganisationPatchBase,
} from '../schemas.server'
import {
	dataOf,
	defineCapability,
	errors,
	fromZod,
	jsonBody,
	jsonResponse,
	pageOf,
	pageParameters,
	pathParameter,
	queryFromZod,
	ref,
	security,
} from '../openapi-kit.server'

const nullableString = { type: ['string', 'null'] }
const organisationId = pathParameter('id', 'The organisation id, or its slug.')
const membershipIdQuery = {
	name: 'membershipId',
	in: 'query' as const,
	required: false,
	description: 'The membership to act on, when not given in the body.',
	schema: { type: 'string' },
}

export const organisationsCapability = defineCapability({
	name: 'organisations',
	tags: [
		{ name: 'Organisations', description: 'Enterprises, research institutes, universities, brokers and agencies on the exchange.' },
		{ name: 'Members', description: "An organisation's members. Reading: its members and its API keys; changes: its owners and admins, signed in." },
	],
	schemas: {
		OrganisationType: { type: 'string', enum: ['ENTERPRISE', 'RESEARCH_INSTITUTE', 'UNIVERSITY', 'BROKER_FIRM', 'AGENCY'] },
		MembershipRole: { type: 'string', enum: ['OWNER', 'ADMIN', 'MEMBER'] },
		ProvinceSummary: {
			type: 'object',
			required: ['code', 'nameVi', 'nameEn'],
			properties: { code: { type: 'string', pattern: '^\\d{2}$' }, nameVi: { type: 'string' }, nameEn: { type: 'string' } },
		},
		Organisation: {
			type: 'object',
			required: [
				'id', 'slug', 'name', 'shortName', 'type', 'taxCode', 'address', 'website', 'email', 'phone',
				'description', 'verified', 'verifiedAt', 'createdAt', 'province',
			],
			properties: {
				id: { type: 'string' },
				slug: { type: 'string' },
				name: { type: 'string' },
				shortName: nullableString,
				type: ref('OrganisationType'),
				taxCode: { ...nullableString, description: 'Mã số thuế: 10 digits, or 10 + "-" + 3 for a branch.' },
				address: nullableString,
				website: nullableString,
				email: nullableString,
				phone: nullableString,
				description: nullableString,
				verified: { type: 'boolean', description: 'Whether an operator of the exchange has checked its identity.' },
				verifiedAt: { type: ['string', 'null'], format: 'date-time' },
				createdAt: { type: 'string', format: 'date-time' },
				province: ref('ProvinceSummary'),
			},
		},
		OrganisationCreate: fromZod(OrganisationCreateBase),
		OrganisationPatch: fromZod(OrganisationPatchBase),
		Member: {
			type: 'object',
			required: ['id', 'role', 'status', 'createdAt', 'user'],
			properties: {
				id: { type: 'string', description: 'The membership id.' },
				role: ref('MembershipRole'),
				status: { type: 'string', enum: ['ACTIVE', 'PENDING'] },
				createdAt: { type: 'string', format: 'date-time' },
				user: {
					type: 'object',
					required: ['id', 'name', 'email'],
					properties: { id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string', format: 'email' } },
				},
			},
		},
		MemberAdd: fromZod(MemberAddSchema),
		MemberRole: fromZod(MemberRoleSchema),
		MemberRemove: fromZod(MemberRemoveSchema),
	},
	paths: {
		'/organisations': {
			get: {
				operationId: 'listOrganisations',
				summary: 'List organisations',
				tags: ['Organisations'],
				security: security.public,
				parameters: [
					...queryFromZod(OrganisationListQuery, {
						type: 'Only organisations of this type.',
						province: 'Only organisations in this province (two-digit code, see /reference/provinces).',
						verified: 'true: only verified organisations; false: only unverified ones.',
						q: 'Text contained in the name, short name or tax code; case and Vietnamese diacritics are ignored.',
					}),
					...pageParameters,
				],
				responses: { '200': jsonResponse('A page of organisations, by name.', pageOf(ref('Organisation'))), ...errors(400, 401) },
			},
			post: {
				operationId: 'createOrganisation',
				summary: 'Create an organisation, owned by the signed-in person',
				description: 'It starts unverified; an operator of the exchange verifies it.',
				tags: ['Organisations'],
				security: security.user,
				requestBody: jsonBody(ref('OrganisationCreate')),
				responses: {
					'201': jsonResponse('The new organisation.', dataOf(ref('Organisation')), {
						Location: { description: 'Its address in the API.', schema: { type: 'string' } },
					}),
					...errors(400, 401, 403, 413, 415, 429),
				},
			},
		},
		'/organisations/{id}': {
			parameters: [organisationId],
			get: {
				operationId: 'getOrganisation',
				summary: 'One organisation',
				tags: ['Organisations'],
				security: security.public,
				responses: { '200': jsonResponse('The organisation.', dataOf(ref('Organisation'))), ...errors(401, 404) },
			},
			patch: {
				operationId: 'updateOrganisation',
				summary: 'Change an organisation',
				description:
					'By its owners and admins (signed in) or with its own API key (acting for the person who created the key, who must still manage it). Changing the name or tax code of a verified organisation makes it unverified until an operator checks it again.',
				tags: ['Organisations'],
				security: security.any,
				requestBody: jsonBody(ref('OrganisationPatch')),
				responses: { '200': jsonResponse('The organisation as changed.', dataOf(ref('Organisation'))), ...errors(400, 401, 403, 404, 409, 413, 415, 429) },
			},
		},
		'/organisations/{id}/members': {
			parameters: [organisationId],
			get: {
				operationId: 'listMembers',
				summary: "An organisation's members",
				description: 'For its members and its API keys. Pending join requests are listed for its owners, admins and API keys.',
				tags: ['Members'],
				security: security.any,
				parameters: [
					...queryFromZod(MemberListQuery, { status: 'ACTIVE (the default for plain members), PENDING or ALL.' }),
					...pageParameters,
				],
				responses: { '200': jsonResponse('A page of memberships, oldest first.', pageOf(ref('Member'))), ...errors(400, 401, 403, 404) },
			},
			post: {
				operationId: 'addMember',
				summary: 'Add a registered person by e-mail',
				description: 'Owners and admins, signed in; only owners may add owners and admins.',
				tags: ['Members'],
				security: security.user,
				requestBody: jsonBody(ref('MemberAdd')),
				responses: { '201': jsonResponse('The membership.', dataOf(ref('Member'))), ...errors(400, 401, 403, 404, 409, 413, 415, 429) },
			},
			patch: {
				operationId: 'changeMemberRole',
				summary: "Change a member's role",
				description: 'Owners and admins, signed in; only owners grant or take OWNER and ADMIN; the last owner stays an owner.',
				tags: ['Members'],
				security: security.user,
				parameters: [membershipIdQuery],
				requestBody: jsonBody(ref('MemberRole')),
				responses: { '200': jsonResponse('The membership.', dataOf(ref('Member'))), ...errors(400, 401, 403, 404, 409, 413, 415, 429) },
			},
			delete: {
				operationId: 'removeMember',
				summary: 'Remove a member (or leave)',
				description: 'Owners and admins remove members (admins only plain members); anyone may remove themselves. The last owner cannot go.',
				tags: ['Members'],
				security: security.user,
				parameters: [membershipIdQuery],
				requestBody: { ...jsonBody(ref('MemberRemove')), required: false },
				responses: { '204': { description: 'Removed.' }, ...errors(400, 401, 403, 404, 409, 413, 415, 429) },
			},
		},
	},
})
