package dev.airlock.core.operation;

/**
 * What one statement does, free of dialect and syntax. Every frontend (SQL, and later the ORM
 * and shell ones) produces these; every rule reads only these. A frontend that cannot tell what
 * a statement does says so with {@link Unparsed} or {@link DynamicSql}, never with silence.
 */
public sealed interface Operation
    permits AlterColumnType,
        AlterSystem,
        AutoDdl,
        Benign,
        CopyProgram,
        DataMigration,
        DeleteRows,
        Drop,
        DropColumn,
        DropConstraint,
        DynamicSql,
        Grant,
        IrreversibleMigration,
        Rename,
        RenameColumn,
        RoleAttributes,
        RoleGrant,
        SchemaWipe,
        Truncate,
        Unparsed,
        UnparsedMigration,
        UpdateRows {}
