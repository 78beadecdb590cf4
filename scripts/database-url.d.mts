export declare const DEFAULT_DATABASE_URL: string;
export declare function databaseUrl(): string;
export declare function sqlitePath(url?: string): string;
export declare function keepDatabasePrivate(url?: string): void;
