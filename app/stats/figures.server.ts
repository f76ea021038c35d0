/**
 * The statistics figures as tables (./table): translated, in the order the page shows them. The
 * public summary (/stats, /api/v1/stats) has the market's figures; operators also see deal values,
 * response signals and the gaps. Every figure's note says how it is computed.
 */
import type { AppLocale } from '~/locales'
import { IP_STATUSES, TRANSFER_MODES } from '~/models/listing-schema'
import { prisma } from '~/utils/db.server'
import { translateKey } from '~/utils/meta'
import { periodLabels, periodOf, type StatsFilters } from './filters'
import * as q from './queries.server'
import type { FigureId, StatColumn, StatRow, StatTable } from './table'

export type Audience = 'public' | 'operator'

export const PUBLIC_FIGURES: readonly FigureId[] = ['overTime', 'byField', 'byProvince', 'byTrl', 'byIpStatus', 'byTransferMode', 'funnel']
export const OPERATOR_FIGURES: readonly FigureId[] = [...PUBLIC_FIGURES, 'dealValues', 'responseSignals', 'unmetByField', 'unmetTopics', 'unofferedTaskResults']

const ORG_TYPES = ['ENTERPRISE', 'RESEARCH_INSTITUTE', 'UNIVERSITY', 'BROKER_FIRM', 'AGENCY'] as const

type Builder = (filters: StatsFilters, t: T, locale: AppLocale) => Promise<Omit<StatTable, 'id' | 'title' | 'note'> | null>
type T = (key: string, params?: Record<string, string | number>) => string

const col = (key: string, label: string, kind: StatColumn['kind']): StatColumn => ({ key, label, kind })
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null)
const name = (row: { nameVi: string; nameEn: string }, locale: AppLocale) => (locale === 'vi' ? row.nameVi : row.nameEn)

/**
 * A gap per breakdown field: how many there are (`total`), how many of them are the gap, and the
 * share. The keys name both the columns and their labels (stats.columns.<key>).
 */
async function gapByField(
	filters: StatsFilters,
	t: T,
	locale: AppLocale,
	keys: { total: string; gap: string; share: string },
	count: (scope: StatsFilters, codes: string[]) => Promise<Map<string, { total: number; gap: number }>>,
) {
	const fields = await q.breakdownFields(filters.field)
	const counts = await count(filters, fields.map((f) => f.code))
	return {
		columns: [
			col('code', t('stats.columns.code'), 'text'),
			col('field', t('stats.columns.field'), 'label'),
			col(keys.total, t(`stats.columns.${keys.total}`), 'count'),
			col(keys.gap, t(`stats.columns.${keys.gap}`), 'count'),
			col(keys.share, t(`stats.columns.${keys.share}`), 'share'),
		],
		rows: fields.map((f) => {
			const c = counts.get(f.code) ?? { total: 0, gap: 0 }
			return { code: f.code, field: name(f, locale), [keys.total]: c.total, [keys.gap]: c.gap, [keys.share]: share(c.gap, c.total) }
		}),
		chart: { type: 'hbar' as const, x: 'field', series: [keys.total, keys.gap] },
	}
}

