import { MigrationInterface, QueryRunner } from "typeorm";

export class RenameUserName1681300000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.renameColumn("user", "name", "fullName");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.renameColumn("user", "fullName", "name");
    }
}
