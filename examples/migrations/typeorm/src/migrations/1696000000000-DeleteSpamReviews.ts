import { MigrationInterface, QueryRunner } from "typeorm";

export class DeleteSpamReviews1696000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(
            `DELETE FROM "review" ` +
                `WHERE "spam" = true`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // the deleted reviews cannot be restored
    }
}
