import { MigrationInterface, QueryRunner } from "typeorm";

export class PurgeExpiredSessions1683300000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.manager
            .createQueryBuilder()
            .delete()
            .from("session")
            .where(`"expiresAt" < now()`)
            .execute();
    }

    public async down(): Promise<void> {
        // expired sessions are gone for good, and that is fine
    }
}