const builders: Record<FigureId, Builder> = {
	async overTime(filters, t) {
		const [offers, demands] = await Promise.all([q.listingsPerMonth('offer', filters), q.listingsPerMonth('demand', filters)])
		const rows = new Map(periodLabels(filters).map((label) => [label, { period: label, offers: 0, demands: 0 }]))
		const add = (counts: Map<string, number>, key: 'offers' | 'demands') => {
			for (const [month, count] of counts) {
				const row = rows.get(periodOf(month, filters.bucket))
				if (row) row[key] += count
			}
		}
		add(offers, 'offers')
		add(demands, 'demands')
		return {
			columns: [col('period', t('stats.columns.period'), 'label'), col('offers', t('stats.columns.offers'), 'count'), col('demands', t('stats.columns.demands'), 'count')],
			rows: [...rows.values()],
			chart: { type: 'line', x: 'period', series: ['offers', 'demands'] },
		}
	},

	async byField(filters, t, locale) {
		const fields = await q.breakdownFields(filters.field)
		const codes = fields.map((f) => f.code)
		const [offers, demands] = await Promise.all([q.listingsPerField('offer', filters, codes), q.listingsPerField('demand', filters, codes)])
		return {
			columns: [col('code', t('stats.columns.code'), 'text'), col('field', t('stats.columns.field'), 'label'), col('offers', t('stats.columns.offers'), 'count'), col('demands', t('stats.columns.demands'), 'count')],
			rows: fields.map((f) => ({ code: f.code, field: name(f, locale), offers: offers.get(f.code) ?? 0, demands: demands.get(f.code) ?? 0 })),
			chart: { type: 'hbar', x: 'field', series: ['offers', 'demands'] },
		}
	},

	async byProvince(filters, t, locale) {
		// One province's page has nothing to compare it with here; the national page ranks them.
		if (filters.province) return null
		const [provinces, offers, demands] = await Promise.all([
			prisma.province.findMany({ select: { code: true, nameVi: true, nameEn: true }, orderBy: { code: 'asc' } }),
			q.listingsPerProvince('offer', filters),
			q.listingsPerProvince('demand', filters),
		])
		const rows = provinces.map((p) => ({ code: p.code, province: name(p, locale), offers: offers.get(p.code) ?? 0, demands: demands.get(p.code) ?? 0 }))
		rows.sort((a, b) => b.offers + b.demands - (a.offers + a.demands) || a.code.localeCompare(b.code))
		return {
			columns: [col('code', t('stats.columns.code'), 'text'), col('province', t('stats.columns.province'), 'label'), col('offers', t('stats.columns.offers'), 'count'), col('demands', t('stats.columns.demands'), 'count')],
			rows,
			chart: { type: 'hbar', x: 'province', series: ['offers', 'demands'] },
		}
	},

	async byTrl(filters, t) {
		const [offers, demands] = await Promise.all([q.listingsPerTrl('offer', filters), q.listingsPerTrl('demand', filters)])
		const levels = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '']
		return {
			columns: [col('trl', t('stats.columns.trl'), 'label'), col('offers', t('stats.columns.offersTrl'), 'count'), col('demands', t('stats.columns.demandsMinTrl'), 'count')],
			rows: levels.map((level) => ({ trl: level ? `TRL ${level}` : t('stats.notGiven'), offers: offers.get(level) ?? 0, demands: demands.get(level) ?? 0 })),
			chart: { type: 'bar', x: 'trl', series: ['offers', 'demands'] },
		}
	},

	async byIpStatus(filters, t) {
		const offers = await q.offersPerIpStatus(filters)
		return {
			columns: [col('ipStatus', t('stats.columns.ipStatus'), 'label'), col('offers', t('stats.columns.offers'), 'count')],
			rows: IP_STATUSES.map((status) => ({ ipStatus: t(`listings.ipStatus.${status}`), offers: offers.get(status) ?? 0 })),
			chart: { type: 'hbar', x: 'ipStatus', series: ['offers'] },
		}
	},

	async byTransferMode(filters, t) {
		const [offers, demands] = await Promise.all([q.listingsPerTransferMode('offer', filters), q.listingsPerTransferMode('demand', filters)])
		return {
			columns: [col('mode', t('stats.columns.transferMode'), 'label'), col('offers', t('stats.columns.offers'), 'count'), col('demands', t('stats.columns.demands'), 'count')],
			rows: TRANSFER_MODES.map((mode) => ({ mode: t(`listings.transferModes.${mode}`), offers: offers.get(mode) ?? 0, demands: demands.get(mode) ?? 0 })),
			chart: { type: 'hbar', x: 'mode', series: ['offers', 'demands'] },
		}
	},

	async funnel(filters, t) {
		const f = await q.funnel(filters)
		const days = (seconds: number | null) => (seconds === null ? null : seconds / 86_400)
		const rows: StatRow[] = [
			{ step: t('stats.funnel.match'), count: f.matches, conversion: null, medianDays: null },
			{ step: t('stats.funnel.interest'), count: f.interest, conversion: share(f.interestFromMatch, f.matches), medianDays: days(f.medians.interest) },
			{ step: t('stats.funnel.nda'), count: f.nda, conversion: share(f.nda, f.interest), medianDays: days(f.medians.nda) },
			{ step: t('stats.funnel.agreement'), count: f.agreement, conversion: share(f.agreement, f.nda), medianDays: days(f.medians.agreement) },
			{ step: t('stats.funnel.paid'), count: f.paid, conversion: share(f.paid, f.agreement), medianDays: days(f.medians.paid) },
			{ step: t('stats.funnel.transferred'), count: f.transferred, conversion: share(f.transferred, f.paid), medianDays: days(f.medians.transferred) },
		]
		return {
			columns: [
				col('step', t('stats.columns.step'), 'label'),
				col('count', t('stats.columns.count'), 'count'),
				col('conversion', t('stats.columns.conversion'), 'share'),
				col('medianDays', t('stats.columns.medianDays'), 'days'),
			],
			rows,
			chart: { type: 'hbar', x: 'step', series: ['count'] },
		}
	},

	async dealValues(filters, t) {
		const v = await q.dealValues(filters)
		const row = (kind: string, value: q.ValueRow) => ({ kind: t(`stats.dealValues.${kind}`), deals: value.deals, total: value.total, median: value.median })
		return {
			columns: [col('kind', t('stats.columns.valueKind'), 'label'), col('deals', t('stats.columns.deals'), 'count'), col('total', t('stats.columns.totalVnd'), 'vnd'), col('median', t('stats.columns.medianVnd'), 'vnd')],
			rows: [row('agreed', v.agreed), row('paid', v.paid), row('offPlatform', v.offPlatform)],
			chart: { type: 'hbar', x: 'kind', series: ['total'] },
		}
	},

	async responseSignals(filters, t) {
		const signals = await q.responseSignals(filters)
		const get = (type: string, channel: 'interest' | 'message') => signals.find((s) => s.key === type && s.channel === channel)
		const hours = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? null : seconds / 3600)
		return {
			columns: [
				col('type', t('stats.columns.orgType'), 'label'),
				col('enquiries', t('stats.columns.enquiries'), 'count'),
				col('enquiriesAnswered', t('stats.columns.enquiriesAnswered'), 'share'),
				col('enquiryHours', t('stats.columns.enquiryHours'), 'hours'),
				col('messages', t('stats.columns.messages'), 'count'),
				col('messagesAnswered', t('stats.columns.messagesAnswered'), 'share'),
				col('messageHours', t('stats.columns.messageHours'), 'hours'),
			],
			rows: ORG_TYPES.map((type) => {
				const interest = get(type, 'interest')
				const message = get(type, 'message')
				return {
					type: t(`organisationTypes.${type}`),
					enquiries: interest?.received ?? 0,
					enquiriesAnswered: share(interest?.answered ?? 0, interest?.received ?? 0),
					enquiryHours: hours(interest?.medianSeconds),
					messages: message?.received ?? 0,
					messagesAnswered: share(message?.answered ?? 0, message?.received ?? 0),
					messageHours: hours(message?.medianSeconds),
				}
			}),
			chart: { type: 'bar', x: 'type', series: ['enquiriesAnswered', 'messagesAnswered'] },
		}
	},

	async unmetByField(filters, t, locale) {
		return gapByField(filters, t, locale, { total: 'demands', gap: 'unmet', share: 'unmetShare' }, q.unmetPerField)
	},

	async unmetTopics(filters, t) {
		const topics = await q.unmetTopics(filters)
		return {
			columns: [col('keyword', t('stats.columns.keyword'), 'label'), col('demands', t('stats.columns.unmet'), 'count')],
			rows: topics.map((topic) => ({ keyword: topic.keyword, demands: topic.demands })),
			chart: topics.length > 0 ? { type: 'hbar', x: 'keyword', series: ['demands'] } : null,
		}
	},

	async unofferedTaskResults(filters, t, locale) {
		return gapByField(filters, t, locale, { total: 'taskResults', gap: 'unoffered', share: 'unofferedShare' }, q.unofferedPerField)
	},
}

/** One figure, or null when it does not apply to these filters (provinces compared within one province). */
export async function buildFigure(id: FigureId, filters: StatsFilters, locale: AppLocale): Promise<StatTable | null> {
	const t: T = (key, params) => translateKey(locale, key, params)
	const body = await builders[id](filters, t, locale)
	if (!body) return null
	return { id, title: t(`stats.figures.${id}.title`), note: t(`stats.figures.${id}.note`), ...body }
}

/** The audience's figures for these filters, in page order. */
export async function buildFigures(audience: Audience, filters: StatsFilters, locale: AppLocale) {
	const ids = audience === 'operator' ? OPERATOR_FIGURES : PUBLIC_FIGURES
	const tables = await Promise.all(ids.map((id) => buildFigure(id, filters, locale)))
	return tables.filter((table): table is StatTable => table !== null)
}
