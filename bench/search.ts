/**
 * Search benchmark: a fixed mix of about forty searches over 100,000 published listings (half
 * Vietnamese, half English), each timed through the search loader and as the bare SQL the engine
 * runs for it, in the same run; plus the throughput of a full index rebuild.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:search -- [--listings N] [--reps N] [--keep]
 *
 * It creates the database `caunoi_bench_search` on that server (dropping an older one), migrates
 * it, bulk-inserts the listings with SQL, rebuilds the index with `rebuildIndex`, measures, then
 * drops the database (also on failure; `--keep` leaves it for EXPLAIN sessions).
 *
 * What is timed for each search (warm, one at a time, `--reps` times after two warm-up rounds):
 * - loader: `searchPageLoader` from app/search/page.server.ts when that file exists, else
 *   `runSearch(toSearchRequest(readSearchParams(…)))` (the table says which);
 * - bare: the statements `engine.statements(request)` returns for it (a probe, then hits and facets
 *   in parallel, the hits through `runHits` as the engine runs them: with few title matches, their
 *   candidates through GIN first), without parsing, synonyms, spelling correction or labels.
 * The loader's p95 over the bare p95 is the overhead ratio (goal: at most 1.5); the bare p95 itself
 * should stay under 50 ms at 100,000 listings. See bench/README.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import pg from 'pg'
import type { Prisma } from '../app/generated/prisma/client.ts'
import type { IpStatusValue, TransferModeValue } from '../app/models/listing-schema.ts'
import { provinces } from '../prisma/reference/provinces.ts'
import { generateListings, Random, syntheticOrganisations, type GeneratedDemand, type GeneratedOffer } from '../prisma/seed/demo-listings.ts'
import { selfTimes, type PlanNode } from './plan'

const DATABASE = 'caunoi_bench_search'
const SEED = 'bench-search'
/** The moment the listings are generated for: fixed, so every run builds the same data. */
const NOW = new Date('2026-12-01T00:00:00.000Z')
const PUBLISHED_SPAN_DAYS = 3 * 365
const GOAL_BARE_P95_MS = 50
const GOAL_RATIO = 1.5

