export declare function withDatabase(url: string, database: string): string;
export declare function createDatabase(url: string, options?: { prefix?: string; template?: string }): Promise<{ name: string; url: string }>;
export declare function dropDatabase(url: string, name: string): Promise<void>;
export declare function withScratchDatabase<T>(url: string, work: (url: string) => Promise<T>, options?: { prefix?: string; template?: string }): Promise<T>;
