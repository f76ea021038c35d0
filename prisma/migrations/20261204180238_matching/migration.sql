-- CreateEnum
CREATE TYPE "MatchKind" AS ENUM ('OFFER_DEMAND', 'TASK_RESULT_DEMAND', 'EXPERT_OFFER', 'EXPERT_DEMAND');

-- CreateEnum
CREATE TYPE "MatchVerdict" AS ENUM ('RELEVANT', 'DISMISSED');

-- CreateEnum
CREATE TYPE "DismissReason" AS ENUM ('NOT_RELEVANT', 'ALREADY_KNOWN', 'PRICE', 'MATURITY', 'LOCATION', 'OTHER');

-- CreateTable
CREATE TABLE "Match" (
    "id" TEXT NOT NULL,
    "kind" "MatchKind" NOT NULL,
    "pairKey" TEXT NOT NULL,
    "demandId" TEXT,
    "offerId" TEXT,
    "taskResultId" TEXT,
    "expertId" TEXT,
    "score" DOUBLE PRECISION NOT NULL,
    "components" JSONB NOT NULL,
    "explanation" JSONB NOT NULL,
    "notifiedAt" TIMESTAMP(3),
    "brokerId" TEXT,
    "claimedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchFeedback" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT,
    "verdict" "MatchVerdict",
    "reason" "DismissReason",
    "note" TEXT NOT NULL DEFAULT '',
    "interestedAt" TIMESTAMP(3),
    "components" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MatchFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchModel" (
    "id" TEXT NOT NULL,
    "weights" JSONB NOT NULL,
    "examples" INTEGER NOT NULL,
    "heldOut" INTEGER NOT NULL,
    "accuracy" DOUBLE PRECISION NOT NULL,
    "baseline" DOUBLE PRECISION NOT NULL,
    "active" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchModel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Match_pairKey_key" ON "Match"("pairKey");

-- CreateIndex
CREATE INDEX "Match_demandId_score_idx" ON "Match"("demandId", "score" DESC);

-- CreateIndex
CREATE INDEX "Match_offerId_score_idx" ON "Match"("offerId", "score" DESC);

-- CreateIndex
CREATE INDEX "Match_kind_score_idx" ON "Match"("kind", "score" DESC);

-- CreateIndex
CREATE INDEX "Match_taskResultId_idx" ON "Match"("taskResultId");

-- CreateIndex
CREATE INDEX "Match_expertId_idx" ON "Match"("expertId");

-- CreateIndex
CREATE INDEX "MatchFeedback_verdict_updatedAt_idx" ON "MatchFeedback"("verdict", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MatchFeedback_matchId_organisationId_key" ON "MatchFeedback"("matchId", "organisationId");

-- CreateIndex
CREATE INDEX "MatchModel_active_createdAt_idx" ON "MatchModel"("active", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_taskResultId_fkey" FOREIGN KEY ("taskResultId") REFERENCES "TaskResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_brokerId_fkey" FOREIGN KEY ("brokerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchFeedback" ADD CONSTRAINT "MatchFeedback_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchFeedback" ADD CONSTRAINT "MatchFeedback_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchFeedback" ADD CONSTRAINT "MatchFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
