import { MigrationInterface, QueryRunner } from "typeorm";

export class RemoveOldPrice1690000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        // airlock:allow drop-column oldPrice was never written after the 2023 repricing
        await queryRunner.dropColumn("product", "oldPrice");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "product" ADD "oldPrice" integer`);
        await queryRunner.query(`UPDATE "product" SET "oldPrice" = "price"`);
    }
}
