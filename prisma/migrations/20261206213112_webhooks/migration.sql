-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'DISCARDED');

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" TEXT[],
    "fieldCodes" TEXT[],
    "provinceCode" TEXT,
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretExpiresAt" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,
    "failureStreak" INTEGER NOT NULL DEFAULT 0,
    "failingSince" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "organisationIds" TEXT[],
    "fieldPaths" TEXT[],
    "provinceCode" TEXT,
    "subscriptionId" TEXT,
    "fannedOutAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "subscriptionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "oneOff" BOOLEAN NOT NULL DEFAULT false,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "deliveryId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "responseExcerpt" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookSubscription_organisationId_idx" ON "WebhookSubscription"("organisationId");

-- CreateIndex
CREATE INDEX "WebhookEvent_fannedOutAt_createdAt_idx" ON "WebhookEvent"("fannedOutAt", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_subscriptionId_status_nextAttemptAt_idx" ON "WebhookDelivery"("subscriptionId", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_subscriptionId_lockedUntil_idx" ON "WebhookDelivery"("subscriptionId", "lockedUntil");

-- CreateIndex
CREATE INDEX "WebhookDelivery_subscriptionId_createdAt_idx" ON "WebhookDelivery"("subscriptionId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_subscriptionId_eventId_key" ON "WebhookDelivery"("subscriptionId", "eventId");

-- CreateIndex
CREATE INDEX "WebhookAttempt_deliveryId_at_idx" ON "WebhookAttempt"("deliveryId", "at");

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "WebhookEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Webhook events (docs/decisions/014-webhooks.md) ────────────────────────────────────────
-- Triggers write the outbox row in the writing transaction, so every write path (forms, the API,
-- bulk imports, the seed) produces the event, and a rolled-back write produces none. An event is
-- written only when some live subscription could want it: with no subscribers, writes cost one
-- probe of a small table. Payloads hold public data only (no confidential section, no pending
-- edits, no prices of deals); `url` and `apiUrl` are paths the relay makes absolute with APP_URL.
-- Timestamps are UTC, as Prisma writes them.

CREATE OR REPLACE FUNCTION caunoi_iso(t timestamp) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(t, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;

CREATE OR REPLACE FUNCTION caunoi_webhook_wanted(event_type text, organisation_ids text[] DEFAULT NULL) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (
		SELECT 1 FROM "WebhookSubscription" s
		WHERE s.active AND event_type = ANY(s.events) AND (organisation_ids IS NULL OR s."organisationId" = ANY(organisation_ids))
	)
$$;

CREATE OR REPLACE FUNCTION caunoi_webhook_province(code text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('code', p.code, 'nameVi', p."nameVi", 'nameEn', p."nameEn") FROM "Province" p WHERE p.code = $1
$$;

CREATE OR REPLACE FUNCTION caunoi_webhook_organisation(organisation_id text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'type', o.type::text) FROM "Organisation" o WHERE o.id = $1
$$;

-- listing.published: an offer or a demand becomes PUBLISHED (first publication, approval after a
-- return, renewal after expiry). Edits to a listing that stays published are not events.
CREATE OR REPLACE FUNCTION caunoi_webhook_listing_published() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	kind text := TG_ARGV[0];
	r jsonb := to_jsonb(NEW);
	path text := CASE kind WHEN 'offer' THEN '/offers/' ELSE '/demands/' END || NEW.id;
BEGIN
	IF NOT caunoi_webhook_wanted('listing.published') THEN RETURN NULL; END IF;
	INSERT INTO "WebhookEvent" (type, payload, "organisationIds", "fieldPaths", "provinceCode", "createdAt")
	VALUES (
		'listing.published',
		jsonb_build_object(
			'id', NEW.id,
			'kind', kind,
			'title', NEW.title,
			'summary', CASE kind WHEN 'offer' THEN r->>'summary' ELSE NULL END,
			'fieldCodes', to_jsonb(NEW."fieldCodes"),
			'keywords', to_jsonb(NEW.keywords),
			'trl', CASE kind WHEN 'offer' THEN r->'trl' ELSE NULL END,
			'minTrl', CASE kind WHEN 'demand' THEN r->'minTrl' ELSE NULL END,
			'transferModes', to_jsonb(NEW."transferModes"),
			'province', caunoi_webhook_province(NEW."provinceCode"),
			'organisation', caunoi_webhook_organisation(NEW."organisationId"),
			'publishedAt', caunoi_iso(coalesce(NEW."publishedAt", now() AT TIME ZONE 'UTC')),
			'url', path,
			'apiUrl', '/api/v1' || path
		),
		'{}',
		NEW."fieldPaths",
		NEW."provinceCode",
		now() AT TIME ZONE 'UTC'
	);
	RETURN NULL;
END $$;

CREATE TRIGGER "Offer_webhook_published_insert" AFTER INSERT ON "Offer"
	FOR EACH ROW WHEN (NEW.status = 'PUBLISHED') EXECUTE FUNCTION caunoi_webhook_listing_published('offer');
CREATE TRIGGER "Offer_webhook_published_update" AFTER UPDATE OF status ON "Offer"
	FOR EACH ROW WHEN (NEW.status = 'PUBLISHED' AND OLD.status <> 'PUBLISHED') EXECUTE FUNCTION caunoi_webhook_listing_published('offer');
CREATE TRIGGER "Demand_webhook_published_insert" AFTER INSERT ON "Demand"
	FOR EACH ROW WHEN (NEW.status = 'PUBLISHED') EXECUTE FUNCTION caunoi_webhook_listing_published('demand');
CREATE TRIGGER "Demand_webhook_published_update" AFTER UPDATE OF status ON "Demand"
	FOR EACH ROW WHEN (NEW.status = 'PUBLISHED' AND OLD.status <> 'PUBLISHED') EXECUTE FUNCTION caunoi_webhook_listing_published('demand');

-- taskResult.added: a registered task result is created (the import, the bulk API, the seed).
CREATE OR REPLACE FUNCTION caunoi_webhook_task_result_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NOT caunoi_webhook_wanted('taskResult.added') THEN RETURN NULL; END IF;
	INSERT INTO "WebhookEvent" (type, payload, "organisationIds", "fieldPaths", "provinceCode", "createdAt")
	VALUES (
		'taskResult.added',
		jsonb_build_object(
			'id', NEW.id,
			'taskCode', NEW."taskCode",
			'title', NEW.title,
			'level', NEW.level::text,
			'hostName', NEW."hostName",
			'hostOrganisation', caunoi_webhook_organisation(NEW."hostOrganisationId"),
			'province', caunoi_webhook_province(NEW."provinceCode"),
			'fieldCodes', to_jsonb(NEW."fieldCodes"),
			'keywords', to_jsonb(NEW.keywords),
			'startYear', NEW."startYear",
			'endYear', NEW."endYear",
			'applicationStatus', NEW."applicationStatus"::text,
			'registrationNumber', NEW."registrationNumber",
			'url', '/task-results/' || NEW.id,
			'apiUrl', '/api/v1/task-results/' || NEW.id
		),
		'{}',
		NEW."fieldPaths",
		NEW."provinceCode",
		now() AT TIME ZONE 'UTC'
	);
	RETURN NULL;
END $$;

CREATE TRIGGER "TaskResult_webhook_added" AFTER INSERT ON "TaskResult"
	FOR EACH ROW EXECUTE FUNCTION caunoi_webhook_task_result_added();

-- deal.stageChanged: a timeline event that moves the deal (app/models/deal.server.ts writes one
-- per move). Only the two sides' subscriptions receive it: organisationIds scopes the fan-out.
CREATE OR REPLACE FUNCTION caunoi_webhook_deal_stage() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	d record;
BEGIN
	SELECT id, code, title, "buyerOrgId", "sellerOrgId" INTO d FROM "Deal" WHERE id = NEW."dealId";
	IF NOT FOUND OR NOT caunoi_webhook_wanted('deal.stageChanged', ARRAY[d."buyerOrgId", d."sellerOrgId"]) THEN RETURN NULL; END IF;
	INSERT INTO "WebhookEvent" (type, payload, "organisationIds", "fieldPaths", "createdAt")
	VALUES (
		'deal.stageChanged',
		jsonb_build_object(
			'id', d.id,
			'code', d.code,
			'title', d.title,
			'fromStage', NEW."fromStage"::text,
			'toStage', NEW."toStage"::text,
			'at', caunoi_iso(NEW."createdAt"),
			'buyer', caunoi_webhook_organisation(d."buyerOrgId"),
			'seller', caunoi_webhook_organisation(d."sellerOrgId"),
			'url', '/deals/' || d.id,
			'apiUrl', '/api/v1/deals/' || d.id
		),
		ARRAY[d."buyerOrgId", d."sellerOrgId"],
		'{}',
		now() AT TIME ZONE 'UTC'
	);
	RETURN NULL;
END $$;

CREATE TRIGGER "DealEvent_webhook_stage" AFTER INSERT ON "DealEvent"
	FOR EACH ROW WHEN (NEW."toStage" IS NOT NULL) EXECUTE FUNCTION caunoi_webhook_deal_stage();
