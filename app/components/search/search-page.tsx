import { useTranslation } from 'react-i18next'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from 'react-router'
import { ErrorList } from '~/components/forms'
import { Pagination } from '~/components/pagination'
import { SAVED_NAME_MAX } from '~/models/saved-search.shared'
import type { SearchPageData } from '~/search/page.server'
import { searchQueryString, type SearchParams } from '~/search/request'
import { PRICE_BUCKET_KEYS, SEARCH_TYPES, SORTS, type FacetName, type SearchHit, type SearchType } from '~/search/types'
import { formatNumber, formatVnd } from '~/utils/format'
import { AlertFields } from './alert-fields'
import { Highlighted } from './highlighted'

const FACET_PARAM: Record<Exclude<FacetName, 'type'>, keyof SearchParams> = {
	field: 'fields',
	province: 'provinces',
	trl: 'trl',
	transferMode: 'modes',
	ipStatus: 'ip',
	price: 'prices',
	year: 'years',
}
const PARAM_NAME: Record<Exclude<FacetName, 'type'>, string> = { field: 'field', province: 'province', trl: 'trl', transferMode: 'mode', ipStatus: 'ip', price: 'price', year: 'year' }
const FACET_ORDER: Array<Exclude<FacetName, 'type'>> = ['field', 'province', 'trl', 'transferMode', 'ipStatus', 'price', 'year']

function hrefWith(params: SearchParams, change: Partial<SearchParams>) {
	const qs = searchQueryString({ ...params, page: 1, ...change })
	return `/search${qs ? `?${qs}` : ''}`
}

function hitLink(hit: SearchHit) {
	return `/${hit.type}s/${hit.entityId}`
}

