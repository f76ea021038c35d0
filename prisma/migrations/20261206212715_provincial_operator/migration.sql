-- AlterEnum
ALTER TYPE "PlatformRole" ADD VALUE 'PROVINCIAL_OPERATOR';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "operatorProvinceCode" TEXT;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_operatorProvinceCode_fkey" FOREIGN KEY ("operatorProvinceCode") REFERENCES "Province"("code") ON DELETE SET NULL ON UPDATE CASCADE;
