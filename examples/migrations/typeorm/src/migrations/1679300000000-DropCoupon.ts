import { MigrationInterface, QueryRunner } from "typeorm";

export class DropCoupon1679300000000 implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        // coupons moved to the promotions service, which imported every row
        await queryRunner.dropTable("coupon", true);
    }

    public async down(): Promise<void> {
        throw new Error("coupon lives in the promotions service now");
    }
}