const argv = process.argv.slice(2)
function option(name: string, fallback: number) {
	const at = argv.indexOf(name)
	if (at < 0) return fallback
	const value = Number(argv[at + 1])
	if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive whole number`)
	return value
}
const LISTINGS = option('--listings', 100_000)
const REPS = option('--reps', 10)
const WARMUP_REPS = 2
const KEEP = argv.includes('--keep') || argv.includes('--reuse')
/** Measures the index a kept database already holds (after migrating it), without generating or indexing. */
const REUSE = argv.includes('--reuse')
const ORGANISATIONS = Math.min(600, Math.max(20, Math.round(LISTINGS / 250)))

const log = (message: string) => console.log(`[bench] ${message}`)
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

const admin = process.env.DATABASE_URL
if (!admin) {
	console.error('Set DATABASE_URL to a PostgreSQL server (the benchmark makes its own database there).')
	process.exit(1)
}

function withDatabase(url: string, database: string) {
	const parsed = new URL(url)
	parsed.pathname = `/${database}`
	return parsed.toString()
}

async function adminRows(sql: string) {
	const client = new pg.Client({ connectionString: admin })
	await client.connect()
	try {
		return (await client.query(sql)).rowCount ?? 0
	} finally {
		await client.end()
	}
}

async function adminQuery(sql: string) {
	const client = new pg.Client({ connectionString: admin })
	await client.connect()
	try {
		await client.query(sql)
	} finally {
		await client.end()
	}
}

// ─── English listings ────────────────────────────────────────────────────────
// Vietnamese listings come from prisma/seed/demo-listings.ts. The English half is composed here
// from per-domain templates in the same way: `{a|b}` picks one, `{lo-hi}` draws a whole number.

type EnTech = { name: string; targets: readonly string[]; detail: string; keywords: readonly string[] }
type EnNeed = { need: string; problem: string; outcomes: readonly string[] }
type EnDomain = {
	fields: readonly string[]
	provinces: readonly string[]
	/** Lower bound of a price or budget, million VND. */
	price: readonly [number, number]
	ip: readonly IpStatusValue[]
	keywords: readonly string[]
	techs: readonly EnTech[]
	benefits: readonly string[]
	specs: readonly string[]
	scope: readonly string[]
	facilities: readonly string[]
	current: readonly string[]
	needs: readonly EnNeed[]
}

const EN_DOMAINS: readonly EnDomain[] = [
	{
		fields: ['40504', '40501', '40503', '40502', '405'],
		provinces: ['96', '91', '92', '82', '86', '56', '22'],
		price: [250, 3500],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'KNOW_HOW', 'NONE'],
		keywords: ['aquaculture', 'fisheries', 'biosecurity', 'shrimp farming', 'ASC', 'VietGAP'],
		techs: [
			{
				name: 'recirculating aquaculture system for {target}',
				targets: ['whiteleg shrimp', 'black tiger shrimp', 'barramundi', 'grouper', 'sturgeon'],
				detail: 'a recirculating aquaculture system that reuses {85-97}% of the water through mechanical filters, a moving-bed biofilter and UV disinfection, raising {target} at densities of {150-400} animals per cubic metre',
				keywords: ['RAS', 'recirculating aquaculture', 'biofilter', 'water reuse'],
			},
			{
				name: 'probiotic water treatment for {target} ponds',
				targets: ['shrimp', 'pangasius', 'tilapia', 'clam'],
				detail: 'a blend of {3-7} Bacillus strains that breaks down organic sludge and keeps ammonia below {1-2} mg/l in {target} ponds without antibiotics',
				keywords: ['probiotics', 'Bacillus', 'water quality', 'antibiotic-free'],
			},
			{
				name: 'automatic feeder with sonar appetite sensing',
				targets: ['shrimp ponds', 'fish cages', 'nursery tanks'],
				detail: 'a solar-powered feeder for {target} that listens to feeding sounds and adjusts the ration every {5-15} minutes, lowering the feed conversion ratio to {1-2}.{1-4}',
				keywords: ['smart feeder', 'feed conversion ratio', 'acoustic sensing'],
			},
			{
				name: 'disease-free broodstock programme for {target}',
				targets: ['whiteleg shrimp', 'giant freshwater prawn', 'mud crab'],
				detail: 'a selective breeding programme that delivers specific-pathogen-free {target} broodstock, screened by PCR for {4-8} pathogens including white spot syndrome virus',
				keywords: ['SPF broodstock', 'selective breeding', 'PCR screening', 'white spot'],
			},
		],
		benefits: [
			'survival rate above {80-95}% over the grow-out cycle',
			'water exchange reduced by {60-90}% compared with open ponds',
			'yield of {20-45} tonnes per hectare per crop',
			'no antibiotic residues, meeting export requirements',
			'operating cost {15-35}% lower than imported systems',
		],
		specs: [
			'Tank volume: {20-200} m³ per module',
			'Dissolved oxygen kept above {5-7} mg/l by automatic aeration',
			'Power consumption: {2-9} kWh per kg of harvested product',
			'Remote monitoring of pH, temperature and salinity over 4G',
		],
		scope: ['Hatcheries and nursery farms', 'Intensive and super-intensive grow-out farms', 'Cooperatives converting extensive ponds', 'Coastal farms facing saltwater intrusion'],
		facilities: ['{5-60} hectares of shrimp ponds', 'a hatchery producing {50-500} million postlarvae a year', 'a pangasius farm of {10-80} hectares'],
		current: ['Mortality reaches {20-45}% in the hot season', 'Ponds are drained and refilled from the river every crop', 'Feeding is done by hand four times a day', 'Water quality is tested manually once a week'],
		needs: [
			{ need: 'an early warning system for shrimp disease', problem: 'Outbreaks of early mortality syndrome are detected too late to save the crop.', outcomes: ['Disease detected at least {3-7} days earlier', 'Losses per crop below {5-15}%'] },
			{ need: 'a low-cost aeration and monitoring package', problem: 'Oxygen drops at night have killed stock twice in the last season.', outcomes: ['Dissolved oxygen alarms on the phone', 'Electricity cost per crop reduced by {10-30}%'] },
		],
	},
	{
		fields: ['40103', '40104', '40106', '40601', '40604', '401'],
		provinces: ['92', '82', '91', '01', '68', '66', '38'],
		price: [150, 2500],
		ip: ['PLANT_VARIETY', 'PATENT_GRANTED', 'PATENT_PENDING', 'KNOW_HOW', 'NONE'],
		keywords: ['plant breeding', 'crop variety', 'seed production', 'biofertilizer', 'plant protection'],
		techs: [
			{
				name: 'salt-tolerant {target} variety',
				targets: ['rice', 'sticky rice', 'maize', 'soybean'],
				detail: 'a {target} variety bred by marker-assisted selection that tolerates salinity of {4-8} ‰ at the seedling stage and matures in {90-110} days',
				keywords: ['salt tolerance', 'marker-assisted selection', 'climate resilience'],
			},
			{
				name: 'tissue culture propagation of {target}',
				targets: ['banana', 'orchids', 'strawberry', 'sugarcane', 'sweet potato'],
				detail: 'a micropropagation protocol for disease-free {target} plantlets with a multiplication rate of {4-9} per cycle and {90-98}% survival after acclimatisation',
				keywords: ['tissue culture', 'micropropagation', 'clean seedlings'],
			},
			{
				name: 'microbial biofertilizer for {target}',
				targets: ['coffee', 'pepper', 'durian', 'rice', 'vegetables'],
				detail: 'a biofertilizer combining nitrogen-fixing and phosphate-solubilising bacteria that cuts chemical fertiliser use on {target} by {20-40}% without yield loss',
				keywords: ['biofertilizer', 'organic fertilizer', 'soil health', 'nitrogen fixation'],
			},
			{
				name: 'biological control agent against {target}',
				targets: ['brown planthopper', 'fall armyworm', 'root-knot nematodes', 'Fusarium wilt'],
				detail: 'a Trichoderma and Beauveria based product that controls {target} with an efficacy of {65-90}% in field trials over {2-5} seasons',
				keywords: ['biopesticide', 'integrated pest management', 'Trichoderma'],
			},
		],
		benefits: [
			'yield increase of {8-25}% in farmer field trials',
			'fertiliser and pesticide costs reduced by {15-40}%',
			'seed can be multiplied by cooperatives',
			'registered in the national list of permitted products',
			'suited to the acid sulphate soils of the Mekong Delta',
		],
		specs: ['Growth duration: {85-120} days', 'Plant height: {90-115} cm', 'Potential yield: {6-9} tonnes per hectare', 'Shelf life of the product: {6-18} months at room temperature'],
		scope: ['Seed companies and seed cooperatives', 'Provincial agricultural extension centres', 'Large fields under contract farming', 'Organic and VietGAP certified farms'],
		facilities: ['{50-400} hectares of contract rice fields', 'a seed processing plant of {2-10} thousand tonnes a year', 'a coffee plantation of {30-300} hectares'],
		current: ['Yields have fallen by {10-25}% since salinity intrusion began', 'Seedlings are bought from traders with unknown origin', 'Pesticide residues have caused rejected export shipments'],
		needs: [
			{ need: 'a rice variety tolerant to salinity and submergence', problem: 'Saltwater intrusion now reaches our fields for {4-10} weeks each dry season.', outcomes: ['Stable yield above {5-7} tonnes per hectare', 'Seed supply for {100-800} hectares'] },
			{ need: 'a biological solution for soil-borne disease in durian', problem: 'Phytophthora root rot has killed {5-20}% of our trees in three years.', outcomes: ['Tree mortality below {1-3}% a year', 'No chemical residues in exported fruit'] },
		],
	},
	{
		fields: ['40107', '21101', '21102', '211'],
		provinces: ['82', '80', '79', '75', '92', '66', '52'],
		price: [300, 6000],
		ip: ['UTILITY_SOLUTION', 'PATENT_GRANTED', 'KNOW_HOW', 'KNOW_HOW', 'NONE'],
		keywords: ['food processing', 'post-harvest', 'cold chain', 'food safety', 'HACCP', 'drying'],
		techs: [
			{
				name: 'heat pump dryer for {target}',
				targets: ['mango', 'jackfruit', 'dragon fruit', 'coffee beans', 'cashew', 'dried shrimp'],
				detail: 'a closed-loop heat pump dryer that dries {target} at {40-60} °C, keeping colour and aroma while using {30-60}% less energy than a diesel dryer',
				keywords: ['heat pump drying', 'energy saving', 'dried fruit'],
			},
			{
				name: 'freeze drying line for {target}',
				targets: ['durian', 'strawberry', 'bird nest', 'instant soup'],
				detail: 'a vacuum freeze drying line with a capacity of {100-800} kg of fresh {target} per batch and a residual moisture below {2-5}%',
				keywords: ['freeze drying', 'lyophilisation', 'vacuum drying'],
			},
			{
				name: 'edible coating that extends the shelf life of {target}',
				targets: ['avocado', 'mango', 'pomelo', 'longan', 'banana'],
				detail: 'a plant-based edible coating that slows ripening of {target} and extends the shelf life to {20-45} days at {10-15} °C, enough for sea freight to export markets',
				keywords: ['edible coating', 'shelf life', 'postharvest preservation'],
			},
			{
				name: 'fermentation process for {target}',
				targets: ['fish sauce', 'cocoa beans', 'soy sauce', 'kombucha', 'rice wine'],
				detail: 'a controlled fermentation process for {target} using selected starter cultures that shortens fermentation from {6-12} months to {2-8} weeks with consistent quality',
				keywords: ['fermentation', 'starter culture', 'traditional food'],
			},
		],
		benefits: [
			'product meets EU and Japanese import standards',
			'post-harvest losses reduced from {20-35}% to under {5-10}%',
			'payback period of {12-36} months',
			'line can be installed in an existing workshop',
			'processing time cut by {30-70}%',
		],
		specs: ['Capacity: {200-3000} kg of raw material per day', 'Drying temperature: {35-70} °C, controlled within ±1 °C', 'Footprint: {20-150} m²', 'Stainless steel SUS304 contact surfaces'],
		scope: ['Fruit and vegetable packing houses', 'Small and medium food processors', 'Export-oriented cooperatives', 'Seafood processing plants'],
		facilities: ['a fruit packing house handling {5-40} tonnes a day', 'a seafood processing plant of {2000-20000} tonnes a year', 'a coffee roasting factory'],
		current: ['Fruit is sun-dried and quality varies between batches', 'Cold storage is available only at the port', 'Diesel dryers account for {30-50}% of processing cost'],
		needs: [
			{ need: 'a cold chain solution for exporting fresh fruit by sea', problem: 'Our mangoes ripen too early during the {18-30} day voyage.', outcomes: ['Shelf life of at least {25-40} days', 'Rejection rate at destination below {2-5}%'] },
			{ need: 'an energy-efficient drying line for cashew kernels', problem: 'Electricity and firewood costs have doubled in two years.', outcomes: ['Energy cost per tonne reduced by {25-50}%', 'Uniform moisture of {3-5}%'] },
		],
	},
	{
		fields: ['20703', '20313', '20201'],
		provinces: ['52', '66', '56', '68', '44', '80', '75'],
		price: [500, 12000],
		ip: ['PATENT_GRANTED', 'UTILITY_SOLUTION', 'KNOW_HOW', 'NONE'],
		keywords: ['renewable energy', 'solar power', 'energy storage', 'energy efficiency', 'biomass', 'green hydrogen'],
		techs: [
			{
				name: 'rooftop solar system with battery storage for {target}',
				targets: ['factories', 'cold stores', 'hospitals', 'farms'],
				detail: 'a grid-tied rooftop photovoltaic system for {target} with lithium iron phosphate battery storage of {50-500} kWh and an energy management system that shifts load to off-peak hours',
				keywords: ['photovoltaic', 'battery storage', 'energy management system', 'lithium battery'],
			},
			{
				name: 'biomass gasifier running on {target}',
				targets: ['rice husk', 'coffee husk', 'wood chips', 'bagasse'],
				detail: 'a downdraft gasifier that converts {target} into producer gas for boilers and dryers, replacing {200-1500} litres of diesel a day',
				keywords: ['biomass', 'gasification', 'agricultural residues'],
			},
			{
				name: 'biogas digester for {target}',
				targets: ['pig farms', 'dairy farms', 'cassava starch plants', 'slaughterhouses'],
				detail: 'a covered lagoon biogas digester for {target} that produces {300-3000} m³ of biogas a day and feeds a generator of {50-500} kW',
				keywords: ['biogas', 'anaerobic digestion', 'waste to energy'],
			},
			{
				name: 'small wind turbine for {target}',
				targets: ['islands', 'coastal farms', 'telecom towers'],
				detail: 'a {5-50} kW vertical-axis wind turbine for {target} designed for typhoon winds of up to {45-60} m/s',
				keywords: ['wind power', 'off-grid', 'typhoon resistant'],
			},
		],
		benefits: [
			'electricity bill reduced by {25-60}%',
			'carbon emissions cut by {100-2000} tonnes CO2 a year',
			'payback in {3-7} years',
			'local manufacturing of the main components',
			'remote monitoring and maintenance included',
		],
		specs: ['Installed capacity: {50-2000} kWp', 'Inverter efficiency above 98%', 'Design life: {20-25} years', 'Battery cycle life: {4000-8000} cycles'],
		scope: ['Industrial parks and factories', 'Agricultural processing plants', 'Off-grid islands and mountain villages', 'Commercial buildings'],
		facilities: ['a factory with a peak load of {300-3000} kW', 'a pig farm of {2000-20000} head', 'a cassava starch plant'],
		current: ['Power cuts in the dry season stop production', 'Waste is discharged to open lagoons that smell', 'Diesel generators run {4-10} hours a day'],
		needs: [
			{ need: 'an energy storage system to cut peak demand charges', problem: 'Peak-hour tariffs account for {35-55}% of our electricity bill.', outcomes: ['Peak demand reduced by {20-40}%', 'Backup power for {2-6} hours'] },
			{ need: 'a waste-to-energy solution for agricultural residues', problem: 'We burn or dump {20-200} tonnes of husk every month.', outcomes: ['Residues used on site', 'Fuel cost reduced by {30-60}%'] },
		],
	},
	{
		fields: ['20515', '20512', '21001', '20511', '20510', '20507'],
		provinces: ['01', '79', '19', '24', '31', '48', '38'],
		price: [400, 8000],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'KNOW_HOW'],
		keywords: ['advanced materials', 'nanotechnology', 'composite material', 'coatings', 'new materials'],
		techs: [
			{
				name: 'anti-corrosion coating for {target}',
				targets: ['steel bridges', 'offshore structures', 'ship hulls', 'power poles'],
				detail: 'a zinc-rich epoxy coating with nano silica that protects {target} in marine atmosphere for {15-25} years before the first repaint',
				keywords: ['anti-corrosion', 'coatings', 'nano silica', 'marine environment'],
			},
			{
				name: 'fibre-reinforced composite for {target}',
				targets: ['boat hulls', 'cooling towers', 'electric poles', 'water tanks'],
				detail: 'a glass and basalt fibre reinforced polymer for {target} that is {40-60}% lighter than steel and does not corrode in salt water',
				keywords: ['composite', 'basalt fibre', 'lightweight'],
			},
			{
				name: 'geopolymer concrete made from {target}',
				targets: ['fly ash', 'rice husk ash', 'steel slag', 'red mud'],
				detail: 'a cement-free geopolymer binder made from {target} reaching {30-60} MPa compressive strength at 28 days with {50-80}% lower CO2 emissions',
				keywords: ['geopolymer', 'green building materials', 'industrial by-products'],
			},
			{
				name: 'graphene-enhanced {target}',
				targets: ['conductive ink', 'thermal paste', 'lubricant', 'battery electrode'],
				detail: 'a {target} containing {0-2}.{1-9}% few-layer graphene produced by liquid-phase exfoliation, improving conductivity by a factor of {3-12}',
				keywords: ['graphene', 'nanomaterials', 'conductive materials'],
			},
		],
		benefits: [
			'raw materials available in Vietnam',
			'service life {2-4} times longer than conventional products',
			'price {20-45}% below imported equivalents',
			'tested to ASTM and TCVN standards',
			'production line can run on existing mixing equipment',
		],
		specs: ['Tensile strength: {200-900} MPa', 'Density: {1-2}.{1-9} g/cm³', 'Salt spray resistance: {1000-4000} hours', 'Particle size: {20-200} nm'],
		scope: ['Construction and infrastructure contractors', 'Shipyards and offshore engineering', 'Paint and coating manufacturers', 'Battery and electronics makers'],
		facilities: ['a paint factory producing {2000-20000} tonnes a year', 'a precast concrete plant', 'a shipyard building vessels of up to {500-5000} DWT'],
		current: ['Coatings are imported and lead times exceed {8-16} weeks', 'Fly ash is stockpiled and costs money to dispose of', 'Structures need repainting every {3-6} years'],
		needs: [
			{ need: 'a durable coating for steel structures near the sea', problem: 'Corrosion of our coastal steel structures costs {2-10} billion VND a year in maintenance.', outcomes: ['Repaint interval above {10-20} years', 'Coating made in Vietnam'] },
			{ need: 'a way to use fly ash in building products', problem: 'Our power plant produces {100-900} thousand tonnes of fly ash a year.', outcomes: ['At least {30-70}% of the ash reused', 'Products meeting TCVN for unburnt bricks'] },
		],
	},
	{
		fields: ['20302', '20305', '20202', '20203', '20301'],
		provinces: ['31', '24', '01', '19', '79', '75', '33'],
		price: [300, 9000],
		ip: ['UTILITY_SOLUTION', 'PATENT_GRANTED', 'INDUSTRIAL_DESIGN', 'KNOW_HOW', 'NONE'],
		keywords: ['automation', 'robot', 'CNC', 'mechanical engineering', 'machine vision', 'smart factory'],
		techs: [
			{
				name: 'robotic arm for {target}',
				targets: ['welding', 'palletising', 'painting', 'pick and place'],
				detail: 'a six-axis robotic arm for {target} with a payload of {5-50} kg, repeatability of ±0.0{2-9} mm and an offline programming tool',
				keywords: ['industrial robot', 'robotic arm', 'automation'],
			},
			{
				name: 'machine vision inspection system for {target}',
				targets: ['printed circuit boards', 'bottles and caps', 'textile fabric', 'fruit grading'],
				detail: 'a deep learning machine vision system that inspects {target} at {60-600} items per minute and detects defects with {95-99}% accuracy',
				keywords: ['machine vision', 'deep learning', 'quality inspection'],
			},
			{
				name: 'CNC machining centre for {target}',
				targets: ['moulds', 'motorbike parts', 'furniture', 'precision components'],
				detail: 'a {3-5}-axis CNC machining centre designed and built in Vietnam for {target}, with a spindle speed of {8000-24000} rpm',
				keywords: ['CNC', 'precision engineering', 'machine tools'],
			},
			{
				name: 'combine harvester for {target}',
				targets: ['rice', 'sugarcane', 'maize', 'cassava'],
				detail: 'a compact tracked harvester for {target} on small and wet fields, harvesting {2-6} hectares a day with losses below {1-3}%',
				keywords: ['agricultural machinery', 'harvester', 'mechanisation'],
			},
		],
		benefits: [
			'labour cost cut by {30-70}%',
			'spare parts available locally within 48 hours',
			'price about {40-60}% of an imported machine',
			'integrates with existing PLC and SCADA systems',
			'operators trained in {3-10} days',
		],
		specs: ['Positioning accuracy: ±0.0{1-5} mm', 'Working envelope: {600-2500} mm', 'Motor power: {2-30} kW', 'Control: PLC with Modbus TCP and OPC UA'],
		scope: ['Electronics and garment factories', 'Mechanical workshops and mould makers', 'Agricultural cooperatives', 'Food and beverage bottling lines'],
		facilities: ['a garment factory with {500-5000} workers', 'a mechanical workshop with {10-60} machines', 'an electronics assembly plant'],
		current: ['Inspection is manual and misses {2-8}% of defects', 'Workers leave after Tet and lines stop for weeks', 'Machines are more than {10-25} years old'],
		needs: [
			{ need: 'an automated inspection line for packaged products', problem: 'Customers returned {1-5}% of last year’s shipments for labelling defects.', outcomes: ['Defect escape rate below 0.{1-5}%', 'Line speed of at least {60-200} items a minute'] },
			{ need: 'a welding robot cell for steel frames', problem: 'We cannot hire enough skilled welders to meet orders.', outcomes: ['Output per shift doubled', 'Weld quality meeting ISO 3834'] },
		],
	},
	{
		fields: ['20201', '20204', '20206', '20207', '10201', '20205'],
		provinces: ['01', '79', '48', '24', '31', '19'],
		price: [200, 5000],
		ip: ['PATENT_PENDING', 'UTILITY_SOLUTION', 'KNOW_HOW', 'KNOW_HOW', 'NONE'],
		keywords: ['IoT', 'Internet of Things', 'sensor', 'digital transformation', 'artificial intelligence', 'big data'],
		techs: [
			{
				name: 'IoT monitoring platform for {target}',
				targets: ['greenhouses', 'cold storage', 'water networks', 'industrial boilers'],
				detail: 'an Internet of Things platform that collects data from {10-500} wireless sensors in {target} over LoRaWAN and raises alarms on a web dashboard and mobile app',
				keywords: ['LoRaWAN', 'sensor network', 'remote monitoring', 'dashboard'],
			},
			{
				name: 'AI camera for {target}',
				targets: ['traffic counting', 'crowd safety', 'fire and smoke detection', 'licence plate recognition'],
				detail: 'an edge AI camera running a computer vision model for {target} with {90-98}% accuracy, processing video on the device without sending it to the cloud',
				keywords: ['computer vision', 'edge computing', 'AI camera'],
			},
			{
				name: 'GPS tracking device for {target}',
				targets: ['refrigerated containers', 'fishing boats', 'construction machines', 'school buses'],
				detail: 'a GNSS tracker for {target} with 4G connectivity, a battery lasting {6-36} months and geofence alerts',
				keywords: ['GNSS', 'fleet tracking', 'telematics'],
			},
			{
				name: 'digital twin of {target}',
				targets: ['a production line', 'a water treatment plant', 'a building', 'a power substation'],
				detail: 'a digital twin of {target} that combines sensor data with a physics model to predict failures {2-14} days ahead',
				keywords: ['digital twin', 'predictive maintenance', 'machine learning'],
			},
		],
		benefits: [
			'hardware and software designed in Vietnam, source code owned',
			'deployment in under {2-6} weeks',
			'unplanned downtime reduced by {20-50}%',
			'data stored on servers in Vietnam',
			'subscription price from {1-9} million VND a month',
		],
		specs: ['Power: 24 VDC, under {2-8} W', 'Connectivity: 4G LTE, LoRaWAN, Modbus RTU/TCP', 'Enclosure rating: IP{65-68}', 'Operating temperature: -10 to {55-70} °C'],
		scope: ['Factories and industrial parks', 'Farms and greenhouses', 'Logistics companies', 'City authorities and utilities'],
		facilities: ['a cold store of {2000-20000} pallets', 'a water utility serving {50-500} thousand people', 'a fleet of {50-800} trucks'],
		current: ['Readings are written on paper twice a day', 'Failures are found only when machines stop', 'Data sits in spreadsheets that nobody analyses'],
		needs: [
			{ need: 'a remote monitoring system for cold storage temperature', problem: 'A compressor failure last year spoiled goods worth {1-8} billion VND.', outcomes: ['Alarms within {1-5} minutes of a deviation', 'Temperature records for audits'] },
			{ need: 'a leak detection system for the water network', problem: 'Non-revenue water is {25-40}% of production.', outcomes: ['Non-revenue water below {15-20}%', 'Leaks located within {50-200} m'] },
		],
	},
	{
		fields: ['20701', '20801', '20802', '207', '20799'],
		provinces: ['48', '01', '79', '75', '22', '92', '46'],
		price: [400, 10000],
		ip: ['PATENT_GRANTED', 'UTILITY_SOLUTION', 'KNOW_HOW', 'NONE'],
		keywords: ['wastewater treatment', 'environmental monitoring', 'solid waste', 'recycling', 'circular economy', 'clean water'],
		techs: [
			{
				name: 'wastewater treatment system for {target}',
				targets: ['seafood processing', 'textile dyeing', 'hospitals', 'rubber latex plants', 'residential areas'],
				detail: 'a compact wastewater treatment system for {target} combining anaerobic, anoxic and oxic stages with a membrane bioreactor, treating {50-2000} m³ a day to QCVN column A',
				keywords: ['wastewater treatment', 'membrane bioreactor', 'MBR', 'QCVN'],
			},
			{
				name: 'drinking water treatment unit for {target}',
				targets: ['rural communes', 'schools', 'islands', 'flood-prone villages'],
				detail: 'a solar-powered water treatment unit for {target} that removes arsenic, iron and bacteria and supplies {5-100} m³ of clean water a day',
				keywords: ['clean water', 'drinking water', 'arsenic removal'],
			},
			{
				name: 'composting process for {target}',
				targets: ['market waste', 'food waste', 'sewage sludge', 'crop residues'],
				detail: 'an aerated static pile composting process that turns {target} into organic fertiliser in {21-45} days with odour control',
				keywords: ['composting', 'organic waste', 'organic fertilizer'],
			},
			{
				name: 'plastic waste recycling line for {target}',
				targets: ['PET bottles', 'agricultural film', 'fishing nets', 'multilayer packaging'],
				detail: 'a washing and pelletising line that recycles {target} into pellets of {300-2000} kg per hour suitable for new products',
				keywords: ['plastic recycling', 'circular economy', 'recycled pellets'],
			},
		],
		benefits: [
			'effluent meets QCVN column A',
			'footprint {40-70}% smaller than a conventional plant',
			'operating cost below {3000-8000} VND per m³',
			'sludge reused as fertiliser',
			'automatic operation with online monitoring sent to the environment department',
		],
		specs: ['Capacity: {20-5000} m³ per day', 'COD removal above {90-98}%', 'Power consumption: 0.{3-9} kWh per m³', 'Membrane life: {5-8} years'],
		scope: ['Industrial parks and factories', 'Hospitals and clinics', 'Rural water supply schemes', 'Municipal waste companies'],
		facilities: ['a seafood plant discharging {500-3000} m³ of wastewater a day', 'a textile dyeing factory', 'a municipal landfill receiving {100-900} tonnes a day'],
		current: ['Effluent exceeds the COD limit in peak season', 'The existing plant was built {10-20} years ago', 'Fines from the environmental police have increased'],
		needs: [
			{ need: 'a wastewater treatment upgrade to meet column A', problem: 'New discharge permits require QCVN column A from next year.', outcomes: ['Effluent at column A', 'Operating cost within {4000-9000} VND per m³'] },
			{ need: 'a solution for sorting and recycling municipal waste', problem: 'Our landfill will be full in {2-5} years.', outcomes: ['Landfilled waste reduced by {40-70}%', 'Recovered materials sold to recyclers'] },
		],
	},
	{
		fields: ['20601', '20605', '30212', '206'],
		provinces: ['01', '79', '46', '48', '92', '19'],
		price: [300, 7000],
		ip: ['PATENT_PENDING', 'PATENT_GRANTED', 'INDUSTRIAL_DESIGN', 'KNOW_HOW'],
		keywords: ['medical device', 'diagnostics', 'telemedicine', 'medical equipment', 'point of care'],
		techs: [
			{
				name: 'rapid test kit for {target}',
				targets: ['dengue', 'hepatitis B', 'African swine fever', 'tuberculosis'],
				detail: 'a lateral flow rapid test for {target} giving a result in {10-20} minutes with sensitivity of {92-99}% against the PCR reference',
				keywords: ['rapid test', 'point of care', 'diagnostics'],
			},
			{
				name: 'portable {target}',
				targets: ['ultrasound scanner', 'ECG monitor', 'patient monitor', 'oxygen concentrator'],
				detail: 'a portable {target} designed for district hospitals and commune health stations, with cloud storage of records and remote reading by specialists',
				keywords: ['medical equipment', 'telemedicine', 'primary care'],
			},
			{
				name: 'AI software for reading {target}',
				targets: ['chest X-rays', 'mammograms', 'retinal images', 'CT scans'],
				detail: 'a deep learning model that screens {target} and flags abnormal findings with an area under the curve of 0.{90-98}, trained on {20-200} thousand Vietnamese images',
				keywords: ['medical imaging', 'artificial intelligence', 'computer-aided diagnosis'],
			},
		],
		benefits: [
			'price {30-60}% below imported devices',
			'maintenance and spare parts in Vietnam',
			'registered with the Ministry of Health as a class {2-3} device',
			'works without a stable internet connection',
			'user interface in Vietnamese',
		],
		specs: ['Battery life: {4-12} hours', 'Weight: {1-6} kg', 'Storage: {10-200} thousand records', 'Standards: ISO 13485, IEC 60601'],
		scope: ['District hospitals', 'Commune health stations', 'Private clinics', 'Veterinary laboratories'],
		facilities: ['a provincial hospital of {300-1500} beds', 'a chain of {5-40} private clinics', 'a diagnostic laboratory'],
		current: ['Patients travel {30-120} km for an ultrasound', 'Radiologists read more than {100-300} images a day', 'Test kits are imported with long delays'],
		needs: [
			{ need: 'a screening tool for diabetic retinopathy in primary care', problem: 'Most diabetic patients in the province are never screened.', outcomes: ['Screening of {5000-30000} patients a year', 'Referral only of abnormal cases'] },
			{ need: 'a telemedicine link between district and provincial hospitals', problem: 'Specialists are only available in the provincial hospital.', outcomes: ['Remote consultation within {15-60} minutes', 'Fewer unnecessary transfers'] },
		],
	},
	{
		fields: ['40105', '20403', '30231', '40204', '40301', '40310'],
		provinces: ['68', '15', '33', '01', '46', '25', '38', '40'],
		price: [200, 4000],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'KNOW_HOW', 'PLANT_VARIETY', 'NONE'],
		keywords: ['medicinal plants', 'herbal extract', 'animal feed', 'vaccine', 'veterinary', 'dietary supplement'],
		techs: [
			{
				name: 'extraction process for {target}',
				targets: ['ginseng saponins', 'curcumin from turmeric', 'artemisinin', 'ginger essential oil'],
				detail: 'a supercritical CO2 extraction process that recovers {target} with a purity of {85-98}% and no solvent residues',
				keywords: ['supercritical extraction', 'herbal extract', 'active ingredients'],
			},
			{
				name: 'GACP cultivation protocol for {target}',
				targets: ['Ngoc Linh ginseng', 'turmeric', 'Panax notoginseng', 'Gynostemma'],
				detail: 'a cultivation protocol for {target} following WHO good agricultural and collection practices, with yields of {2-8} tonnes of dry material per hectare',
				keywords: ['GACP', 'medicinal herbs', 'cultivation'],
			},
			{
				name: 'vaccine against {target}',
				targets: ['African swine fever', 'avian influenza', 'foot-and-mouth disease', 'Newcastle disease'],
				detail: 'an inactivated vaccine against {target} produced on cell culture, giving protection for {4-12} months after two doses',
				keywords: ['vaccine', 'animal health', 'veterinary'],
			},
			{
				name: 'fermented feed for {target}',
				targets: ['pigs', 'poultry', 'dairy cattle', 'catfish'],
				detail: 'a fermented feed supplement for {target} made from agricultural by-products and lactic acid bacteria, improving weight gain by {5-15}%',
				keywords: ['animal feed', 'fermented feed', 'lactic acid bacteria'],
			},
		],
		benefits: [
			'raw materials grown by contract farmers',
			'product registered with the competent authority',
			'production cost {20-40}% below imports',
			'quality controlled by HPLC fingerprinting',
			'suitable for GMP-certified plants',
		],
		specs: ['Extraction yield: {2-12}%', 'Batch size: {50-1000} kg', 'Shelf life: {12-36} months', 'Storage: {2-8} °C or room temperature'],
		scope: ['Pharmaceutical and cosmetic companies', 'Feed mills', 'Livestock farms and cooperatives', 'Medicinal plant growing areas'],
		facilities: ['a GMP pharmaceutical plant', 'a feed mill of {50-500} thousand tonnes a year', 'a pig farm of {1000-10000} sows'],
		current: ['Most herbal raw material is imported without traceability', 'Disease outbreaks cause heavy losses every year', 'Antibiotics are still used as growth promoters'],
		needs: [
			{ need: 'a standardised extract for a herbal product line', problem: 'Our products vary in active content between batches.', outcomes: ['Active content within ±{5-10}%', 'Certificate of analysis for every batch'] },
			{ need: 'an antibiotic-free feed programme for pigs', problem: 'Antibiotics in feed are banned from next year.', outcomes: ['Performance maintained without antibiotics', 'Feed cost increase below {2-5}%'] },
		],
	},
]

const EN_ORIGINS = [
	'Developed over {3-9} years by a team of {4-15} researchers and validated at {2-6} pilot sites in {province}.',
	'It is a result of a national science and technology programme, tested with partner enterprises between {2016-2022} and {2023-2026}.',
	'Field trials in {province} confirmed the performance figures under real operating conditions.',
	'The technology received a provincial science and technology award in {2019-2025}.',
	'An accredited laboratory (VILAS) independently confirmed the key figures.',
	'More than {5-60} units are in operation at customers in {province} and neighbouring provinces.',
]
const EN_QUALIFIERS = ['at industrial scale', 'for cooperatives', 'made in Vietnam', 'with low energy use', 'turnkey solution', 'new generation', 'at low cost']
const EN_OFFER_TITLES = ['{Name}', '{Name} {qualifier}', 'Licensing: {name}', '{Name}: {qualifier}', 'Technology transfer of {name}']
const EN_DEMAND_TITLES = ['Seeking {need}', 'Looking for {need}', 'Partner wanted: {need}', 'Request for {need}', '{Need} in {province}']
const EN_PACKAGE: Partial<Record<TransferModeValue, readonly string[]>> = {
	ASSIGNMENT: ['Assignment of the patent and the full technical file'],
	LICENSING: ['{Exclusive|Non-exclusive} licence for {3-10} years', 'Design documents, process sheets and operating manuals'],
	CAPITAL_CONTRIBUTION: ['Contribution of the technology as capital to a joint venture'],
	INVESTMENT_PROJECT: ['Transfer as part of the partner’s investment project'],
	CONSULTING: ['Advice on equipment selection, layout and permits'],
	TRAINING: ['Training of {2-8} engineers for {1-4} weeks at the recipient’s site'],
	RD_CONTRACT: ['Adaptation of the technology to the recipient’s conditions under a research contract'],
	EQUIPMENT_SALE: ['Supply and installation of the main equipment, with spare parts for {1-2} years'],
}
const EN_SUPPORT = ['Technical support for {6-24} months after transfer', 'Commissioning and acceptance tests at the recipient’s site', 'Equipment warranty of {12-24} months']
const EN_CLOSINGS = [
	'The process can be adapted to the recipient’s raw materials and site after a short feasibility study.',
	'The price depends on scale, exclusivity and the scope of technical support; a site visit can be arranged on request.',
	'We welcome partners who want to co-invest in scaling up production for the domestic market and for export.',
	'Reference sites can be visited by appointment, and operating data from them are available under a non-disclosure agreement.',
]
const EN_OPENINGS = ['Our company operates {facility} in {province}.', 'We run {facility} in {province} and plan to expand within {1-3} years.', 'The cooperative manages {facility} in {province}.']
const EN_REQUIREMENTS = [
	'Proven at commercial scale in Vietnam or in the region',
	'Uses the existing site and equipment as far as possible',
	'Complies with Vietnamese standards and regulations',
	'Total cost within the approved budget, paid against milestones',
	'Training of our staff and at least one year of support',
]
const EN_OUTCOMES = ['Results confirmed by measurements after {3-6} months of operation', 'Our staff able to operate and maintain the solution on their own', 'A clear return on investment within {2-5} years']

/** Uncommon words, each in a few dozen documents: the "rare terms" of the query mix. */
const RARE_EN = [
	'The binder is nanocellulose extracted from sugarcane bagasse.',
	'A chitosan film made from shrimp shells protects the surface.',
	'Residues are turned into biochar that is returned to the soil.',
	'The cell uses a perovskite absorber layer on top of silicon.',
	'Spirulina grown in photobioreactors supplies the protein.',
	'Fibres are produced by electrospinning a polymer solution.',
	'Contaminated soil is cleaned by phytoremediation with vetiver grass.',
	'Vermicompost from earthworm farms replaces part of the fertiliser.',
]
const RARE_VI = [
	'Chất kết dính là nanocellulose chiết tách từ bã mía.',
	'Màng chitosan từ vỏ tôm bảo vệ bề mặt sản phẩm.',
	'Phụ phẩm được nhiệt phân thành than sinh học (biochar) để cải tạo đất.',
	'Tảo xoắn spirulina nuôi trong hệ quang sinh học cung cấp đạm.',
	'Đất ô nhiễm được xử lý bằng cỏ vetiver theo phương pháp phytoremediation.',
	'Phân trùn quế thay thế một phần phân bón hóa học.',
]
const RARE_SHARE = 0.004

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('en') + s.slice(1)

function fill(rng: Random, template: string, vars: Record<string, string> = {}): string {
	return template
		.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole)
		.replace(/\{([^{}]+)\}/g, (whole, body: string) => {
			if (body.includes('|')) return rng.pick(body.split('|'))
			const range = /^(\d+)-(\d+)$/.exec(body)
			return range ? String(rng.int(Number(range[1]), Number(range[2]))) : whole
		})
}

function ancestorPaths(codes: readonly string[]) {
	const out = new Set<string>()
	for (const code of codes) for (const length of [1, 3, 5]) if (code.length >= length) out.add(code.slice(0, length))
	return [...out].sort()
}

const roundMoney = (vnd: number) => BigInt(Math.round(vnd / 10_000_000) * 10_000_000)
const logUniform = (rng: Random, lo: number, hi: number) => Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)))

function transferModes(rng: Random, kind: 'offer' | 'demand'): TransferModeValue[] {
	const odds: ReadonlyArray<readonly [TransferModeValue, number]> = [
		['ASSIGNMENT', 0.2],
		['LICENSING', kind === 'offer' ? 0.6 : 0.45],
		['CAPITAL_CONTRIBUTION', kind === 'offer' ? 0.12 : 0.04],
		['INVESTMENT_PROJECT', 0.08],
		['CONSULTING', 0.3],
		['TRAINING', 0.4],
		['RD_CONTRACT', 0.25],
		['EQUIPMENT_SALE', 0.3],
	]
	const chosen = odds.filter(([, p]) => rng.chance(p)).map(([m]) => m)
	return (chosen.length > 0 ? chosen : ['LICENSING' as const]).slice(0, 4)
}

const provinceName = new Map(provinces.map((p) => [p.code, p.nameEn]))

type Org = { id: string; key: string; provinceCode: string }

/** The columns the benchmark writes; everything is PUBLISHED. */
type OfferRow = {
	id: string
	organisationId: string
	title: string
	summary: string
	description: string
	fieldCodes: string[]
	fieldPaths: string[]
	keywords: string[]
	trl: number | null
	ipStatus: IpStatusValue
	ipNumbers: string
	transferModes: TransferModeValue[]
	priceMin: string | null
	priceMax: string | null
	priceNegotiable: boolean
	provinceCode: string | null
	publishedAt: string
	createdAt: string
}
type DemandRow = {
	id: string
	organisationId: string
	title: string
	problem: string
	desiredOutcome: string
	fieldCodes: string[]
	fieldPaths: string[]
	keywords: string[]
	minTrl: number | null
	budgetMin: string | null
	budgetMax: string | null
	budgetUndisclosed: boolean
	transferModes: TransferModeValue[]
	provinceCode: string | null
	publishedAt: string
	createdAt: string
}

function englishOffer(rng: Random, org: Org): Omit<OfferRow, 'id' | 'publishedAt' | 'createdAt'> {
	const domain = rng.pick(EN_DOMAINS)
	const provinceCode = rng.chance(0.6) ? rng.pick(domain.provinces) : rng.chance(0.7) ? org.provinceCode : null
	const vars = { province: provinceName.get(provinceCode ?? '') ?? 'several provinces' }
	const tech = rng.pick(domain.techs)
	const v = { ...vars, target: rng.pick(tech.targets) }
	const name = fill(rng, tech.name, v)
	const title = fill(rng, rng.pick(EN_OFFER_TITLES), { ...v, Name: upperFirst(name), name, qualifier: rng.pick(EN_QUALIFIERS) })
	const detail = fill(rng, tech.detail, v)
	const benefits = rng.sample(domain.benefits, 3).map((b) => fill(rng, b, v))
	const origins = rng.sample(EN_ORIGINS, 2).map((o) => fill(rng, o, v))
	const modes = transferModes(rng, 'offer')
	const rare = rng.chance(RARE_SHARE) ? [rng.pick(RARE_EN)] : []
	const summary = `${upperFirst(detail)}. Key advantages: ${benefits[0]} and ${benefits[1]}. ${origins[0]}`
	const packageItems = [...modes.flatMap((m) => EN_PACKAGE[m] ?? []), ...rng.sample(EN_SUPPORT, rng.int(1, 2))].slice(0, 6)
	const description = [
		`${upperFirst(detail)}. ${origins.join(' ')} ${rare.join(' ')}`.trim(),
		'### Key advantages',
		benefits.map((b) => `- ${upperFirst(b)}`).join('\n'),
		'### Main specifications',
		rng.sample(domain.specs, rng.int(2, 4)).map((s) => `- ${fill(rng, s, v)}`).join('\n'),
		'### Applications',
		rng.sample(domain.scope, rng.int(2, 3)).map((s) => `- ${s}`).join('\n'),
		'### Transfer package',
		packageItems.map((s, i) => `${i + 1}. ${fill(rng, s, v)}`).join('\n'),
		rng.sample(EN_CLOSINGS, 2).join(' '),
	].join('\n\n')
	const fieldCodes = rng.sample(domain.fields.slice(0, 4), rng.int(1, 2))
	const trl = rng.weighted([[3, 1], [4, 2], [5, 3], [6, 4], [7, 4], [8, 3], [9, 2]] as const)
	const ipStatus = rng.pick(domain.ip)
	const negotiable = rng.chance(0.15)
	const min = negotiable ? null : roundMoney(logUniform(rng, domain.price[0], domain.price[1]) * 1_000_000)
	return {
		organisationId: org.id,
		title,
		summary,
		description,
		fieldCodes,
		fieldPaths: ancestorPaths(fieldCodes),
		keywords: [...new Set([...rng.sample(tech.keywords, rng.int(2, 3)), ...rng.sample(domain.keywords, rng.int(1, 3))])],
		trl,
		ipStatus,
		ipNumbers: ipStatus === 'PATENT_GRANTED' ? `1-00${rng.int(10000, 39999)}` : ipStatus === 'UTILITY_SOLUTION' ? `2-000${rng.int(1000, 3999)}` : '',
		transferModes: modes,
		priceMin: min === null ? null : String(min),
		priceMax: min === null ? null : String(roundMoney(Number(min) * (1.3 + rng.next() * 1.5))),
		priceNegotiable: negotiable,
		provinceCode,
	}
}

function englishDemand(rng: Random, org: Org): Omit<DemandRow, 'id' | 'publishedAt' | 'createdAt'> {
	const domain = rng.pick(EN_DOMAINS)
	const provinceCode = rng.chance(0.8) ? org.provinceCode : rng.pick(domain.provinces)
	const vars = { province: provinceName.get(provinceCode) ?? 'Vietnam' }
	const chosen = rng.pick(domain.needs)
	const need = fill(rng, chosen.need, vars)
	const title = fill(rng, rng.pick(EN_DEMAND_TITLES), { ...vars, need, Need: upperFirst(need) })
	const facility = fill(rng, rng.pick(domain.facilities), vars)
	const rare = rng.chance(RARE_SHARE) ? [rng.pick(RARE_EN)] : []
	const problem = [
		[fill(rng, rng.pick(EN_OPENINGS), { ...vars, facility }), fill(rng, chosen.problem, vars), ...rare].join(' '),
		'**Current situation**',
		rng.sample(domain.current, rng.int(2, 3)).map((c) => `- ${fill(rng, c, vars)}`).join('\n'),
		'**Requirements for the solution**',
		rng.sample(EN_REQUIREMENTS, rng.int(2, 4)).map((r) => `- ${r}`).join('\n'),
		`We are open to ${rng.pick(['licensing', 'a research contract', 'buying equipment', 'a joint venture'])} and can host site visits. ${rng.pick(EN_CLOSINGS)}`,
	].join('\n\n')
	const outcomes = [...chosen.outcomes, ...rng.sample(EN_OUTCOMES, 2)].map((o) => `- ${fill(rng, o, vars)}`)
	const desiredOutcome = `Expected results of ${need}:\n\n${outcomes.join('\n')}`
	const fieldCodes = rng.sample(domain.fields.slice(0, 4), rng.int(1, 2))
	const undisclosed = rng.chance(0.25)
	const min = undisclosed ? null : roundMoney(logUniform(rng, domain.price[0], domain.price[1]) * 1_000_000)
	return {
		organisationId: org.id,
		title,
		problem,
		desiredOutcome,
		fieldCodes,
		fieldPaths: ancestorPaths(fieldCodes),
		keywords: [...new Set([...rng.sample(domain.keywords, rng.int(2, 3)), ...rng.sample(domain.techs.flatMap((t) => t.keywords), rng.int(1, 3))])],
		minTrl: rng.chance(0.15) ? null : rng.weighted([[5, 2], [6, 4], [7, 5], [8, 3], [9, 1]] as const),
		budgetMin: min === null ? null : String(min),
		budgetMax: min === null ? null : String(roundMoney(Number(min) * (1.2 + rng.next()))),
		budgetUndisclosed: undisclosed,
		transferModes: transferModes(rng, 'demand'),
		provinceCode,
	}
}

function vietnameseOffer(o: GeneratedOffer, org: Org, rng: Random): Omit<OfferRow, 'id' | 'publishedAt' | 'createdAt'> {
	const description = rng.chance(RARE_SHARE) ? `${o.description}\n\n${rng.pick(RARE_VI)}` : o.description
	return {
		organisationId: org.id,
		title: o.title,
		summary: o.summary,
		description,
		fieldCodes: o.fieldCodes,
		fieldPaths: o.fieldPaths,
		keywords: o.keywords,
		trl: o.trl,
		ipStatus: o.ipStatus,
		ipNumbers: o.ipNumbers,
		transferModes: o.transferModes,
		priceMin: o.priceMin === null ? null : String(o.priceMin),
		priceMax: o.priceMax === null ? null : String(o.priceMax),
		priceNegotiable: o.priceNegotiable,
		provinceCode: o.provinceCode,
	}
}

function vietnameseDemand(d: GeneratedDemand, org: Org, rng: Random): Omit<DemandRow, 'id' | 'publishedAt' | 'createdAt'> {
	const problem = rng.chance(RARE_SHARE) ? `${d.problem}\n\n${rng.pick(RARE_VI)}` : d.problem
	return {
		organisationId: org.id,
		title: d.title,
		problem,
		desiredOutcome: d.desiredOutcome,
		fieldCodes: d.fieldCodes,
		fieldPaths: d.fieldPaths,
		keywords: d.keywords,
		minTrl: d.minTrl,
		budgetMin: d.budgetMin === null ? null : String(d.budgetMin),
		budgetMax: d.budgetMax === null ? null : String(d.budgetMax),
		budgetUndisclosed: d.budgetUndisclosed,
		transferModes: d.transferModes,
		provinceCode: d.provinceCode,
	}
}

/** cuid-like ids from the seeded stream, so two runs index the same ids in the same order. */
function seededId(rng: Random) {
	let out = 'c'
	for (let i = 0; i < 24; i++) out += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(rng.next() * 36)]
	return out
}

/** Organisations, then offers and demands (60/40), half Vietnamese, half English, all published over three years. */
function generate(total: number, knownFields: Set<string>) {
	const rng = new Random(`${SEED}:floor`)
	const synthetic = syntheticOrganisations({ count: ORGANISATIONS, seed: SEED })
	const orgs = synthetic.map((o) => ({ id: seededId(rng), key: o.key, provinceCode: o.provinceCode, name: o.name, type: o.type, verified: o.verified }))
	const orgByKey = new Map(orgs.map((o) => [o.key, o]))
	const vi = Math.floor(total / 2)
	const en = total - vi
	const viOffers = Math.round(vi * 0.6)
	const enOffers = Math.round(en * 0.6)
	// The demo generator mixes statuses (about 83% published): ask for enough and keep the published ones.
	const generated = generateListings({ count: { offers: Math.ceil(viOffers / 0.75) + 20, demands: Math.ceil((vi - viOffers) / 0.75) + 20 }, seed: SEED, organisations: synthetic, now: NOW })
	const publishedOffers = generated.offers.filter((o) => o.status === 'PUBLISHED').slice(0, viOffers)
	const publishedDemands = generated.demands.filter((d) => d.status === 'PUBLISHED').slice(0, vi - viOffers)
	if (publishedOffers.length < viOffers || publishedDemands.length < vi - viOffers) throw new Error('the demo generator gave too few published listings')
	const dated = () => {
		const publishedAt = new Date(NOW.getTime() - rng.next() * PUBLISHED_SPAN_DAYS * 86_400_000)
		const createdAt = new Date(publishedAt.getTime() - rng.int(1, 20) * 86_400_000)
		return { id: seededId(rng), publishedAt: publishedAt.toISOString(), createdAt: createdAt.toISOString() }
	}
	const offers: OfferRow[] = []
	const demands: DemandRow[] = []
	for (const o of publishedOffers) offers.push({ ...dated(), ...vietnameseOffer(o, orgByKey.get(o.organisation)!, rng) })
	for (const d of publishedDemands) demands.push({ ...dated(), ...vietnameseDemand(d, orgByKey.get(d.organisation)!, rng) })
	for (let i = 0; i < enOffers; i++) offers.push({ ...dated(), ...englishOffer(rng, rng.pick(orgs)) })
	for (let i = 0; i < en - enOffers; i++) demands.push({ ...dated(), ...englishDemand(rng, rng.pick(orgs)) })
	for (const row of [...offers, ...demands]) {
		const unknown = row.fieldCodes.filter((c) => !knownFields.has(c))
		if (unknown.length > 0) throw new Error(`generated a listing with unknown field codes ${unknown.join(', ')}`)
	}
	// Interleaved, as they would have been published over time, so each insert chunk mixes both languages.
	return { orgs, offers: rng.shuffle(offers), demands: rng.shuffle(demands) }
}

// ─── Loading ─────────────────────────────────────────────────────────────────

async function insertChunks<T>(pool: pg.Pool, rows: readonly T[], sql: string, chunk = 1000, concurrency = 2) {
	let next = 0
	const worker = async () => {
		for (;;) {
			const at = next
			next += chunk
			if (at >= rows.length) return
			await pool.query(sql, [JSON.stringify(rows.slice(at, at + chunk))])
		}
	}
	await Promise.all(Array.from({ length: concurrency }, worker))
}

const INSERT_ORGANISATIONS = `
	INSERT INTO "Organisation" (id, slug, name, type, "provinceCode", "verifiedAt", "updatedAt")
	SELECT r.id, r.key, r.name, r.type::"OrganisationType", r."provinceCode", CASE WHEN r.verified THEN now() END, now()
	FROM jsonb_to_recordset($1::jsonb) AS r(id text, key text, name text, type text, "provinceCode" text, verified boolean)`

const INSERT_OFFERS = `
	INSERT INTO "Offer" (id, "organisationId", status, title, summary, description, "fieldCodes", "fieldPaths", keywords, trl, "ipStatus", "ipNumbers",
		"transferModes", "priceMin", "priceMax", "priceNegotiable", "provinceCode", "submittedAt", "publishedAt", "createdAt", "updatedAt")
	SELECT r.id, r."organisationId", 'PUBLISHED', r.title, r.summary, r.description, r."fieldCodes", r."fieldPaths", r.keywords, r.trl,
		r."ipStatus"::"IpStatus", r."ipNumbers", r."transferModes"::"TransferMode"[], r."priceMin"::bigint, r."priceMax"::bigint, r."priceNegotiable",
		r."provinceCode", r."createdAt"::timestamp, r."publishedAt"::timestamp, r."createdAt"::timestamp, r."publishedAt"::timestamp
	FROM jsonb_to_recordset($1::jsonb) AS r(id text, "organisationId" text, title text, summary text, description text, "fieldCodes" text[],
		"fieldPaths" text[], keywords text[], trl int, "ipStatus" text, "ipNumbers" text, "transferModes" text[], "priceMin" text, "priceMax" text,
		"priceNegotiable" boolean, "provinceCode" text, "publishedAt" text, "createdAt" text)`

const INSERT_DEMANDS = `
	INSERT INTO "Demand" (id, "organisationId", status, title, problem, "desiredOutcome", "fieldCodes", "fieldPaths", keywords, "minTrl",
		"budgetMin", "budgetMax", "budgetUndisclosed", "transferModes", "provinceCode", "submittedAt", "publishedAt", "createdAt", "updatedAt")
	SELECT r.id, r."organisationId", 'PUBLISHED', r.title, r.problem, r."desiredOutcome", r."fieldCodes", r."fieldPaths", r.keywords, r."minTrl",
		r."budgetMin"::bigint, r."budgetMax"::bigint, r."budgetUndisclosed", r."transferModes"::"TransferMode"[], r."provinceCode",
		r."createdAt"::timestamp, r."publishedAt"::timestamp, r."createdAt"::timestamp, r."publishedAt"::timestamp
	FROM jsonb_to_recordset($1::jsonb) AS r(id text, "organisationId" text, title text, problem text, "desiredOutcome" text, "fieldCodes" text[],
		"fieldPaths" text[], keywords text[], "minTrl" int, "budgetMin" text, "budgetMax" text, "budgetUndisclosed" boolean, "transferModes" text[],
		"provinceCode" text, "publishedAt" text, "createdAt" text)`

// ─── The query mix ───────────────────────────────────────────────────────────

const CATEGORIES = ['common', 'rare', 'typo', 'no diacritics', 'phrase', 'filters', 'sort'] as const
type Category = (typeof CATEGORIES)[number]
type Query = { category: Category; path: string }

const q = (text: string, extra = '') => `/search?q=${encodeURIComponent(text)}${extra}`

/** Fixed: the same searches in every run. Paths as the search page receives them. */
const QUERIES: readonly Query[] = [
	{ category: 'common', path: q('cong nghe') },
	{ category: 'common', path: q('công nghệ') },
	{ category: 'common', path: q('hệ thống') },
	{ category: 'common', path: q('technology') },
	{ category: 'common', path: q('system') },
	{ category: 'common', path: q('nuôi tôm') },
	{ category: 'common', path: q('xử lý nước thải') },
	{ category: 'common', path: q('IoT') },
	{ category: 'rare', path: q('nanocellulose') },
	{ category: 'rare', path: q('chitosan') },
	{ category: 'rare', path: q('biochar') },
	{ category: 'rare', path: q('perovskite') },
	{ category: 'rare', path: q('electrospinning') },
	{ category: 'rare', path: q('tảo xoắn spirulina') },
	{ category: 'typo', path: q('nanocelulose') },
	{ category: 'typo', path: q('aquacultre') },
	{ category: 'typo', path: q('nanocelulose binder') },
	{ category: 'typo', path: q('aquacultre system') },
	{ category: 'typo', path: q('wastewatr treatment') },
	{ category: 'typo', path: q('technolgy transfer') },
	{ category: 'no diacritics', path: q('xu ly nuoc thai') },
	{ category: 'no diacritics', path: q('nuoi tom the chan trang') },
	{ category: 'no diacritics', path: q('giong lua chiu man') },
	{ category: 'no diacritics', path: q('may say nong san') },
	{ category: 'no diacritics', path: q('phan bon huu co') },
	{ category: 'phrase', path: q('"nuôi tôm thẻ chân trắng"') },
	{ category: 'phrase', path: q('"wastewater treatment"') },
	{ category: 'phrase', path: q('"xu ly nuoc thai"') },
	{ category: 'phrase', path: q('"heat pump" dryer') },
	{ category: 'filters', path: q('công nghệ', '&type=offer') },
	{ category: 'filters', path: q('technology', '&field=4') },
	{ category: 'filters', path: q('xu ly nuoc thai', '&province=79') },
	{ category: 'filters', path: q('sensor', '&trl=7&trl=8') },
	{ category: 'filters', path: q('nuoi tom', '&price=1b-5b') },
	{ category: 'filters', path: q('hệ thống', '&type=demand&field=202') },
	{ category: 'filters', path: '/search?type=offer&field=405&province=96' },
	{ category: 'sort', path: q('cong nghe', '&sort=newest') },
	{ category: 'sort', path: q('technology', '&sort=price-asc') },
	{ category: 'sort', path: q('dryer', '&sort=price-desc&page=3') },
	{ category: 'sort', path: '/search?type=offer&sort=newest' },
	{ category: 'sort', path: '/search?field=2&sort=price-asc' },
]

// ─── Measuring ───────────────────────────────────────────────────────────────

function percentile(sorted: number[], p: number) {
	if (sorted.length === 0) return Number.NaN
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}
function p(values: number[], at: number) {
	return percentile([...values].sort((a, b) => a - b), at)
}

type Samples = { loader: number[]; service: number[]; bare: number[]; hits: number[]; facets: number[]; prepare: number[]; plan?: string }
type Measured = Query & Samples & { total: number; corrected: string | null }

function table(header: string[], lines: string[][], leftColumns = 1) {
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
	const format = (cells: string[]) => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
	console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
	for (const line of lines) console.log(format(line))
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-')

async function explain(client: pg.Client, name: string, statement: Prisma.Sql) {
	const values = statement.values as unknown[]
	const { rows: text } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, values)
	console.log(`\n── ${name} ──`)
	for (const row of text) console.log(`  ${row['QUERY PLAN']}`)
	const { rows: json } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, values)
	const plan = json[0]!['QUERY PLAN'][0]!
	const top = selfTimes(plan.Plan).slice(0, 6)
	console.log(`  where the time goes (own time of each node, summed over parallel workers, from a second run of ${plan['Execution Time'].toFixed(1)} ms):`)
	for (const n of top) console.log(`    ${n.self.toFixed(1).padStart(8)} ms  ${n.label} (${n.rows} rows)`)
	return { executionMs: plan['Execution Time'], top: top.slice(0, 3) }
}

// ─── Main ────────────────────────────────────────────────────────────────────

const reusing = REUSE && (await adminRows(`SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`)) > 0
if (!reusing) {
	await adminQuery(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`)
	await adminQuery(`CREATE DATABASE "${DATABASE}"`)
}
const url = withDatabase(admin, DATABASE)
process.env.DATABASE_URL = url
process.env.LOG_LEVEL = 'warn'
// The PostgreSQL engine is the one measured, whatever the shell says.
delete process.env.MEILI_URL