/** /search: tabs by type, facets, sort, highlighted results, pagination and saving the search. */
export function SearchPage() {
	const d = useLoaderData() as SearchPageData
	const { t } = useTranslation()
	// Facet values are only known at run time, so their keys are not checked by the typed `t`.
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	const submit = useSubmit()
	const { params, result } = d
	// Estimated counts say so (≈); every count is written the locale's way (12.000 / 12,000).
	const counted = (n: number) => `${result.approximate ? '≈' : ''}${formatNumber(n, d.locale)}`
	const tabCount = (type: SearchType | null) =>
		type === null ? result.facets.type.reduce((s, f) => s + f.count, 0) : (result.facets.type.find((f) => f.value === type)?.count ?? 0)
	const facetLabel = (facet: Exclude<FacetName, 'type'>, value: string): string => {
		switch (facet) {
			case 'field':
				return `${d.fieldNames[value] ?? value}`
			case 'province':
				return d.provinceNames[value] ?? value
			case 'trl':
				return t('search.facets.trlValue', { value })
			case 'transferMode':
				return tk(`listings.transferModes.${value}`)
			case 'ipStatus':
				return tk(`listings.ipStatus.${value}`)
			case 'price':
				return tk(`search.prices.${value}`)
			default:
				return value
		}
	}
	return (
		<div className="page">
			<div className="page-head">
				<div>
					<h1>{params.q ? t('search.page.titleFor', { q: params.q }) : t('search.page.title')}</h1>
					<p className="lead">{t('search.page.lead')}</p>
				</div>
			</div>

			<nav className="tabs" aria-label={t('search.page.title')} data-testid="search-tabs">
				{[null, ...SEARCH_TYPES].map((type) => (
					<Link key={type ?? 'all'} to={hrefWith(params, { type })} aria-current={params.type === type ? 'page' : undefined} className={params.type === type ? 'tab tab--active' : 'tab'}>
						{type ? t(`search.types.${type}`) : t('search.types.all')} <span className="badge badge--muted">{counted(tabCount(type))}</span>
					</Link>
				))}
			</nav>

			<div className="with-sidebar">
				<Form
					method="get"
					action="/search"
					className="filters filters--side"
					role="search"
					aria-label={t('search.page.filters')}
					onChange={(e) => {
						// With JavaScript a ticked box applies at once; without, the button does.
						if ((e.target as HTMLElement).getAttribute('type') === 'checkbox' || (e.target as HTMLElement).tagName === 'SELECT') submit(e.currentTarget)
					}}
				>
					<div className="field">
						<label htmlFor="search-q">{t('search.page.q')}</label>
						<input id="search-q" name="q" type="search" defaultValue={params.q} maxLength={300} />
					</div>
					{params.type ? <input type="hidden" name="type" value={params.type} /> : null}
					<div className="field">
						<label htmlFor="search-sort">{t('search.page.sort')}</label>
						<select id="search-sort" name="sort" defaultValue={params.sort}>
							{SORTS.map((s) => (
								<option key={s} value={s}>
									{t(`search.sorts.${s}`)}
								</option>
							))}
						</select>
					</div>
					{FACET_ORDER.map((facet) => {
						const selected = (params[FACET_PARAM[facet]] as Array<string | number>).map(String)
						const values = result.facets[facet]
						// A chosen value stays visible (to untick it) even when nothing matches it now.
						const shown = [...values, ...selected.filter((v) => !values.some((f) => f.value === v)).map((value) => ({ value, count: 0 }))]
						const ordered = facet === 'price' ? [...shown].sort((a, b) => PRICE_BUCKET_KEYS.indexOf(a.value as never) - PRICE_BUCKET_KEYS.indexOf(b.value as never)) : facet === 'trl' || facet === 'year' ? [...shown].sort((a, b) => Number(b.value) - Number(a.value)) : shown
						if (ordered.length === 0) return null
						return (
							<fieldset key={facet} className="facet" data-testid={`facet-${facet}`}>
								<legend>{t(`search.facets.${facet}`)}</legend>
								{ordered.slice(0, 12).map((f) => (
									<label key={f.value} className="checkbox">
										<input type="checkbox" name={PARAM_NAME[facet]} value={f.value} defaultChecked={selected.includes(f.value)} />
										<span>{facetLabel(facet, f.value)}</span> <span className="muted">({counted(f.count)})</span>
									</label>
								))}
							</fieldset>
						)
					})}
					<div className="actions-row">
						<button type="submit" className="button">
							{t('search.page.apply')}
						</button>
						{d.filtered ? <Link to={hrefWith(params, { fields: [], provinces: [], trl: [], modes: [], ip: [], prices: [], years: [] })}>{t('search.page.clear')}</Link> : null}
					</div>
				</Form>

				<div className="stack">
					{d.unavailable ? (
						<p className="notice notice--error" role="alert">
							{t('search.page.unavailable')}
						</p>
					) : null}
					{d.invalid.length > 0 ? (
						<p className="notice" role="status" data-testid="search-ignored">
							{t('search.page.ignored', { names: d.invalid.map((n) => t(`search.params.${n}`)).join(', ') })}
						</p>
					) : null}
					<p className="muted" role="status" data-testid="search-count">
						{t(result.approximate ? 'search.page.resultsAbout' : 'search.page.results', { count: result.total, formatted: formatNumber(result.total, d.locale) })}
					</p>
					{result.approximate ? (
						<p className="muted" data-testid="search-estimated">
							{t('search.page.estimated')}
						</p>
					) : null}
					{result.correctedText ? (
						<p data-testid="search-corrected">
							{t('search.page.correctedTo')} <strong>{result.correctedText}</strong>
						</p>
					) : null}
					{result.total === 0 && !d.unavailable ? <EmptyState /> : null}
					<ol className="listing-list search-results" data-testid="search-results">
						{result.hits.map((hit) => (
							<li key={hit.id} className="card listing-card" data-testid="search-hit">
								<p className="meta-line">
									<span className="badge">{t(`search.typeBadge.${hit.type}`)}</span>
									{hit.provinceCode ? <span>{d.provinceNames[hit.provinceCode] ?? hit.provinceCode}</span> : null}
									{hit.trl ? <span>TRL {hit.trl}</span> : null}
									{hit.price ? <span>{t(hit.type === 'demand' ? 'search.hit.budget' : 'search.hit.price', { price: formatVnd(Number(hit.price), d.locale) })}</span> : null}
									{hit.year ? <span>{t('search.hit.year', { year: hit.year })}</span> : null}
								</p>
								<h2>
									<Link to={hitLink(hit)}>
										<Highlighted runs={hit.title} />
									</Link>
								</h2>
								{hit.subtitle ? <p className="meta-line">{hit.subtitle}</p> : null}
								{hit.snippet.length > 0 ? (
									<p className="snippet">
										<Highlighted runs={hit.snippet} />
									</p>
								) : null}
								{hit.keywords.length > 0 ? (
									<p className="meta-line">
										{hit.keywords.slice(0, 6).map((k) => (
											<span key={k} className="badge badge--muted">
												{k}
											</span>
										))}
									</p>
								) : null}
							</li>
						))}
					</ol>
					<Pagination page={result.page} pages={d.pages} />
					<SaveSearch />
				</div>
			</div>
		</div>
	)
}

