-- Small columns stay in the row (docs/decisions/009-search.md, "Bounded work"). With
-- toast_tuple_target = 128 (20261203183329_search_narrow) and `head` kept in the row, every row is
-- over the target, so the toaster moved every other value it could out of line: the id, the
-- title, the keywords, the field paths and transfer modes were each a TOAST fetch (three or four
-- buffer reads) wherever a statement read them (filters, the facet counts' unnest, the ranking
-- window's ids), about ten TOAST values a row. STORAGE MAIN keeps them in the row unless a row
-- would pass a page; `summary` (read only for a page's hits) and `body` (matched through GIN)
-- still go to TOAST, which keeps the heap narrow. Prisma's schema cannot say STORAGE.
ALTER TABLE "SearchDocument"
	ALTER COLUMN "id" SET STORAGE MAIN,
	ALTER COLUMN "entityId" SET STORAGE MAIN,
	ALTER COLUMN "title" SET STORAGE MAIN,
	ALTER COLUMN "subtitle" SET STORAGE MAIN,
	ALTER COLUMN "keywords" SET STORAGE MAIN,
	ALTER COLUMN "fieldPaths" SET STORAGE MAIN,
	ALTER COLUMN "provinceCode" SET STORAGE MAIN,
	ALTER COLUMN "transferModes" SET STORAGE MAIN,
	ALTER COLUMN "ipStatus" SET STORAGE MAIN,
	ALTER COLUMN "version" SET STORAGE MAIN;

-- SET STORAGE applies to values written from now on; an update that stores the same TOAST
-- pointer again keeps it out of line, so each value is rebuilt (same content) to bring the rows
-- already indexed back in line.
UPDATE "SearchDocument" SET
	"id" = "id" || '',
	"entityId" = "entityId" || '',
	"title" = "title" || '',
	"subtitle" = "subtitle" || '',
	"keywords" = CASE WHEN "keywords" IS NULL THEN NULL ELSE "keywords" || '{}'::text[] END,
	"fieldPaths" = CASE WHEN "fieldPaths" IS NULL THEN NULL ELSE "fieldPaths" || '{}'::text[] END,
	"provinceCode" = "provinceCode" || '',
	"transferModes" = CASE WHEN "transferModes" IS NULL THEN NULL ELSE "transferModes" || '{}'::text[] END,
	"ipStatus" = "ipStatus" || '',
	"version" = "version" || '';
