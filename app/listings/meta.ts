import type { ListingDetailData } from '~/listings/detail.server'

/** Title, description, OpenGraph and schema.org data for a listing's detail page. */
export function listingMeta(data: ListingDetailData | undefined) {
	if (!data) return [{ title: 'Cầu Nối' }]
	const l = data.listing as ListingDetailData['listing'] & Record<string, unknown>
	const description = String((data.kind === 'offer' ? l.summary : l.problem) ?? '')
		.replace(/[#*_`>[\]()]/g, '')
		.slice(0, 200)
	const tags = [
		{ title: `${l.title} · Cầu Nối` },
		{ name: 'description', content: description },
		{ property: 'og:type', content: 'article' },
		{ property: 'og:title', content: l.title },
		{ property: 'og:description', content: description },
		{ property: 'og:url', content: data.canonicalUrl },
		{ property: 'og:site_name', content: 'Cầu Nối' },
		{ property: 'og:locale', content: data.locale === 'vi' ? 'vi_VN' : 'en_GB' },
		{ tagName: 'link', rel: 'canonical', href: data.canonicalUrl },
	]
	// Only public listings are described to search engines.
	if (l.status !== 'PUBLISHED') return [...tags, { name: 'robots', content: 'noindex' }]
	const org = { '@type': 'Organization', name: l.organisation.name }
	const structured =
		data.kind === 'offer'
			? {
					'@context': 'https://schema.org',
					'@type': 'Service',
					name: l.title,
					description,
					url: data.canonicalUrl,
					provider: org,
					keywords: l.keywords.join(', '),
					...(l.priceMin !== null && l.priceMin !== undefined ? { offers: { '@type': 'Offer', priceCurrency: 'VND', price: String(l.priceMin) } } : {}),
				}
			: {
					'@context': 'https://schema.org',
					'@type': 'Demand',
					name: l.title,
					description,
					url: data.canonicalUrl,
					seller: org,
				}
	return [...tags, { 'script:ld+json': structured }]
}
