export declare function migrationNames(provider: "sqlite" | "postgresql"): string[];
