export declare function deployMigrations(url?: string): Promise<string[]>;
export declare function pendingMigrations(url?: string): Promise<string[]>;
export declare function schemaDrift(url: string): Promise<string>;
export declare function withMigratedScratch<T>(provider: "sqlite" | "postgresql", work: (url: string) => Promise<T>): Promise<T>;