let dropped = false
async function dropDatabase() {
	if (dropped) return
	dropped = true
	if (KEEP) {
		log(`--keep: the database stays at ${url}; drop it with DROP DATABASE "${DATABASE}"`)
		return
	}
	await adminQuery(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`).catch((error: unknown) => console.error('[bench] dropping the database failed', error))
}
process.once('SIGINT', () => void dropDatabase().then(() => process.exit(130)))

const { migrate } = await import('../app/utils/migrate.server.ts')
const { prisma, disconnectPrisma } = await import('../app/utils/db.server.ts')
const { createPostgresEngine, chooseFacetCounts, estimateMatches, runFacetStatements, runHits, runStatement } = await import('../app/search/engines/postgres.server.ts')
const { synonymIndex } = await import('../app/search/synonyms.server.ts')
const { rebuildIndex } = await import('../app/search/reconcile.server.ts')
const { readSearchParams, toSearchRequest } = await import('../app/search/request.ts')
const { runSearch } = await import('../app/search/service.server.ts')

const pool = new pg.Pool({ connectionString: url, max: 3 })
const started = performance.now()
let failed = false
try {
	log(`${LISTINGS.toLocaleString('en')} listings, ${ORGANISATIONS} organisations; ${REPS} measured runs per search after ${WARMUP_REPS} warm-up; ${os.cpus().length} CPUs, Node ${process.version}`)
	await migrate(url, { log: () => {} })
	const { rows: settings } = await pool.query<{ name: string; setting: string; unit: string | null }>(
		`SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit', 'effective_cache_size') ORDER BY name`,
	)
	log(`PostgreSQL: ${settings.map((s) => `${s.name}=${s.setting}${s.unit ?? ''}`).join(', ')}`)

	// Reference data must hold what the listings point at.
	const knownFields = new Set((await pool.query<{ code: string }>(`SELECT code FROM "ScienceField"`)).rows.map((r) => r.code))
	const knownProvinces = new Set((await pool.query<{ code: string }>(`SELECT code FROM "Province"`)).rows.map((r) => r.code))
	const missingProvinces = provinces.filter((p) => !knownProvinces.has(p.code))
	if (missingProvinces.length > 0) throw new Error(`provinces missing from the reference data: ${missingProvinces.map((p) => p.code).join(', ')}`)

	let at = performance.now()
	let buildRate = Number.NaN
	let rebuildMs = 0
	let rebuilt = { indexed: Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "SearchDocument"`)).rows[0]!.n) }
	const engine = createPostgresEngine({ synonyms: synonymIndex })
	if (reusing && rebuilt.indexed === LISTINGS) {
		log(`--reuse: measuring the ${rebuilt.indexed} documents already indexed (no index build figure)`)
	} else {
		at = performance.now()
		const floor = generate(LISTINGS, knownFields)
		const words = (s: string) => s.split(/\s+/).filter(Boolean).length
		const bodyWords = [...floor.offers.map((o) => words(o.description)), ...floor.demands.map((d) => words(d.problem) + words(d.desiredOutcome))].sort((a, b) => a - b)
		log(
			`generated ${floor.offers.length} offers and ${floor.demands.length} demands (half Vietnamese, half English) in ${seconds(performance.now() - at)}; ` +
				`description words p10/p50/p90 ${percentile(bodyWords, 10)}/${percentile(bodyWords, 50)}/${percentile(bodyWords, 90)}`,
		)

		at = performance.now()
		await pool.query(INSERT_ORGANISATIONS, [JSON.stringify(floor.orgs)])
		await insertChunks(pool, floor.offers, INSERT_OFFERS)
		await insertChunks(pool, floor.demands, INSERT_DEMANDS)
		const inserted = performance.now() - at
		await pool.query('VACUUM ANALYZE "Organisation", "Offer", "Demand", "SearchOutbox"')
		const { rows: outbox } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "SearchOutbox" WHERE "processedAt" IS NULL`)
		log(`inserted with SQL in ${seconds(inserted)} (${Math.round(LISTINGS / (inserted / 1000))} listings/s); the triggers queued ${outbox[0]!.n} outbox rows`)
		floor.offers.length = 0
		floor.demands.length = 0

		// ─── Index build ───
		let indexMs = 0
		const timed = {
			...engine,
			async index(docs: Parameters<typeof engine.index>[0]) {
				const t = performance.now()
				await engine.index(docs)
				indexMs += performance.now() - t
			},
		}
		let reported = 0
		at = performance.now()
		rebuilt = await rebuildIndex(({ done, total }) => {
			if (total > 0 && done / total >= reported + 0.25) {
				reported = Math.floor((done / total) * 4) / 4
				log(`  indexed ${done}/${total} (${seconds(performance.now() - at)})`)
			}
		}, timed)
		rebuildMs = performance.now() - at
		buildRate = rebuilt.indexed / (rebuildMs / 1000)
		log(
			`index build: ${rebuilt.indexed} documents in ${seconds(rebuildMs)} = ${Math.round(buildRate)} documents/s ` +
				`(engine.index ${Math.round((indexMs / rebuildMs) * 100)}% of it, reading documents and settling the outbox the rest)`,
		)
	}
	// What autovacuum would do soon after a bulk load: planner statistics and the visibility map.
	await pool.query('VACUUM ANALYZE "SearchDocument", "SearchTerm"')
	const { rows: sizes } = await pool.query<{ docs: string; terms: string; heap: string; table: string; indexes: string }>(`
		SELECT (SELECT count(*) FROM "SearchDocument")::text AS docs, (SELECT count(*) FROM "SearchTerm")::text AS terms,
			pg_size_pretty(pg_relation_size('"SearchDocument"')) AS heap,
			pg_size_pretty(pg_table_size('"SearchDocument"')) AS table, pg_size_pretty(pg_indexes_size('"SearchDocument"')) AS indexes`)
	log(`SearchDocument: ${sizes[0]!.docs} rows, ${sizes[0]!.heap} of heap, ${sizes[0]!.table} with TOAST + ${sizes[0]!.indexes} of indexes; SearchTerm: ${sizes[0]!.terms} words`)

	// ─── The loader ───
	const loaderFile = new URL('../app/search/page.server.ts', import.meta.url)
	type Loader = (args: { request: Request; context: unknown; params: Record<string, string>; unstable_pattern: string }) => Promise<unknown>
	let pageLoader: Loader | undefined
	if (fs.existsSync(loaderFile)) {
		const mod = (await import(loaderFile.href)) as { searchPageLoader?: Loader }
		pageLoader = mod.searchPageLoader
	}
	const { RouterContextProvider } = await import('react-router')
	const { i18nextMiddleware } = await import('../app/middleware/i18next.server.ts')
	const ORIGIN = 'http://localhost'
	const requestFor = (path: string) => new Request(`${ORIGIN}${path}`, { headers: { 'accept-language': 'vi', 'x-client-ip': '203.0.113.7' } })
	/** A context the i18n middleware has run on, as the app builds it for each request (not timed). */
	async function contextFor(request: Request) {
		const context = new RouterContextProvider()
		await i18nextMiddleware({ request, context, params: {}, unstable_pattern: '' } as never, async () => new Response())
		return context
	}
	const loaderLabel = pageLoader ? 'searchPageLoader' : 'runSearch (no page loader yet)'
	if (!pageLoader) log('app/search/page.server.ts has no searchPageLoader yet: "loader" below is runSearch(toSearchRequest(readSearchParams(…))), without facet labels')

	async function timeLoader(path: string) {
		if (pageLoader) {
			const request = requestFor(path)
			const context = await contextFor(request)
			const t = performance.now()
			let answer: unknown
			try {
				answer = await pageLoader({ request, context, params: {}, unstable_pattern: '/search' })
			} catch (thrown) {
				if (!(thrown instanceof Response) || thrown.status >= 400) throw thrown
			}
			const elapsed = performance.now() - t
			const page = answer as { unavailable?: boolean; data?: { unavailable?: boolean } } | undefined
			if (page?.unavailable || page?.data?.unavailable) throw new Error(`${path}: the loader says search is unavailable`)
			return elapsed
		}
		return timeService(path)
	}

	/** What the loader calls for the results: parsing, the engine's search (text preparation, the statements, highlighting). */
	async function timeService(path: string) {
		const t = performance.now()
		await runSearch(toSearchRequest(readSearchParams(new URL(path, ORIGIN).searchParams).params))
		return performance.now() - t
	}

	async function timeBare(path: string, into: Samples) {
		const request = toSearchRequest(readSearchParams(new URL(path, ORIGIN).searchParams).params)
		let t = performance.now()
		const s = await engine.statements(request)
		into.prepare.push(performance.now() - t)
		const clock = (promise: Promise<unknown>, list: number[], from: number) => promise.then(() => void list.push(performance.now() - from))
		t = performance.now()
		const estimate = await estimateMatches(s.probe, s.indexed)
		const hits = s.hits(estimate)
		await Promise.all([
			clock(runHits(hits, s.indexed), into.hits, t),
			s.facets ? clock(runFacetStatements(s.facets, estimate.matches, s.indexed), into.facets, t) : null,
			s.count ? runStatement(s.count, s.indexed) : null,
		])
		into.bare.push(performance.now() - t)
		into.plan = planLabel(hits, s.facets ? chooseFacetCounts(s.facets, estimate.matches).scale : 1)
	}

	/** How the engine ran a search: every match ranked or a window (its title candidates walked or found through GIN), counts exact or sampled. */
	function planLabel(hits: { titled: unknown; scan: string }, scale: number) {
		const ranking = hits.scan === 'any' ? 'all' : hits.titled ? 'window/gin' : 'window/walk'
		return `${ranking}${scale > 1 ? ', sampled' : ''}`
	}

	const measured: Measured[] = []
	at = performance.now()
	for (const query of QUERIES) {
		const request = toSearchRequest(readSearchParams(new URL(query.path, ORIGIN).searchParams).params)
		const answer = await runSearch(request)
		const samples: Samples = { loader: [], service: [], bare: [], hits: [], facets: [], prepare: [] }
		const scratch: Samples = { loader: [], service: [], bare: [], hits: [], facets: [], prepare: [] }
		const steps = [
			async (into: Samples) => void into.loader.push(await timeLoader(query.path)),
			async (into: Samples) => void into.service.push(await timeService(query.path)),
			async (into: Samples) => timeBare(query.path, into),
		]
		for (let i = 0; i < WARMUP_REPS; i++) for (const step of steps) await step(scratch)
		for (let i = 0; i < REPS; i++) {
			// A different order each time, so no side always runs on the cache another just warmed.
			for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]!(samples)
		}
		measured.push({ ...query, ...samples, total: answer.total, corrected: answer.correctedText })
	}
	log(`measured ${QUERIES.length} searches × ${REPS} runs in ${seconds(performance.now() - at)}`)

	// ─── Report ───
	const decode = (path: string) => decodeURIComponent(path.replace(/^\/search\??/, '').replace(/\+/g, ' ')) || '(all)'
	table(
		['category', 'search', 'hits', 'corrected', 'plan', 'loader p50', 'loader p95', 'search p50', 'bare p50', 'bare p95', 'hits p95', 'facets p95', 'prep p50', 'p95 ratio'],
		measured.map((m) => [
			m.category,
			decode(m.path),
			String(m.total),
			m.corrected ?? '',
			m.plan ?? '',
			ms(p(m.loader, 50)),
			ms(p(m.loader, 95)),
			ms(p(m.service, 50)),
			ms(p(m.bare, 50)),
			ms(p(m.bare, 95)),
			ms(p(m.hits, 95)),
			ms(p(m.facets, 95)),
			ms(p(m.prepare, 50)),
			(p(m.loader, 95) / p(m.bare, 95)).toFixed(2),
		]),
		5,
	)
	const pooled = (list: Measured[]) => ({
		loader: list.flatMap((m) => m.loader),
		service: list.flatMap((m) => m.service),
		bare: list.flatMap((m) => m.bare),
		hits: list.flatMap((m) => m.hits),
		facets: list.flatMap((m) => m.facets),
		prepare: list.flatMap((m) => m.prepare),
	})
	const groups = [...CATEGORIES.map((c) => ({ name: c as string, list: measured.filter((m) => m.category === c) })), { name: 'overall', list: measured }]
	const summary = groups.map(({ name, list }) => {
		const s = pooled(list)
		return {
			category: name,
			searches: list.length,
			loaderP50: p(s.loader, 50),
			loaderP95: p(s.loader, 95),
			searchP50: p(s.service, 50),
			searchP95: p(s.service, 95),
			prepareP50: p(s.prepare, 50),
			bareP50: p(s.bare, 50),
			bareP95: p(s.bare, 95),
			hitsP95: p(s.hits, 95),
			facetsP95: p(s.facets, 95),
			ratioP95: p(s.loader, 95) / p(s.bare, 95),
		}
	})
	console.log(
		`\nloader = ${loaderLabel}; search = runSearch (what the loader calls for results: text preparation, statements, highlighting); ` +
			`bare = the engine's probe, then its hits and facets statements in parallel; prep = engine.statements() (synonyms, spelling lookups). ` +
			`All in ms, ${REPS} runs per search, pooled per category.`,
	)
	table(
		['category', 'searches', 'loader p50', 'loader p95', 'search p50', 'search p95', 'bare p50', 'bare p95', 'hits p95', 'facets p95', 'prep p50', 'loader p95 ÷ bare p95'],
		summary.map((s) => [
			s.category,
			String(s.searches),
			ms(s.loaderP50),
			ms(s.loaderP95),
			ms(s.searchP50),
			ms(s.searchP95),
			ms(s.bareP50),
			ms(s.bareP95),
			ms(s.hitsP95),
			ms(s.facetsP95),
			ms(s.prepareP50),
			s.ratioP95.toFixed(2),
		]),
	)
	const overall = summary.at(-1)!
	console.log(`\nindex build: ${Math.round(buildRate)} documents/s (${rebuilt.indexed} documents in ${seconds(rebuildMs)})`)
	console.log(`goal: bare p95 < ${GOAL_BARE_P95_MS} ms: ${ms(overall.bareP95)} ms, ${overall.bareP95 < GOAL_BARE_P95_MS ? 'met' : 'NOT met'}`)
	console.log(`goal: loader p95 ≤ ${GOAL_RATIO} × bare p95: ${overall.ratioP95.toFixed(2)}×, ${overall.ratioP95 <= GOAL_RATIO ? 'met' : 'NOT met'}`)

	// ─── Where the time goes: the slowest common search's statements, and the slowest search's ───
	const byBare = (list: Measured[]) => [...list].sort((a, b) => p(b.bare, 95) - p(a.bare, 95))[0]!
	const slowest = byBare(measured.filter((m) => m.category === 'common'))
	const slowestOverall = byBare(measured)
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	type Plan = { executionMs: number; top: Array<{ label: string; self: number; rows: number }> }
	/** The statements of one search, explained as the engine runs them (runHits, runStatement). */
	async function explainSearch(m: Measured, title: string) {
		console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of ${title}, ${decode(m.path)} (bare p95 ${ms(p(m.bare, 95))} ms, ${m.plan}):`)
		const statements = await engine.statements(toSearchRequest(readSearchParams(new URL(m.path, ORIGIN).searchParams).params))
		const plans: Record<string, Plan> = {}
		const settings = async (scan: string) => {
			await client.query('RESET ALL')
			if (!statements.indexed) return
			await client.query('SET enable_seqscan = off')
			if (scan === 'walk') await client.query('SET enable_bitmapscan = off')
			if (scan === 'bitmap') await client.query('SET enable_indexscan = off')
		}
		await settings('any')
		plans.probe = await explain(client, 'probe', statements.probe)
		const estimate = await estimateMatches(statements.probe, statements.indexed)
		console.log(`  estimate: ${JSON.stringify(estimate)}`)
		const hits = statements.hits(estimate)
		let ids: string[] | undefined
		if (hits.titled) {
			await settings('bitmap')
			plans.titled = await explain(client, 'hits: the title candidates, through GIN', hits.titled)
			ids = (await client.query<{ id: string }>(hits.titled.text, hits.titled.values as unknown[])).rows.map((r) => r.id)
		}
		await settings(hits.scan)
		plans.hits = await explain(client, 'hits', hits.statement(ids))
		await settings('any')
		if (statements.facets) plans.facets = await explain(client, 'facets', chooseFacetCounts(statements.facets, estimate.matches).statement)
		return plans
	}
	const explained: Record<string, Record<string, Plan>> = {}
	try {
		explained[decode(slowest.path)] = await explainSearch(slowest, 'the slowest common search')
		if (slowestOverall !== slowest) explained[decode(slowestOverall.path)] = await explainSearch(slowestOverall, 'the slowest search')
	} finally {
		await client.end()
	}

	console.log(
		JSON.stringify({
			bench: 'search',
			date: new Date().toISOString().slice(0, 10),
			cpus: os.cpus().length,
			listings: LISTINGS,
			documents: rebuilt.indexed,
			reps: REPS,
			loader: loaderLabel,
			indexDocsPerSecond: Math.round(buildRate),
			categories: summary.map((s) => ({ ...s, loaderP50: +s.loaderP50.toFixed(1), loaderP95: +s.loaderP95.toFixed(1), searchP50: +s.searchP50.toFixed(1), searchP95: +s.searchP95.toFixed(1), prepareP50: +s.prepareP50.toFixed(1), bareP50: +s.bareP50.toFixed(1), bareP95: +s.bareP95.toFixed(1), hitsP95: +s.hitsP95.toFixed(1), facetsP95: +s.facetsP95.toFixed(1), ratioP95: +s.ratioP95.toFixed(2) })),
			goals: { bareP95Under50ms: overall.bareP95 < GOAL_BARE_P95_MS, ratioAtMost1_5: overall.ratioP95 <= GOAL_RATIO },
			explain: Object.fromEntries(
				Object.entries(explained).map(([search, plans]) => [
					search,
					Object.fromEntries(Object.entries(plans).map(([k, v]) => [k, { executionMs: +v.executionMs.toFixed(1), top: v.top.map((t) => `${t.label}: ${t.self.toFixed(1)} ms`) }])),
				]),
			),
		}),
	)
} catch (error) {
	failed = true
	console.error(error)
} finally {
	await pool.end().catch(() => {})
	await disconnectPrisma().catch(() => {})
	await dropDatabase()
	log(`done in ${seconds(performance.now() - started)}`)
}
process.exit(failed ? 1 : 0)
