import { MigrationInterface, QueryRunner, TableIndex } from "typeorm";

export class AddProductIndexes1685600000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.createIndex("product", new TableIndex({ name: "IDX_product_sku", columnNames: ["sku"] }));
        await queryRunner.query(`CREATE INDEX "IDX_product_title" ON "product" ("title") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_product_title"`);
        await queryRunner.dropIndex("product", "IDX_product_sku");
    }
}
