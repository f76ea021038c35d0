import type { Highlighted as Runs } from '~/search/types'

/** Text with the words a search matched in <mark>; runs are plain text, never HTML. */
export function Highlighted({ runs }: { runs: Runs }) {
	return (
		<>
			{runs.map((r, i) => (r.match ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>))}
		</>
	)
}
