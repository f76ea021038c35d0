-- CreateEnum
CREATE TYPE "ListingStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETURNED', 'ARCHIVED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "TransferMode" AS ENUM ('ASSIGNMENT', 'LICENSING', 'CAPITAL_CONTRIBUTION', 'INVESTMENT_PROJECT', 'CONSULTING', 'TRAINING', 'RD_CONTRACT', 'EQUIPMENT_SALE');

-- CreateEnum
CREATE TYPE "IpStatus" AS ENUM ('PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'INDUSTRIAL_DESIGN', 'PLANT_VARIETY', 'KNOW_HOW', 'NONE');

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT,
    "contactUserId" TEXT,
    "status" "ListingStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "confidential" TEXT NOT NULL DEFAULT '',
    "fieldCodes" TEXT[],
    "fieldPaths" TEXT[],
    "keywords" TEXT[],
    "trl" INTEGER,
    "ipStatus" "IpStatus" NOT NULL DEFAULT 'NONE',
    "ipNumbers" TEXT NOT NULL DEFAULT '',
    "transferModes" "TransferMode"[],
    "priceMin" BIGINT,
    "priceMax" BIGINT,
    "priceNegotiable" BOOLEAN NOT NULL DEFAULT false,
    "provinceCode" TEXT,
    "pendingChanges" JSONB,
    "pendingSince" TIMESTAMP(3),
    "returnReason" TEXT,
    "reviewedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "expiryNotifiedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Demand" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT,
    "contactUserId" TEXT,
    "status" "ListingStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL DEFAULT '',
    "desiredOutcome" TEXT NOT NULL DEFAULT '',
    "fieldCodes" TEXT[],
    "fieldPaths" TEXT[],
    "keywords" TEXT[],
    "minTrl" INTEGER,
    "budgetMin" BIGINT,
    "budgetMax" BIGINT,
    "budgetUndisclosed" BOOLEAN NOT NULL DEFAULT false,
    "deadline" TIMESTAMP(3),
    "transferModes" "TransferMode"[],
    "provinceCode" TEXT,
    "pendingChanges" JSONB,
    "pendingSince" TIMESTAMP(3),
    "returnReason" TEXT,
    "reviewedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "expiryNotifiedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Demand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "offerId" TEXT,
    "demandId" TEXT,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListingEvent" (
    "id" BIGSERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "ListingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Offer_status_publishedAt_idx" ON "Offer"("status", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Offer_organisationId_status_idx" ON "Offer"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Offer_status_expiresAt_idx" ON "Offer"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Offer_fieldPaths_idx" ON "Offer" USING GIN ("fieldPaths");

-- CreateIndex
CREATE INDEX "Offer_transferModes_idx" ON "Offer" USING GIN ("transferModes");

-- CreateIndex
CREATE INDEX "Offer_provinceCode_idx" ON "Offer"("provinceCode");

-- CreateIndex
CREATE INDEX "Demand_status_publishedAt_idx" ON "Demand"("status", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Demand_organisationId_status_idx" ON "Demand"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Demand_status_expiresAt_idx" ON "Demand"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Demand_fieldPaths_idx" ON "Demand" USING GIN ("fieldPaths");

-- CreateIndex
CREATE INDEX "Demand_transferModes_idx" ON "Demand" USING GIN ("transferModes");

-- CreateIndex
CREATE INDEX "Demand_provinceCode_idx" ON "Demand"("provinceCode");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_offerId_idx" ON "Attachment"("offerId");

-- CreateIndex
CREATE INDEX "Attachment_demandId_idx" ON "Attachment"("demandId");

-- CreateIndex
CREATE INDEX "ListingEvent_processedAt_id_idx" ON "ListingEvent"("processedAt", "id");

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_contactUserId_fkey" FOREIGN KEY ("contactUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_contactUserId_fkey" FOREIGN KEY ("contactUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
