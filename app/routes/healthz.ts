import { prisma } from '~/utils/db.server'

/** Liveness and readiness in one: 200 when the database answers, 503 otherwise. */
export async function loader() {
	const started = performance.now()
	try {
		await prisma.$queryRaw`SELECT 1`
		return Response.json(
			{ status: 'ok', database: 'ok', latencyMs: Math.round(performance.now() - started) },
			{ headers: { 'Cache-Control': 'no-store' } },
		)
	} catch {
		return Response.json({ status: 'error', database: 'unreachable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
	}
}