function EmptyState() {
	const d = useLoaderData() as SearchPageData
	const { t } = useTranslation()
	const { params } = d
	return (
		<div className="empty" data-testid="search-empty">
			<h2>{t('search.empty.title')}</h2>
			<p>{t('search.empty.spelling')}</p>
			<ul>
				{d.filtered ? (
					<li>
						<Link to={hrefWith(params, { fields: [], provinces: [], trl: [], modes: [], ip: [], prices: [], years: [] })}>{t('search.empty.loosen')}</Link>
					</li>
				) : null}
				{params.type ? (
					<li>
						<Link to={hrefWith(params, { type: null })}>{t('search.empty.allTypes')}</Link>
					</li>
				) : null}
				{params.q.includes('"') ? (
					<li>
						<Link to={hrefWith(params, { q: params.q.replace(/"/g, '') })}>{t('search.empty.unquote')}</Link>
					</li>
				) : null}
				<li>
					<Link to="/offers">{t('search.empty.browse')}</Link>
				</li>
			</ul>
		</div>
	)
}

function SaveSearch() {
	const d = useLoaderData() as SearchPageData
	const action = useActionData() as
		| { result?: { error?: Record<string, string[] | null> }; values?: Record<string, string>; error?: { key: string; params: Record<string, unknown> } | null }
		| undefined
	const navigation = useNavigation()
	const { t } = useTranslation()
	if (!d.signedIn) {
		return (
			<p className="muted" data-testid="save-search-sign-in">
				<Link to={`/login?redirectTo=${encodeURIComponent(`/search?${d.query}`)}`}>{t('search.saved.signIn')}</Link>
			</p>
		)
	}
	const errors = action?.result?.error ?? {}
	const typed = action?.values
	return (
		<section className="card" aria-labelledby="save-search-title" data-testid="save-search">
			<h2 id="save-search-title">{t('search.saved.save')}</h2>
			{d.savedNotice ? (
				<p className="notice notice--success" role="status">
					{t('search.saved.savedNotice')}
				</p>
			) : d.saved ? (
				<p role="status">{t('search.saved.already')}</p>
			) : null}
			{d.params.type === 'task-result' || d.params.type === 'expert' ? <p className="muted">{t('search.saved.noAlertsForType')}</p> : <p className="muted">{t('search.saved.saveHint')}</p>}
			{action?.error ? (
				<p className="notice notice--error" role="alert">
					{(t as unknown as (key: string, options?: Record<string, unknown>) => string)(action.error.key, action.error.params)}
				</p>
			) : null}
			<Form method="post" action={`/search${d.query ? `?${d.query}` : ''}`} className="stack">
				<div className="field">
					<label htmlFor="saved-name">{t('search.saved.name')}</label>
					<input
						id="saved-name"
						name="name"
						key={typed?.name ?? 'initial'}
						defaultValue={typed?.name ?? d.saved?.name ?? (d.params.q || t('search.saved.defaultName'))}
						maxLength={SAVED_NAME_MAX}
						aria-invalid={errors.name?.length ? true : undefined}
						aria-describedby={errors.name?.length ? 'saved-name-error' : undefined}
					/>
					<ErrorList id="saved-name-error" errors={errors.name} />
				</div>
				<AlertFields idPrefix="saved" frequency={typed?.frequency || d.saved?.frequency || 'DAILY'} channel={typed?.channel || d.saved?.channel || 'BOTH'} />
				<div className="actions-row">
					<button type="submit" className="button" disabled={navigation.state === 'submitting'}>
						{d.saved ? t('search.saved.update') : t('search.saved.save')}
					</button>
					<Link to="/me/saved-searches">{t('search.saved.manage')}</Link>
				</div>
			</Form>
		</section>
	)
}
