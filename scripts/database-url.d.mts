export type Provider = "sqlite" | "postgresql";
export declare const DEFAULT_DATABASE_URL: string;
export declare function databaseUrl(): string;
export declare function providerOf(url?: string): Provider;
export declare const PROVIDER_LAYOUT: Record<Provider, { schema: string; migrations: string }>;
export declare function sqlitePath(url?: string): string;
export declare function keepDatabasePrivate(url?: string): void;
