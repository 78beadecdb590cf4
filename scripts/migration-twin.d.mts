export declare function twinSql(name: string, postgresUrl: string): Promise<string>;
export declare function writeTwins(names: string[], postgresUrl: string): Promise<string[]>;
export declare function dataStatements(sql: string): string[];
