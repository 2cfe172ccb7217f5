import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class AddOrderChannel1676000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.addColumn(
            "order",
            new TableColumn({ name: "channel", type: "varchar", length: "16", isNullable: true }),
        );
        // every order before this one came from the web shop
        await queryRunner.query(`UPDATE "order" SET "channel" = 'web' WHERE "channel" IS NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.dropColumn("order", "channel");
    }
}
