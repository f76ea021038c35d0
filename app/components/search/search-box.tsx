import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { Suggestion } from '~/search/types'
import { Highlighted } from './highlighted'

const DEBOUNCE_MS = 150

function hrefOf(s: Suggestion) {
	return s.kind === 'field' ? `/search?field=${encodeURIComponent(s.code)}` : `/${s.type}s/${s.entityId}`
}

/**
 * The header's search box: a plain GET form to /search (works without JavaScript) that, with
 * JavaScript, suggests listings, task results, experts and fields as the user types (ARIA combobox).
 */
export function SearchBox({ initial = '' }: { initial?: string }) {
	const { t, i18n } = useTranslation()
	const navigate = useNavigate()
	const listId = useId()
	const [text, setText] = useState(initial)
	const [items, setItems] = useState<Suggestion[]>([])
	const [open, setOpen] = useState(false)
	const [active, setActive] = useState(-1)
	const [failed, setFailed] = useState(false)
	const controller = useRef<AbortController | null>(null)

	useEffect(() => setText(initial), [initial])

	useEffect(() => {
		const q = text.trim()
		if (q.length < 2) {
			setItems([])
			return
		}
		const timer = setTimeout(async () => {
			controller.current?.abort()
			const mine = new AbortController()
			controller.current = mine
			try {
				const res = await fetch(`/api/v1/suggest?q=${encodeURIComponent(q)}`, { signal: mine.signal, headers: { Accept: 'application/json', 'Accept-Language': i18n.language } })
				if (!res.ok) throw new Error(String(res.status))
				const body = (await res.json()) as { data: Suggestion[] }
				setItems(body.data)
				setFailed(false)
				setActive(-1)
			} catch (error) {
				if ((error as Error).name !== 'AbortError') {
					setItems([])
					setFailed(true)
				}
			}
		}, DEBOUNCE_MS)
		return () => clearTimeout(timer)
	}, [text, i18n.language])

	const showList = open && text.trim().length >= 2 && (items.length > 0 || failed)
	const optionId = (i: number) => `${listId}-${i}`

	return (
		<form
			className="header-search"
			role="search"
			action="/search"
			method="get"
			onSubmit={(e) => {
				const chosen = active >= 0 ? items[active] : undefined
				if (chosen) {
					e.preventDefault()
					setOpen(false)
					navigate(hrefOf(chosen))
				}
			}}
		>
			<label htmlFor="q" className="visually-hidden">
				{t('search.box.label')}
			</label>
			<input
				id="q"
				name="q"
				type="search"
				autoComplete="off"
				placeholder={t('search.box.placeholder')}
				value={text}
				maxLength={300}
				role="combobox"
				aria-expanded={showList}
				aria-controls={listId}
				aria-autocomplete="list"
				aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
				data-testid="header-search"
				onChange={(e) => {
					setText(e.target.value)
					setOpen(true)
				}}
				onFocus={() => setOpen(true)}
				onBlur={() => setTimeout(() => setOpen(false), 150)}
				onKeyDown={(e) => {
					if (e.key === 'ArrowDown') {
						e.preventDefault()
						setOpen(true)
						setActive((i) => Math.min(items.length - 1, i + 1))
					} else if (e.key === 'ArrowUp') {
						e.preventDefault()
						setActive((i) => Math.max(-1, i - 1))
					} else if (e.key === 'Escape') {
						setOpen(false)
						setActive(-1)
					}
				}}
			/>
			<ul id={listId} role="listbox" aria-label={t('search.box.suggestions')} className="suggestions" hidden={!showList} data-testid="suggestions">
				{failed ? <li className="suggestions__note">{t('search.box.unavailable')}</li> : null}
				{items.map((s, i) => (
					<li key={s.kind === 'field' ? `f${s.code}` : s.id} id={optionId(i)} role="option" aria-selected={i === active} className={i === active ? 'suggestion suggestion--active' : 'suggestion'}>
						<a
							href={hrefOf(s)}
							tabIndex={-1}
							onMouseDown={(e) => {
								// Before the input's blur closes the list.
								e.preventDefault()
								setOpen(false)
								navigate(hrefOf(s))
							}}
						>
							<span className="badge badge--muted">{s.kind === 'field' ? t('search.box.field') : t(`search.typeBadge.${s.type}`)}</span>{' '}
							{s.kind === 'field' ? <span>{s.name}</span> : <Highlighted runs={s.title} />}
							{s.kind === 'document' && s.subtitle ? <span className="muted"> · {s.subtitle}</span> : null}
						</a>
					</li>
				))}
				{items.length > 0 ? (
					<li className="suggestions__all">
						<a href={`/search?q=${encodeURIComponent(text.trim())}`}>{t('search.box.all', { q: text.trim() })}</a>
					</li>
				) : null}
			</ul>
		</form>
	)
}
