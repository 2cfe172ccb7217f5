-- Customised by hand: Prisma would drop and re-add the column; rename keeps the data.
ALTER TABLE "Post" RENAME COLUMN "content" TO "body";
