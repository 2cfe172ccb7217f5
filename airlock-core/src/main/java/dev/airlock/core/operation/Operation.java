package dev.airlock.core.operation;

/**
 * What one statement does, free of dialect and syntax. Every frontend (SQL, ORM, shell) produces
 * these; every rule reads only these. A frontend that cannot tell what a statement does says so
 * with {@link Unparsed}, {@link DynamicSql} or {@link HiddenPayload}, never with silence.
 */
public sealed interface Operation
    permits AlterColumnType,
        AlterSystem,
        AutoDdl,
        Benign,
        ChangeModeRecursive,
        CloudDestroy,
        ClusterChange,
        CopyProgram,
        DataMigration,
        DeleteRows,
        Drop,
        DropColumn,
        DropConstraint,
        DynamicSql,
        GitHistoryLoss,
        Grant,
        HiddenPayload,
        IrreversibleMigration,
        KeyStoreFlush,
        OverwritePaths,
        RemovePaths,
        Rename,
        RenameColumn,
        RoleAttributes,
        RoleGrant,
        SchemaWipe,
        Truncate,
        Unparsed,
        UnparsedMigration,
        UpdateRows {}
