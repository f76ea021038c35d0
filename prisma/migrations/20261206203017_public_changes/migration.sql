-- CreateTable
CREATE TABLE "PublicChange" (
    "id" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL,
    "kind" "SearchKind" NOT NULL,
    "entityId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublicChange_txid_id_idx" ON "PublicChange"("txid", "id");

-- CreateIndex
CREATE INDEX "PublicChange_kind_entityId_idx" ON "PublicChange"("kind", "entityId");

-- ─── The public change feed (docs/decisions/013-open-data.md) ───────────────────────────────
-- Triggers record every change of public data in the writing transaction, with that
-- transaction's id; GET /api/v1/changes serves only changes of transactions older than every
-- running one (pg_snapshot_xmin), so a change that commits late is never skipped by a cursor.
-- A feed entry carries the entity's public resource as it is when read, so a kind's resource
-- embedding another's (a task result lists its experts and offers) records the embedding side too.

CREATE OR REPLACE FUNCTION caunoi_public_change(k "SearchKind", entity text) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO "PublicChange" (txid, kind, "entityId") VALUES (pg_current_xact_id()::text::bigint, k, entity)
$$;

-- Offers and demands are public while PUBLISHED: a change is recorded when the row is or was
-- public, unless only its view count or touch times moved.
CREATE OR REPLACE FUNCTION caunoi_public_listing_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	k "SearchKind" := TG_ARGV[0]::"SearchKind";
	was_public boolean := TG_OP <> 'INSERT' AND OLD.status = 'PUBLISHED';
	is_public boolean := TG_OP <> 'DELETE' AND NEW.status = 'PUBLISHED';
	row_id text := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
BEGIN
	IF NOT (was_public OR is_public) THEN RETURN NULL; END IF;
	IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - ARRAY['viewCount', 'updatedAt', 'expiryNotifiedAt']) = (to_jsonb(NEW) - ARRAY['viewCount', 'updatedAt', 'expiryNotifiedAt']) THEN
		RETURN NULL;
	END IF;
	PERFORM caunoi_public_change(k, row_id);
	-- A task result's resource lists the published offers it backs.
	IF k = 'OFFER' THEN
		PERFORM caunoi_public_change('TASK_RESULT', e."taskResultId") FROM "OfferTaskResult" e WHERE e."offerId" = row_id;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER "Offer_public_change" AFTER INSERT OR UPDATE OR DELETE ON "Offer"
	FOR EACH ROW EXECUTE FUNCTION caunoi_public_listing_change('OFFER');
CREATE TRIGGER "Demand_public_change" AFTER INSERT OR UPDATE OR DELETE ON "Demand"
	FOR EACH ROW EXECUTE FUNCTION caunoi_public_listing_change('DEMAND');

-- Task results and experts are always public; each embeds the other (tasks, experts), and a
-- published offer shows the task results behind it.
CREATE OR REPLACE FUNCTION caunoi_public_task_result_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	row_id text := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
BEGIN
	IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - ARRAY['updatedAt']) = (to_jsonb(NEW) - ARRAY['updatedAt']) THEN RETURN NULL; END IF;
	PERFORM caunoi_public_change('TASK_RESULT', row_id);
	-- On DELETE the link rows are already gone (cascade); their own triggers recorded both sides.
	PERFORM caunoi_public_change('EXPERT', t."expertId") FROM "ExpertTask" t WHERE t."taskResultId" = row_id;
	PERFORM caunoi_public_change('OFFER', o.id) FROM "OfferTaskResult" e JOIN "Offer" o ON o.id = e."offerId" WHERE e."taskResultId" = row_id AND o.status = 'PUBLISHED';
	RETURN NULL;
END $$;

CREATE TRIGGER "TaskResult_public_change" AFTER INSERT OR UPDATE OR DELETE ON "TaskResult"
	FOR EACH ROW EXECUTE FUNCTION caunoi_public_task_result_change();

CREATE OR REPLACE FUNCTION caunoi_public_expert_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	row_id text := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
BEGIN
	IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - ARRAY['updatedAt']) = (to_jsonb(NEW) - ARRAY['updatedAt']) THEN RETURN NULL; END IF;
	PERFORM caunoi_public_change('EXPERT', row_id);
	PERFORM caunoi_public_change('TASK_RESULT', t."taskResultId") FROM "ExpertTask" t WHERE t."expertId" = row_id;
	RETURN NULL;
