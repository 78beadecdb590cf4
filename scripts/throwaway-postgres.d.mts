export declare function postgresBinDir(): string;
export declare function freePort(): Promise<number>;
export declare function startThrowawayPostgres(options?: { port?: number; durable?: boolean; maxConnections?: number }): Promise<{ url: string; port: number; dir: string; stop(): void }>;
