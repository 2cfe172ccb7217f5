import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class DropUserLegacyToken1694000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        const table = await queryRunner.getTable("user");
        const unique = table!.uniques.find((u) => u.columnNames.includes("legacyToken"));
        if (unique) {
            await queryRunner.dropUniqueConstraint("user", unique);
        }
        await queryRunner.dropColumn(table!, "legacyToken");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.addColumn("user", new TableColumn({ name: "legacyToken", type: "varchar", isNullable: true }));
    }
}
