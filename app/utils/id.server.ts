import { randomBytes } from 'node:crypto'

/**
 * A new record id in the shape of Prisma's cuid() ids (a time part, then randomness), for rows
 * written with raw SQL: @default(cuid()) is applied by the client, not by the database.
 */
export function newId() {
	return `c${Date.now().toString(36)}${randomBytes(9).toString('hex')}`
}
