import { notify } from '~/models/notification.server'
import { isUserOnline } from '~/realtime/registry.server'
import { prisma } from '~/utils/db.server'
import { inTransaction } from '~/utils/transaction.server'

// The unread-messages digest: someone who has been away while messages waited for them gets one
// notification (e-mail by default, per their notification settings) covering all their rooms.
// Each member row remembers the last message a digest covered, so a message is told about once,
// and someone online (a socket open on any node) is not mailed about what they can see.

/** Messages must have waited this long before a digest tells about them. */
export const DIGEST_AFTER_MS = 30 * 60_000

type Pending = { memberId: string; userId: string; roomId: string; title: string; lastSeq: number; count: number }

/** Sends the digests that are due; returns how many people were told. */
export async function runChatDigests(now = new Date()) {
	const waitedSince = new Date(now.getTime() - DIGEST_AFTER_MS)
	// Rooms with messages newer than both what the member read and what the last digest covered,
	// the oldest of those written before the waiting time.
	const rows = await prisma.$queryRaw<Pending[]>`
		SELECT m.id AS "memberId", m."userId", r.id AS "roomId", COALESCE(d.title, r.title) AS title, r."lastSeq",
		       (r."lastSeq" - GREATEST(m."lastReadSeq", m."digestedSeq"))::int AS count
		FROM "ChatMember" m
		JOIN "ChatRoom" r ON r.id = m."roomId"
		LEFT JOIN "Deal" d ON d.id = r."dealId"
		JOIN "User" u ON u.id = m."userId" AND u."disabledAt" IS NULL
		WHERE m."removedAt" IS NULL
		  AND r."lastSeq" > GREATEST(m."lastReadSeq", m."digestedSeq")
		  AND EXISTS (
			SELECT 1 FROM "ChatMessage" msg
			WHERE msg."roomId" = r.id AND msg.seq = GREATEST(m."lastReadSeq", m."digestedSeq") + 1 AND msg."createdAt" <= ${waitedSince}
		  )
		ORDER BY m."userId"
		LIMIT 5000`
	const byUser = new Map<string, Pending[]>()
	for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row])
	let told = 0
	for (const [userId, pending] of byUser) {
		if (await isUserOnline(userId)) continue
		const count = pending.reduce((sum, p) => sum + p.count, 0)
		await inTransaction(async (unit) => {
			// Claimed by moving digestedSeq forward only where it is still behind: two workers never both tell.
			let claimed = 0
			for (const p of pending) claimed += await unit.tx.chatMember.updateMany({ where: { id: p.memberId, digestedSeq: { lt: p.lastSeq } }, data: { digestedSeq: p.lastSeq } }).then((r) => r.count)
			if (claimed === 0) return
			const titles = pending.map((p) => p.title || '—').slice(0, 5)
			await notify(unit, { userId, kind: 'chat.unread', params: { count, rooms: pending.length, titles: titles.join(', ') }, link: pending.length === 1 ? `/messages/${pending[0]!.roomId}` : '/messages' })
			told++
		})
	}
	return { told, rooms: rows.length }
}
