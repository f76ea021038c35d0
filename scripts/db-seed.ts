// `npm run db:seed`: adds the demo organisations and users to DATABASE_URL (never run implicitly on a real database).
import { seedDemo } from '../prisma/seed/seed.ts'

const url = process.env.DATABASE_URL
if (!url) {
	console.error('DATABASE_URL is not set / Chưa đặt DATABASE_URL')
	process.exit(1)
}
const { created, logins, password } = await seedDemo(url)
console.log(
	`Seeded ${created.organisations} organisations, ${created.users} users, ${created.offers} offers, ${created.demands} demands, ${created.taskResults} task results, ${created.experts} experts and ${created.offerLinks} offer links to task results.`,
)
console.log(`Demo logins (password ${password}):`)
for (const login of logins) console.log(`  ${login.roleVi} / ${login.role}: ${login.email}`)
