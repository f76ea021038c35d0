import { prisma } from '~/utils/db.server'

/** An organisation page's short lists: the task results it hosted and its experts, with their totals. */
export async function organisationResearch(organisationId: string, take = 5) {
	const [taskResults, taskResultCount, experts, expertCount] = await Promise.all([
		prisma.taskResult.findMany({
			where: { hostOrganisationId: organisationId },
			select: { id: true, taskCode: true, title: true, startYear: true, endYear: true },
			orderBy: [{ endYear: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
			take,
		}),
		prisma.taskResult.count({ where: { hostOrganisationId: organisationId } }),
		prisma.expert.findMany({
			where: { organisationId },
			select: { id: true, fullName: true, academicTitle: true, degree: true },
			orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
			take,
		}),
		prisma.expert.count({ where: { organisationId } }),
	])
	return { taskResults: { items: taskResults, total: taskResultCount }, experts: { items: experts, total: expertCount } }
}
