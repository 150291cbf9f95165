-- Generated after the field was renamed in schema.prisma without @map.
ALTER TABLE "User" RENAME COLUMN "name" TO "fullName"; -- relplan:finding

-- DropTable
DROP TABLE "LegacySession"; -- relplan:finding
