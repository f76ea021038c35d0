// What readers of imported rows share: the shape of a rejection and the organisation lookup.
import { foldVietnamese } from '~/utils/provinces'

/** Why a row (or one of its fields) is refused: an i18n key under `imports.issues` and its parameters. */
export type RowIssue = { field: string; code: string; params?: Record<string, string | number> }

/** Finds the platform organisation a registered name stands for (exact name or short name, folded). */
export type OrganisationIndex = { find(name: string): { id: string; provinceCode: string } | null }

/** How organisation names are compared: folded, punctuation dropped, "Viện Cơ điện NN & CNSTH" = "vien co dien nn cnsth". */
export function organisationKey(name: string) {
	return foldVietnamese(name).replace(/&/g, ' va ').replace(/[^a-z0-9]+/g, ' ').trim()
}

export function organisationIndex(rows: ReadonlyArray<{ id: string; name: string; shortName: string | null; provinceCode: string }>): OrganisationIndex {
	const map = new Map<string, { id: string; provinceCode: string } | null>()
	const add = (name: string, value: { id: string; provinceCode: string }) => {
		const key = organisationKey(name)
		if (!key) return
		// Two organisations answering to one name link to neither: a wrong link is worse than none.
		map.set(key, map.has(key) && map.get(key)?.id !== value.id ? null : value)
	}
	for (const row of rows) {
		add(row.name, { id: row.id, provinceCode: row.provinceCode })
		if (row.shortName) add(row.shortName, { id: row.id, provinceCode: row.provinceCode })
	}
	return { find: (name) => map.get(organisationKey(name)) ?? null }
}

export class Issues {
	readonly list: RowIssue[] = []
	add(field: string, code: string, params?: Record<string, string | number>) {
		this.list.push(params ? { field, code, params } : { field, code })
	}
	get empty() {
		return this.list.length === 0
	}
}
