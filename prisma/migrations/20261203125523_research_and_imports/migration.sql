-- CreateEnum
CREATE TYPE "TaskLevel" AS ENUM ('NATIONAL', 'MINISTERIAL', 'PROVINCIAL', 'GRASSROOTS');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('NOT_APPLIED', 'PILOT', 'APPLIED', 'COMMERCIALISED', 'TRANSFERRED');

-- CreateEnum
CREATE TYPE "DataSource" AS ENUM ('IMPORT', 'API', 'SEED', 'SELF');

-- CreateEnum
CREATE TYPE "AcademicTitle" AS ENUM ('PROFESSOR', 'ASSOCIATE_PROFESSOR');

-- CreateEnum
CREATE TYPE "Degree" AS ENUM ('DOCTOR_OF_SCIENCE', 'DOCTOR', 'MASTER', 'ENGINEER', 'BACHELOR', 'OTHER');

-- CreateEnum
CREATE TYPE "TaskRole" AS ENUM ('PRINCIPAL_INVESTIGATOR', 'SECRETARY', 'MEMBER');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('TASK_RESULTS', 'EXPERTS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'VALIDATING', 'VALIDATED', 'APPLYING', 'APPLIED', 'FAILED');

-- CreateEnum
CREATE TYPE "ImportAction" AS ENUM ('CREATE', 'UPDATE', 'UNCHANGED', 'REJECT');

-- CreateTable
CREATE TABLE "TaskResult" (
    "id" TEXT NOT NULL,
    "taskCode" TEXT NOT NULL,
    "taskCodeKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "level" "TaskLevel" NOT NULL,
    "managingAgency" TEXT NOT NULL DEFAULT '',
    "hostName" TEXT NOT NULL,
    "hostOrganisationId" TEXT,
    "provinceCode" TEXT,
    "principalInvestigator" TEXT NOT NULL DEFAULT '',
    "members" TEXT[],
    "startYear" INTEGER,
    "endYear" INTEGER,
    "fieldCodes" TEXT[],
    "fieldPaths" TEXT[],
    "keywords" TEXT[],
    "abstract" TEXT NOT NULL DEFAULT '',
    "products" JSONB NOT NULL DEFAULT '[]',
    "applicationStatus" "ApplicationStatus" NOT NULL DEFAULT 'NOT_APPLIED',
    "registrationNumber" TEXT,
    "registrationKey" TEXT,
    "registrationDate" DATE,
    "source" "DataSource" NOT NULL,
    "importId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Expert" (
    "id" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "academicTitle" "AcademicTitle",
    "degree" "Degree",
    "organisationName" TEXT NOT NULL DEFAULT '',
    "organisationId" TEXT,
    "identityKey" TEXT NOT NULL,
    "email" TEXT,
    "provinceCode" TEXT,
    "fieldCodes" TEXT[],
    "fieldPaths" TEXT[],
    "keywords" TEXT[],
    "bio" TEXT NOT NULL DEFAULT '',
    "availableForAppraisal" BOOLEAN NOT NULL DEFAULT false,
    "availableForConsulting" BOOLEAN NOT NULL DEFAULT false,
    "availabilityNote" TEXT NOT NULL DEFAULT '',
    "claimedById" TEXT,
    "claimedAt" TIMESTAMP(3),
    "source" "DataSource" NOT NULL,
    "importId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Expert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertPublication" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER,
    "venue" TEXT NOT NULL DEFAULT '',
    "source" "DataSource" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertPublication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertTask" (
    "expertId" TEXT NOT NULL,
    "taskResultId" TEXT NOT NULL,
    "role" "TaskRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertTask_pkey" PRIMARY KEY ("expertId","taskResultId")
);

-- CreateTable
CREATE TABLE "ExpertClaim" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferTaskResult" (
    "offerId" TEXT NOT NULL,
    "taskResultId" TEXT NOT NULL,
    "linkedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferTaskResult_pkey" PRIMARY KEY ("offerId","taskResultId")
);

-- CreateTable
CREATE TABLE "Import" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdById" TEXT,
    "bytesRead" INTEGER NOT NULL DEFAULT 0,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "applied" JSONB,
    "errorCode" TEXT,
    "errorParams" JSONB,
    "validatedAt" TIMESTAMP(3),
    "applyQueued" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "id" BIGSERIAL NOT NULL,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "action" "ImportAction" NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "label" TEXT NOT NULL DEFAULT '',
    "issues" JSONB NOT NULL DEFAULT '[]',
    "changes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TaskResult_registrationKey_key" ON "TaskResult"("registrationKey");

-- CreateIndex
CREATE INDEX "TaskResult_taskCodeKey_idx" ON "TaskResult"("taskCodeKey");

-- CreateIndex
CREATE INDEX "TaskResult_endYear_id_idx" ON "TaskResult"("endYear" DESC, "id");

-- CreateIndex
CREATE INDEX "TaskResult_fieldPaths_idx" ON "TaskResult" USING GIN ("fieldPaths");

-- CreateIndex
CREATE INDEX "TaskResult_level_idx" ON "TaskResult"("level");

-- CreateIndex
CREATE INDEX "TaskResult_hostOrganisationId_idx" ON "TaskResult"("hostOrganisationId");

-- CreateIndex
CREATE INDEX "TaskResult_provinceCode_idx" ON "TaskResult"("provinceCode");

-- CreateIndex
CREATE UNIQUE INDEX "Expert_email_key" ON "Expert"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Expert_claimedById_key" ON "Expert"("claimedById");

-- CreateIndex
CREATE INDEX "Expert_identityKey_idx" ON "Expert"("identityKey");

-- CreateIndex
CREATE INDEX "Expert_fieldPaths_idx" ON "Expert" USING GIN ("fieldPaths");

-- CreateIndex
CREATE INDEX "Expert_organisationId_idx" ON "Expert"("organisationId");

-- CreateIndex
CREATE INDEX "Expert_provinceCode_idx" ON "Expert"("provinceCode");

-- CreateIndex
CREATE INDEX "ExpertPublication_expertId_position_idx" ON "ExpertPublication"("expertId", "position");

-- CreateIndex
CREATE INDEX "ExpertTask_taskResultId_idx" ON "ExpertTask"("taskResultId");

-- CreateIndex
CREATE INDEX "ExpertClaim_expertId_idx" ON "ExpertClaim"("expertId");

-- CreateIndex
CREATE INDEX "ExpertClaim_userId_idx" ON "ExpertClaim"("userId");

-- CreateIndex
CREATE INDEX "OfferTaskResult_taskResultId_idx" ON "OfferTaskResult"("taskResultId");

-- CreateIndex
CREATE UNIQUE INDEX "Import_storageKey_key" ON "Import"("storageKey");

-- CreateIndex
CREATE INDEX "Import_createdAt_idx" ON "Import"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "ImportRow_importId_action_line_idx" ON "ImportRow"("importId", "action", "line");

-- AddForeignKey
ALTER TABLE "TaskResult" ADD CONSTRAINT "TaskResult_hostOrganisationId_fkey" FOREIGN KEY ("hostOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskResult" ADD CONSTRAINT "TaskResult_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expert" ADD CONSTRAINT "Expert_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expert" ADD CONSTRAINT "Expert_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expert" ADD CONSTRAINT "Expert_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertPublication" ADD CONSTRAINT "ExpertPublication_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertTask" ADD CONSTRAINT "ExpertTask_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertTask" ADD CONSTRAINT "ExpertTask_taskResultId_fkey" FOREIGN KEY ("taskResultId") REFERENCES "TaskResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertClaim" ADD CONSTRAINT "ExpertClaim_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertClaim" ADD CONSTRAINT "ExpertClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferTaskResult" ADD CONSTRAINT "OfferTaskResult_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferTaskResult" ADD CONSTRAINT "OfferTaskResult_taskResultId_fkey" FOREIGN KEY ("taskResultId") REFERENCES "TaskResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferTaskResult" ADD CONSTRAINT "OfferTaskResult_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;
