import { MigrationInterface, QueryRunner, Table, TableForeignKey } from "typeorm";

export class CreateOrder1673000000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.createTable(
            new Table({
                name: "order",
                columns: [
                    { name: "id", type: "int", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
                    { name: "userId", type: "int" },
                    { name: "legacyOrderId", type: "int", isNullable: true },
                    { name: "status", type: "varchar", length: "32", default: "'pending'" },
                    { name: "total", type: "int" },
                ],
            }),
            true,
        );
        await queryRunner.createForeignKey(
            "order",
            new TableForeignKey({
                columnNames: ["userId"],
                referencedColumnNames: ["id"],
                referencedTableName: "user",
                onDelete: "CASCADE",
            }),
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.dropTable("order");
    }
}
