-- CreateEnum
CREATE TYPE "SearchKind" AS ENUM ('OFFER', 'DEMAND', 'TASK_RESULT', 'EXPERT');

-- CreateEnum
CREATE TYPE "AlertFrequency" AS ENUM ('INSTANT', 'DAILY', 'WEEKLY', 'NEVER');

-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" TEXT NOT NULL,
    "kind" "SearchKind" NOT NULL,
    "entityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "keywords" TEXT[],
    "fieldPaths" TEXT[],
    "provinceCode" TEXT,
    "trl" INTEGER,
    "transferModes" TEXT[],
    "ipStatus" TEXT,
    "price" BIGINT,
    "year" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "version" TEXT NOT NULL,
    "head" tsvector NOT NULL,
    "body" tsvector NOT NULL,
    "indexedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "term" TEXT NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("term")
);

-- CreateTable
CREATE TABLE "SearchOutbox" (
    "id" BIGSERIAL NOT NULL,
    "kind" "SearchKind" NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "SearchOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchSynonym" (
    "id" TEXT NOT NULL,
    "terms" TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchSynonym_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "frequency" "AlertFrequency" NOT NULL DEFAULT 'DAILY',
    "channel" "NotificationChannel" NOT NULL DEFAULT 'BOTH',
    "lastAlertAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearchHit" (
    "savedSearchId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearchHit_pkey" PRIMARY KEY ("savedSearchId","documentId")
);

-- CreateIndex
CREATE INDEX "SearchDocument_kind_publishedAt_idx" ON "SearchDocument"("kind", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "SearchDocument_fieldPaths_idx" ON "SearchDocument" USING GIN ("fieldPaths");

-- CreateIndex
CREATE INDEX "SearchDocument_provinceCode_idx" ON "SearchDocument"("provinceCode");

-- CreateIndex
CREATE UNIQUE INDEX "SearchDocument_kind_entityId_key" ON "SearchDocument"("kind", "entityId");

-- CreateIndex
CREATE INDEX "SearchOutbox_processedAt_availableAt_id_idx" ON "SearchOutbox"("processedAt", "availableAt", "id");

-- CreateIndex
CREATE INDEX "SavedSearch_frequency_lastAlertAt_idx" ON "SavedSearch"("frequency", "lastAlertAt");

-- CreateIndex
CREATE UNIQUE INDEX "SavedSearch_userId_query_key" ON "SavedSearch"("userId", "query");

-- AddForeignKey
ALTER TABLE "SearchSynonym" ADD CONSTRAINT "SearchSynonym_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearchHit" ADD CONSTRAINT "SavedSearchHit_savedSearchId_fkey" FOREIGN KEY ("savedSearchId") REFERENCES "SavedSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Search: written by hand (docs/decisions/009-search.md) ─────────────────────

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could be changed); naming the dictionary makes a
-- wrapper that is safe in index expressions and generated vectors.
CREATE OR REPLACE FUNCTION caunoi_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- A document's vector from its four weighted parts, each already cut into words by the
-- application (matching/text.ts words(): NFC, lower case, one word per run of letters and digits,
-- separated by spaces). The exact words come first, then their folded forms, so "tôm" matches
-- only "tôm" while "tom" matches both, and phrase positions line up within each half.
CREATE OR REPLACE FUNCTION caunoi_search_vector(a text, b text, c text, d text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT setweight(to_tsvector('simple'::regconfig, coalesce(a, '')), 'A')
		|| setweight(to_tsvector('simple'::regconfig, coalesce(b, '')), 'B')
		|| setweight(to_tsvector('simple'::regconfig, coalesce(c, '')), 'C')
		|| setweight(to_tsvector('simple'::regconfig, coalesce(d, '')), 'D')
		|| setweight(to_tsvector('simple'::regconfig, caunoi_unaccent(coalesce(a, ''))), 'A')
		|| setweight(to_tsvector('simple'::regconfig, caunoi_unaccent(coalesce(b, ''))), 'B')
		|| setweight(to_tsvector('simple'::regconfig, caunoi_unaccent(coalesce(c, ''))), 'C')
		|| setweight(to_tsvector('simple'::regconfig, caunoi_unaccent(coalesce(d, ''))), 'D')
$$;

CREATE INDEX "SearchDocument_body_idx" ON "SearchDocument" USING GIN ("body");
-- Suggestions match titles and keywords only, on the small vector.
CREATE INDEX "SearchDocument_head_idx" ON "SearchDocument" USING GIN ("head");
CREATE INDEX "SearchTerm_term_trgm_idx" ON "SearchTerm" USING GIN ("term" gin_trgm_ops);
-- The relay's queue is the unprocessed rows only.
CREATE INDEX "SearchOutbox_pending_idx" ON "SearchOutbox" ("availableAt", "id") WHERE "processedAt" IS NULL;

-- The outbox is filled by triggers, so every write path (models, imports' bulk SQL, cascades)
-- queues the entity in its own transaction and none can forget to.
CREATE OR REPLACE FUNCTION caunoi_search_enqueue() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "SearchOutbox" (kind, "entityId")
	VALUES (TG_ARGV[0]::"SearchKind", CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
	RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION caunoi_search_enqueue_expert_of_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "SearchOutbox" (kind, "entityId")
	VALUES ('EXPERT', CASE WHEN TG_OP = 'DELETE' THEN OLD."expertId" ELSE NEW."expertId" END);
	RETURN NULL;
END $$;

-- A listing's document shows its organisation's name.
CREATE OR REPLACE FUNCTION caunoi_search_enqueue_organisation_listings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "SearchOutbox" (kind, "entityId")
	SELECT 'OFFER'::"SearchKind", id FROM "Offer" WHERE "organisationId" = NEW.id AND status = 'PUBLISHED'
	UNION ALL
	SELECT 'DEMAND'::"SearchKind", id FROM "Demand" WHERE "organisationId" = NEW.id AND status = 'PUBLISHED';
	RETURN NULL;
END $$;

-- Listings: only while public, or on the change that makes them public or takes them down;
-- drafts' autosaves, view counts and edits waiting for review do not touch the index.
CREATE TRIGGER "Offer_search_insert" AFTER INSERT ON "Offer"
	FOR EACH ROW WHEN (NEW.status = 'PUBLISHED') EXECUTE FUNCTION caunoi_search_enqueue('OFFER');
CREATE TRIGGER "Offer_search_update" AFTER UPDATE OF status, title, summary, description, "fieldCodes", "fieldPaths", keywords, trl, "ipStatus", "transferModes", "priceMin", "priceMax", "provinceCode", "publishedAt", "organisationId" ON "Offer"
	FOR EACH ROW WHEN (OLD.status = 'PUBLISHED' OR NEW.status = 'PUBLISHED') EXECUTE FUNCTION caunoi_search_enqueue('OFFER');
CREATE TRIGGER "Offer_search_delete" AFTER DELETE ON "Offer"
	FOR EACH ROW WHEN (OLD.status = 'PUBLISHED') EXECUTE FUNCTION caunoi_search_enqueue('OFFER');

CREATE TRIGGER "Demand_search_insert" AFTER INSERT ON "Demand"
	FOR EACH ROW WHEN (NEW.status = 'PUBLISHED') EXECUTE FUNCTION caunoi_search_enqueue('DEMAND');
CREATE TRIGGER "Demand_search_update" AFTER UPDATE OF status, title, problem, "desiredOutcome", "fieldCodes", "fieldPaths", keywords, "minTrl", "budgetMin", "budgetMax", "transferModes", "provinceCode", "publishedAt", "organisationId" ON "Demand"
	FOR EACH ROW WHEN (OLD.status = 'PUBLISHED' OR NEW.status = 'PUBLISHED') EXECUTE FUNCTION caunoi_search_enqueue('DEMAND');
CREATE TRIGGER "Demand_search_delete" AFTER DELETE ON "Demand"
	FOR EACH ROW WHEN (OLD.status = 'PUBLISHED') EXECUTE FUNCTION caunoi_search_enqueue('DEMAND');

CREATE TRIGGER "TaskResult_search" AFTER INSERT OR UPDATE OR DELETE ON "TaskResult"
	FOR EACH ROW EXECUTE FUNCTION caunoi_search_enqueue('TASK_RESULT');
CREATE TRIGGER "Expert_search" AFTER INSERT OR UPDATE OR DELETE ON "Expert"
	FOR EACH ROW EXECUTE FUNCTION caunoi_search_enqueue('EXPERT');
CREATE TRIGGER "ExpertPublication_search" AFTER INSERT OR UPDATE OR DELETE ON "ExpertPublication"
	FOR EACH ROW EXECUTE FUNCTION caunoi_search_enqueue_expert_of_row();
CREATE TRIGGER "Organisation_search" AFTER UPDATE OF name ON "Organisation"
	FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION caunoi_search_enqueue_organisation_listings();

-- What exists already is queued once, so the relay indexes it.
INSERT INTO "SearchOutbox" (kind, "entityId")
SELECT 'OFFER'::"SearchKind", id FROM "Offer" WHERE status = 'PUBLISHED'
UNION ALL SELECT 'DEMAND', id FROM "Demand" WHERE status = 'PUBLISHED'
UNION ALL SELECT 'TASK_RESULT', id FROM "TaskResult"
UNION ALL SELECT 'EXPERT', id FROM "Expert";

-- The starting synonym list (matching/terms.ts as of this migration); operators edit it from here.
INSERT INTO "SearchSynonym" (id, terms, "updatedAt") VALUES
  ('syn_default_001', ARRAY['thủy sản', 'aquaculture', 'nuôi trồng thủy sản', 'fisheries']::text[], now()),
  ('syn_default_002', ARRAY['nuôi tôm', 'shrimp farming', 'shrimp aquaculture']::text[], now()),
  ('syn_default_003', ARRAY['Internet vạn vật', 'IoT', 'Internet of Things']::text[], now()),
  ('syn_default_004', ARRAY['trí tuệ nhân tạo', 'AI', 'artificial intelligence']::text[], now()),
  ('syn_default_005', ARRAY['học máy', 'machine learning']::text[], now()),
  ('syn_default_006', ARRAY['học sâu', 'deep learning']::text[], now()),
  ('syn_default_007', ARRAY['thị giác máy tính', 'computer vision']::text[], now()),
  ('syn_default_008', ARRAY['xử lý ngôn ngữ tự nhiên', 'natural language processing', 'NLP']::text[], now()),
  ('syn_default_009', ARRAY['dữ liệu lớn', 'big data']::text[], now()),
  ('syn_default_010', ARRAY['điện toán đám mây', 'cloud computing']::text[], now()),
  ('syn_default_011', ARRAY['chuỗi khối', 'blockchain']::text[], now()),
  ('syn_default_012', ARRAY['an ninh mạng', 'cybersecurity', 'an toàn thông tin']::text[], now()),
  ('syn_default_013', ARRAY['chuyển đổi số', 'digital transformation']::text[], now()),
  ('syn_default_014', ARRAY['tự động hóa', 'automation']::text[], now()),
  ('syn_default_015', ARRAY['người máy', 'robot', 'rô bốt']::text[], now()),
  ('syn_default_016', ARRAY['cảm biến', 'sensor']::text[], now()),
  ('syn_default_017', ARRAY['năng lượng tái tạo', 'renewable energy']::text[], now()),
  ('syn_default_018', ARRAY['năng lượng mặt trời', 'solar energy', 'điện mặt trời', 'solar power', 'quang điện', 'photovoltaic']::text[], now()),
  ('syn_default_019', ARRAY['điện gió', 'wind power', 'wind energy']::text[], now()),
  ('syn_default_020', ARRAY['pin lithium', 'lithium battery', 'lithium-ion battery']::text[], now()),
  ('syn_default_021', ARRAY['lưu trữ năng lượng', 'energy storage']::text[], now()),
  ('syn_default_022', ARRAY['xe điện', 'electric vehicle', 'EV']::text[], now()),
  ('syn_default_023', ARRAY['hydro xanh', 'green hydrogen']::text[], now()),
  ('syn_default_024', ARRAY['tiết kiệm năng lượng', 'energy efficiency']::text[], now()),
  ('syn_default_025', ARRAY['xử lý nước thải', 'wastewater treatment']::text[], now()),
  ('syn_default_026', ARRAY['nước sạch', 'clean water', 'drinking water']::text[], now()),
  ('syn_default_027', ARRAY['chất thải rắn', 'solid waste']::text[], now()),
  ('syn_default_028', ARRAY['tái chế', 'recycling']::text[], now()),
  ('syn_default_029', ARRAY['kinh tế tuần hoàn', 'circular economy']::text[], now()),
  ('syn_default_030', ARRAY['phát thải carbon', 'carbon emissions']::text[], now()),
  ('syn_default_031', ARRAY['biến đổi khí hậu', 'climate change']::text[], now()),
  ('syn_default_032', ARRAY['xâm nhập mặn', 'saltwater intrusion', 'salinity intrusion']::text[], now()),
  ('syn_default_033', ARRAY['phân bón hữu cơ', 'organic fertiliser', 'organic fertilizer']::text[], now()),
  ('syn_default_034', ARRAY['phân bón vi sinh', 'biofertiliser', 'biofertilizer']::text[], now()),
  ('syn_default_035', ARRAY['thuốc bảo vệ thực vật', 'pesticide', 'plant protection product']::text[], now()),
  ('syn_default_036', ARRAY['chế phẩm sinh học', 'biological product', 'biopreparation']::text[], now()),
  ('syn_default_037', ARRAY['nông nghiệp công nghệ cao', 'high-tech agriculture', 'smart farming', 'nông nghiệp thông minh']::text[], now()),
  ('syn_default_038', ARRAY['nhà kính', 'greenhouse']::text[], now()),
  ('syn_default_039', ARRAY['thủy canh', 'hydroponics']::text[], now()),
  ('syn_default_040', ARRAY['giống cây trồng', 'plant variety', 'crop variety']::text[], now()),
  ('syn_default_041', ARRAY['nuôi cấy mô', 'tissue culture']::text[], now()),
  ('syn_default_042', ARRAY['chăn nuôi', 'livestock', 'animal husbandry']::text[], now()),
  ('syn_default_043', ARRAY['thức ăn chăn nuôi', 'animal feed']::text[], now()),
  ('syn_default_044', ARRAY['vắc xin', 'vaccine', 'vaccin']::text[], now()),
  ('syn_default_045', ARRAY['chẩn đoán', 'diagnosis', 'diagnostics']::text[], now()),
  ('syn_default_046', ARRAY['thiết bị y tế', 'medical device', 'medical equipment']::text[], now()),
  ('syn_default_047', ARRAY['dược liệu', 'medicinal herbs', 'medicinal plants']::text[], now()),
  ('syn_default_048', ARRAY['thực phẩm chức năng', 'dietary supplement', 'functional food']::text[], now()),
  ('syn_default_049', ARRAY['bảo quản sau thu hoạch', 'post-harvest preservation', 'postharvest']::text[], now()),
  ('syn_default_050', ARRAY['chế biến thực phẩm', 'food processing']::text[], now()),
  ('syn_default_051', ARRAY['an toàn thực phẩm', 'food safety']::text[], now()),
  ('syn_default_052', ARRAY['truy xuất nguồn gốc', 'traceability']::text[], now()),
  ('syn_default_053', ARRAY['công nghệ sinh học', 'biotechnology']::text[], now()),
  ('syn_default_054', ARRAY['công nghệ nano', 'nanotechnology']::text[], now()),
  ('syn_default_055', ARRAY['vật liệu mới', 'advanced materials', 'new materials']::text[], now()),
  ('syn_default_056', ARRAY['vật liệu composite', 'composite material', 'composite']::text[], now()),
  ('syn_default_057', ARRAY['gốm sứ', 'ceramics']::text[], now()),
  ('syn_default_058', ARRAY['cơ khí chính xác', 'precision engineering', 'precision mechanics']::text[], now()),
  ('syn_default_059', ARRAY['in 3D', '3D printing', 'additive manufacturing']::text[], now()),
  ('syn_default_060', ARRAY['điều khiển số', 'CNC', 'computer numerical control']::text[], now()),
  ('syn_default_061', ARRAY['vi mạch', 'integrated circuit', 'chip', 'semiconductor', 'bán dẫn']::text[], now()),
  ('syn_default_062', ARRAY['viễn thông', 'telecommunications']::text[], now()),
  ('syn_default_063', ARRAY['hệ thống thông tin địa lý', 'GIS', 'geographic information system']::text[], now()),
  ('syn_default_064', ARRAY['viễn thám', 'remote sensing']::text[], now()),
  ('syn_default_065', ARRAY['máy bay không người lái', 'drone', 'UAV', 'unmanned aerial vehicle']::text[], now()),
  ('syn_default_066', ARRAY['quan trắc môi trường', 'environmental monitoring']::text[], now()),
  ('syn_default_067', ARRAY['chuyển giao công nghệ', 'technology transfer']::text[], now()),
  ('syn_default_068', ARRAY['sở hữu trí tuệ', 'intellectual property', 'IP']::text[], now()),
  ('syn_default_069', ARRAY['bằng độc quyền sáng chế', 'patent', 'sáng chế']::text[], now()),
  ('syn_default_070', ARRAY['giải pháp hữu ích', 'utility solution', 'utility model']::text[], now()),
  ('syn_default_071', ARRAY['bí quyết kỹ thuật', 'know-how']::text[], now()),
  ('syn_default_072', ARRAY['khởi nghiệp', 'startup', 'start-up']::text[], now()),
  ('syn_default_073', ARRAY['thương mại hóa', 'commercialisation', 'commercialization']::text[], now());
