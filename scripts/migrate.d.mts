export declare function deployMigrations(url?: string): Promise<string[]>;
