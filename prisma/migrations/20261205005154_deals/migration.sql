-- CreateEnum
CREATE TYPE "DealStage" AS ENUM ('INTEREST', 'NDA', 'NEGOTIATION', 'AGREEMENT', 'PAYMENT', 'TRANSFERRED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CommissionKind" AS ENUM ('PERCENT', 'FIXED');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('DUE', 'PAID');

-- CreateEnum
CREATE TYPE "PaymentProviderName" AS ENUM ('BANK_TRANSFER', 'STRIPE');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'FAILED', 'EXPIRED', 'CANCELLED', 'PAID', 'REFUNDED');

-- CreateEnum
CREATE TYPE "StatementLineOutcome" AS ENUM ('EXACT', 'PARTIAL', 'DUPLICATE', 'INACTIVE', 'UNKNOWN');

-- CreateTable
CREATE TABLE "Deal" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "stage" "DealStage" NOT NULL DEFAULT 'INTEREST',
    "offerId" TEXT,
    "demandId" TEXT,
    "matchId" TEXT,
    "buyerOrgId" TEXT NOT NULL,
    "sellerOrgId" TEXT NOT NULL,
    "brokerId" TEXT,
    "createdById" TEXT,
    "message" TEXT NOT NULL DEFAULT '',
    "openKey" TEXT,
    "cancelReason" TEXT,
    "offPlatform" BOOLEAN NOT NULL DEFAULT false,
    "outcomeValue" BIGINT,
    "outcomeMode" "TransferMode",
    "outcomeDate" TIMESTAMP(3),
    "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealEvent" (
    "id" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStage" "DealStage",
    "toStage" "DealStage",
    "actorId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NdaTemplate" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "titleVi" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "bodyVi" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NdaTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NdaAcceptance" (
    "id" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT,
    "templateId" TEXT NOT NULL,
    "templateVersion" INTEGER NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NdaAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealAgreement" (
    "id" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "transferMode" "TransferMode" NOT NULL,
    "priceVnd" BIGINT NOT NULL,
    "commissionKind" "CommissionKind",
    "commissionBps" INTEGER,
    "commissionFixed" BIGINT,
    "platformFeeBps" INTEGER NOT NULL,
    "terms" TEXT NOT NULL DEFAULT '',
    "milestones" JSONB NOT NULL,
    "proposedById" TEXT,
    "buyerSignedAt" TIMESTAMP(3),
    "buyerSignedById" TEXT,
    "sellerSignedAt" TIMESTAMP(3),
    "sellerSignedById" TEXT,
    "supersededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealMilestone" (
    "id" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "dueDate" TIMESTAMP(3),
    "deliverable" TEXT NOT NULL DEFAULT '',
    "status" "MilestoneStatus" NOT NULL DEFAULT 'DUE',
    "paidAt" TIMESTAMP(3),
    "paidPaymentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DealMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "provider" "PaymentProviderName" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "amount" BIGINT NOT NULL,
    "platformFee" BIGINT NOT NULL,
    "brokerShare" BIGINT NOT NULL,
    "sellerNet" BIGINT NOT NULL,
    "reference" TEXT NOT NULL,
    "providerRef" TEXT,
    "checkoutUrl" TEXT,
    "paidAt" TIMESTAMP(3),
    "refundedAt" TIMESTAMP(3),
    "refundedAmount" BIGINT NOT NULL DEFAULT 0,
    "confirmedById" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentEvent" (
    "id" TEXT NOT NULL,
    "provider" "PaymentProviderName" NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "paymentId" TEXT,
    "outcome" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankStatement" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "uploadedById" TEXT,
    "summary" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankStatementLine" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "date" TIMESTAMP(3),
    "amount" BIGINT NOT NULL,
    "description" TEXT NOT NULL,
    "bankRef" TEXT,
    "reference" TEXT,
    "paymentId" TEXT,
    "outcome" "StatementLineOutcome" NOT NULL,
    "difference" BIGINT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankStatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Deal_code_key" ON "Deal"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Deal_openKey_key" ON "Deal"("openKey");

-- CreateIndex
CREATE INDEX "Deal_buyerOrgId_stage_idx" ON "Deal"("buyerOrgId", "stage");

-- CreateIndex
CREATE INDEX "Deal_sellerOrgId_stage_idx" ON "Deal"("sellerOrgId", "stage");

-- CreateIndex
CREATE INDEX "Deal_brokerId_stage_idx" ON "Deal"("brokerId", "stage");

-- CreateIndex
CREATE INDEX "Deal_stage_stageChangedAt_idx" ON "Deal"("stage", "stageChangedAt" DESC);

-- CreateIndex
CREATE INDEX "Deal_offerId_idx" ON "Deal"("offerId");

-- CreateIndex
CREATE INDEX "Deal_demandId_idx" ON "Deal"("demandId");

-- CreateIndex
CREATE INDEX "DealEvent_dealId_createdAt_idx" ON "DealEvent"("dealId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NdaTemplate_version_key" ON "NdaTemplate"("version");

-- CreateIndex
CREATE UNIQUE INDEX "NdaAcceptance_dealId_organisationId_key" ON "NdaAcceptance"("dealId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "DealAgreement_dealId_version_key" ON "DealAgreement"("dealId", "version");

-- CreateIndex
CREATE INDEX "DealMilestone_dealId_position_idx" ON "DealMilestone"("dealId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DealMilestone_agreementId_position_key" ON "DealMilestone"("agreementId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_reference_key" ON "Payment"("reference");

-- CreateIndex
CREATE INDEX "Payment_milestoneId_status_idx" ON "Payment"("milestoneId", "status");

-- CreateIndex
CREATE INDEX "Payment_provider_status_createdAt_idx" ON "Payment"("provider", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_provider_providerRef_key" ON "Payment"("provider", "providerRef");

-- CreateIndex
CREATE INDEX "PaymentEvent_paymentId_idx" ON "PaymentEvent"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentEvent_provider_eventId_key" ON "PaymentEvent"("provider", "eventId");

-- CreateIndex
CREATE INDEX "BankStatementLine_statementId_lineNo_idx" ON "BankStatementLine"("statementId", "lineNo");

-- CreateIndex
CREATE INDEX "BankStatementLine_outcome_resolvedAt_idx" ON "BankStatementLine"("outcome", "resolvedAt");

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_buyerOrgId_fkey" FOREIGN KEY ("buyerOrgId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_sellerOrgId_fkey" FOREIGN KEY ("sellerOrgId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_brokerId_fkey" FOREIGN KEY ("brokerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealEvent" ADD CONSTRAINT "DealEvent_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealEvent" ADD CONSTRAINT "DealEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NdaTemplate" ADD CONSTRAINT "NdaTemplate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NdaAcceptance" ADD CONSTRAINT "NdaAcceptance_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NdaAcceptance" ADD CONSTRAINT "NdaAcceptance_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NdaAcceptance" ADD CONSTRAINT "NdaAcceptance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NdaAcceptance" ADD CONSTRAINT "NdaAcceptance_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "NdaTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealAgreement" ADD CONSTRAINT "DealAgreement_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealAgreement" ADD CONSTRAINT "DealAgreement_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealAgreement" ADD CONSTRAINT "DealAgreement_buyerSignedById_fkey" FOREIGN KEY ("buyerSignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealAgreement" ADD CONSTRAINT "DealAgreement_sellerSignedById_fkey" FOREIGN KEY ("sellerSignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealMilestone" ADD CONSTRAINT "DealMilestone_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealMilestone" ADD CONSTRAINT "DealMilestone_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "DealAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "DealMilestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentEvent" ADD CONSTRAINT "PaymentEvent_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankStatement" ADD CONSTRAINT "BankStatement_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankStatementLine" ADD CONSTRAINT "BankStatementLine_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "BankStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The first NDA version, so every exchange can open deals at once; operators add versions in the app.
INSERT INTO "NdaTemplate" ("id", "version", "titleVi", "titleEn", "bodyVi", "bodyEn")
VALUES ('nda_template_v1', 1,
'Thỏa thuận bảo mật thông tin (NDA)',
'Non-disclosure agreement (NDA)',
E'Các bên tham gia giao dịch này (bên mua và bên bán, cùng tổ chức trung gian nếu có) đồng ý:\n\n1. **Thông tin mật** là mọi thông tin kỹ thuật, thương mại và tài liệu mà một bên cung cấp cho bên kia qua Cầu Nối trong giao dịch này, kể cả phần thông tin mật của chào bán công nghệ.\n2. Bên nhận chỉ dùng thông tin mật để đánh giá và thực hiện việc chuyển giao công nghệ trong giao dịch này; không tiết lộ cho bên thứ ba, trừ nhân sự và cố vấn cần biết và chịu nghĩa vụ bảo mật tương đương.\n3. Nghĩa vụ này không áp dụng cho thông tin đã được công bố công khai không do lỗi của bên nhận, hoặc bên nhận đã có hợp pháp trước khi được cung cấp.\n4. Khi giao dịch bị hủy hoặc theo yêu cầu của bên cung cấp, bên nhận hủy hoặc trả lại tài liệu mật đã nhận.\n5. Nghĩa vụ bảo mật có hiệu lực trong 5 năm kể từ ngày chấp nhận. Thỏa thuận này tuân theo pháp luật Việt Nam, bao gồm Luật Chuyển giao công nghệ 2017.\n\nViệc chấp nhận trên Cầu Nối được ghi lại cùng người chấp nhận, thời điểm và phiên bản văn bản.',
E'The parties to this deal (the buyer and the seller, and the broker if any) agree that:\n\n1. **Confidential information** is any technical or commercial information and any document one party provides to the other through Cầu Nối in this deal, including the confidential section of the technology offer.\n2. The receiving party uses it only to assess and carry out the technology transfer of this deal, and does not disclose it to third parties other than staff and advisers who need to know it and are bound by equivalent confidentiality.\n3. This does not apply to information that became public through no fault of the receiving party, or that it lawfully held before receiving it.\n4. When the deal is cancelled, or when the disclosing party asks, the receiving party destroys or returns the confidential documents it received.\n5. These obligations last five years from acceptance. This agreement is governed by Vietnamese law, including the Law on Technology Transfer 2017.\n\nAcceptance on Cầu Nối is recorded with who accepted, when, and the version of this text.');
