-- CreateIndex
CREATE INDEX "DealEvent_dealId_toStage_createdAt_idx" ON "DealEvent"("dealId", "toStage", "createdAt");
