// The fields of the GET filter forms beside the public lists (listings, task results, experts).
import type { ReactNode } from 'react'

export type FilterOption = { value: string; label: ReactNode }

/** A labelled select; `any` is the label of the first, empty option ("any field"), when there is one. */
export function SelectFilter({ id, name, label, value, any, options }: { id: string; name: string; label: string; value: string | number | undefined; any?: string; options: readonly FilterOption[] }) {
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<select id={id} name={name} defaultValue={value === undefined ? '' : String(value)}>
				{any !== undefined ? <option value="">{any}</option> : null}
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
		</div>
	)
}

/** A labelled search box, or a four-digit year. */
export function TextFilter({ id, name, label, value, year = false }: { id: string; name: string; label: string; value: string | number | undefined; year?: boolean }) {
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			{year ? <input id={id} name={name} inputMode="numeric" pattern="\d{4}" defaultValue={value ?? ''} /> : <input id={id} name={name} type="search" defaultValue={value ?? ''} />}
		</div>
	)
}

/** S&T fields of the two upper levels, the second indented under its parent. */
export function fieldFilterOptions(fields: ReadonlyArray<{ code: string; name: string; level: number }>): FilterOption[] {
	return fields.map((f) => ({ value: f.code, label: `${f.level === 2 ? '\u00a0\u00a0' : ''}${f.code} · ${f.name}` }))
}

export function provinceFilterOptions(provinces: ReadonlyArray<{ code: string; name: string }>): FilterOption[] {
	return provinces.map((p) => ({ value: p.code, label: p.name }))
}
