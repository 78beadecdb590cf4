export declare function migrationNames(provider: "sqlite" | "postgresql"): string[];
export declare function layoutOf(provider: "sqlite" | "postgresql"): { schemaPath: string; migrationsDir: string };
