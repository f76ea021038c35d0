-- AlterTable
ALTER TABLE "SearchDocument" ADD COLUMN     "sample" SMALLINT NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "SearchDocument_sample_idx" ON "SearchDocument"("sample");

-- A narrow heap (docs/decisions/009-search.md, "Bounded work"): a search for a common word visits
-- half the rows, and before this every row carried its summary and a 1.8 kB vector inline
-- (138 MB of heap at 100,000 listings). Long values now go to TOAST as soon as a row passes
-- 128 bytes, except `head`, which ranking reads on every candidate and which stays in the row.
ALTER TABLE "SearchDocument" SET (toast_tuple_target = 128);
ALTER TABLE "SearchDocument" ALTER COLUMN "head" SET STORAGE MAIN;

-- `head` keeps the title and keywords only (weights A and B): ranking and suggestions read
-- nothing else, and the summary is matched through `body` like the rest of the text.
UPDATE "SearchDocument" SET "head" = ts_filter("head", '{a,b}'), "sample" = (abs(hashtext("id")) % 100)::smallint;

-- The orders the results page offers, as the engine writes them (NULLS LAST, id last), so newest
-- first and the price sorts read an index instead of sorting every match. Prisma's schema cannot
-- say NULLS LAST, so these live here only.
CREATE INDEX "SearchDocument_newest_idx" ON "SearchDocument" ("publishedAt" DESC NULLS LAST, "id");
CREATE INDEX "SearchDocument_price_asc_idx" ON "SearchDocument" ("price" ASC NULLS LAST, "publishedAt" DESC NULLS LAST, "id");
CREATE INDEX "SearchDocument_price_desc_idx" ON "SearchDocument" ("price" DESC NULLS LAST, "publishedAt" DESC NULLS LAST, "id");
