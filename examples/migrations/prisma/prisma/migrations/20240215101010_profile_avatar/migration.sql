-- AlterTable
ALTER TABLE "Profile" ADD COLUMN     "avatarUrl" TEXT;
