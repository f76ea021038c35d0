-- CreateIndex
CREATE INDEX "Offer_status_priceMin_publishedAt_idx" ON "Offer"("status", "priceMin", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Offer_status_trl_publishedAt_idx" ON "Offer"("status", "trl" DESC, "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Demand_status_budgetMin_publishedAt_idx" ON "Demand"("status", "budgetMin", "publishedAt" DESC);