END $$;

CREATE TRIGGER "Expert_public_change" AFTER INSERT OR UPDATE OR DELETE ON "Expert"
	FOR EACH ROW EXECUTE FUNCTION caunoi_public_expert_change();

-- Link and child rows: both sides of a link, the expert of a publication.
CREATE OR REPLACE FUNCTION caunoi_public_link_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	r record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
	IF TG_TABLE_NAME = 'ExpertPublication' THEN
		PERFORM caunoi_public_change('EXPERT', r."expertId");
	ELSIF TG_TABLE_NAME = 'ExpertTask' THEN
		PERFORM caunoi_public_change('EXPERT', r."expertId");
		PERFORM caunoi_public_change('TASK_RESULT', r."taskResultId");
	ELSIF TG_TABLE_NAME = 'OfferTaskResult' THEN
		PERFORM caunoi_public_change('TASK_RESULT', r."taskResultId");
		PERFORM caunoi_public_change('OFFER', o.id) FROM "Offer" o WHERE o.id = r."offerId" AND o.status = 'PUBLISHED';
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER "ExpertPublication_public_change" AFTER INSERT OR UPDATE OR DELETE ON "ExpertPublication"
	FOR EACH ROW EXECUTE FUNCTION caunoi_public_link_change();
CREATE TRIGGER "ExpertTask_public_change" AFTER INSERT OR UPDATE OR DELETE ON "ExpertTask"
	FOR EACH ROW EXECUTE FUNCTION caunoi_public_link_change();
CREATE TRIGGER "OfferTaskResult_public_change" AFTER INSERT OR UPDATE OR DELETE ON "OfferTaskResult"
	FOR EACH ROW EXECUTE FUNCTION caunoi_public_link_change();

-- Resources show their organisation's name, slug, type, contacts and verification.
CREATE OR REPLACE FUNCTION caunoi_public_organisation_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM caunoi_public_change('OFFER', id) FROM "Offer" WHERE "organisationId" = NEW.id AND status = 'PUBLISHED';
	PERFORM caunoi_public_change('DEMAND', id) FROM "Demand" WHERE "organisationId" = NEW.id AND status = 'PUBLISHED';
	PERFORM caunoi_public_change('TASK_RESULT', id) FROM "TaskResult" WHERE "hostOrganisationId" = NEW.id;
	-- A task result lists the offers it backs with their organisation's name.
	PERFORM caunoi_public_change('TASK_RESULT', e."taskResultId") FROM "OfferTaskResult" e JOIN "Offer" o ON o.id = e."offerId" WHERE o."organisationId" = NEW.id AND o.status = 'PUBLISHED';
	PERFORM caunoi_public_change('EXPERT', id) FROM "Expert" WHERE "organisationId" = NEW.id;
	RETURN NULL;
END $$;

CREATE TRIGGER "Organisation_public_change" AFTER UPDATE OF name, slug, type, website, email, phone, "verifiedAt" ON "Organisation"
	FOR EACH ROW WHEN (
		(OLD.name, OLD.slug, OLD.type, OLD.website, OLD.email, OLD.phone, OLD."verifiedAt" IS NULL)
		IS DISTINCT FROM (NEW.name, NEW.slug, NEW.type, NEW.website, NEW.email, NEW.phone, NEW."verifiedAt" IS NULL)
	) EXECUTE FUNCTION caunoi_public_organisation_change();

-- What is public now starts the feed, so a mirror that reads it from the beginning has everything.
INSERT INTO "PublicChange" (txid, kind, "entityId")
SELECT pg_current_xact_id()::text::bigint, k, id FROM (
	SELECT 'OFFER'::"SearchKind" AS k, id, "publishedAt" AS at FROM "Offer" WHERE status = 'PUBLISHED'
	UNION ALL SELECT 'DEMAND', id, "publishedAt" FROM "Demand" WHERE status = 'PUBLISHED'
	UNION ALL SELECT 'TASK_RESULT', id, "createdAt" FROM "TaskResult"
	UNION ALL SELECT 'EXPERT', id, "createdAt" FROM "Expert"
) public_now ORDER BY at, id;
