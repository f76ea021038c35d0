// Reading PostgreSQL's EXPLAIN (ANALYZE, FORMAT JSON) plans in the benchmarks: where a statement's
// time goes, node by node. Shared by bench/search.ts and bench/stats.ts.

export type PlanNode = {
	'Node Type': string
	'Actual Total Time'?: number
	'Actual Loops'?: number
	'Actual Rows'?: number
	'Relation Name'?: string
	'CTE Name'?: string
	'Index Name'?: string
	'Parent Relationship'?: string
	'Subplan Name'?: string
	'Shared Hit Blocks'?: number
	'Shared Read Blocks'?: number
	Plans?: PlanNode[]
}

export const totalTime = (node: PlanNode) => (node['Actual Total Time'] ?? 0) * (node['Actual Loops'] ?? 1)

/**
 * Nodes by their own time (their total minus their children's), the largest first. A CTE runs
 * inside the first scan that reads it, so that scan's time has the CTE's subtracted, and the
 * CTE's own plan is not subtracted from the node it hangs under.
 */
export function selfTimes(root: PlanNode) {
	const nodes: PlanNode[] = []
	const collect = (node: PlanNode) => {
		nodes.push(node)
		for (const c of node.Plans ?? []) collect(c)
	}
	collect(root)
	const cteTime = new Map<string, number>()
	for (const n of nodes) if (n['Subplan Name']?.startsWith('CTE ')) cteTime.set(n['Subplan Name'].slice(4), totalTime(n))
	const firstReader = new Map<string, PlanNode>()
	for (const n of nodes) {
		const cte = n['Node Type'] === 'CTE Scan' ? n['CTE Name'] : undefined
		if (cte && totalTime(n) > totalTime(firstReader.get(cte) ?? n) - 1e-9) firstReader.set(cte, n)
	}
	return nodes
		.map((node) => {
			const children = (node.Plans ?? []).filter((c) => c['Parent Relationship'] !== 'InitPlan' && !c['Subplan Name']?.startsWith('CTE ')).reduce((s, c) => s + totalTime(c), 0)
			const cte = node['CTE Name']
			const materialised = cte && firstReader.get(cte) === node ? (cteTime.get(cte) ?? 0) : 0
			const on = node['Relation Name'] ?? cte ?? node['Index Name']
			const using = node['Index Name'] && node['Relation Name'] ? ` using ${node['Index Name']}` : ''
			const label = `${node['Subplan Name'] ? `[${node['Subplan Name']}] ` : ''}${node['Node Type']}${on ? ` on ${on}` : ''}${using}`
			const loops = node['Actual Loops'] ?? 1
			return { label, self: Math.max(0, totalTime(node) - children - materialised), rows: (node['Actual Rows'] ?? 0) * loops, loops }
		})
		.sort((a, b) => b.self - a.self)
}
