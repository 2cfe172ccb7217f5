import { MigrationInterface, QueryRunner } from "typeorm";

export class RemoveLegacyOrderId1677600000000 implements MigrationInterface {
    name = "RemoveLegacyOrderId1677600000000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "legacyOrderId"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "order" ADD "legacyOrderId" integer`);
    }
}
