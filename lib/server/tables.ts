/**
 * How a MapDoc is stored: each record type's table, and each field's column. The generic writes
 * (record-writes.ts) and reads (doc-store.ts) go by this description alone, so a new field is one
 * line here (plus its column in prisma/schema.prisma and a migration), and a new record type is
 * one entry, with no new SQL.
 *
 * Record tables are keyed by ("mapId", "id") and have a "seq" column: the revision that added the
 * row, which orders a map's rows as the log's replay orders its records.
 */
import type { MapMeta, RecordName, RecordTypes } from "../map/types";

/** `real` holds a float exactly; `json` holds any JSON value as text (null stays NULL). */
export type ColumnType = "text" | "real" | "json";

export interface Column {
  name: string;
  type: ColumnType;
}

export interface TableDescription<R> {
  table: string;
  /** Every field of the record but its id; the type makes a field without a column an error. */
  columns: { readonly [K in Exclude<keyof R, "id">]-?: Column };
  /** The table has "createdAt" and "updatedAt" columns, set on insert and on update. */
  timestamps: boolean;
}

const text = (name: string): Column => ({ name, type: "text" });
const real = (name: string): Column => ({ name, type: "real" });
const json = (name: string): Column => ({ name, type: "json" });

export const RECORD_TABLES: { readonly [K in RecordName]: TableDescription<RecordTypes[K]> } = {
  nodes: {
    table: "Node",
    timestamps: true,
    columns: {
      kind: text("kind"),
      text: text("text"),
      speaker: text("speaker"),
      sourceId: text("sourceId"),
      quote: text("quote"),
      quotePrefix: text("quotePrefix"),
      quoteSuffix: text("quoteSuffix"),
      baseScore: real("baseScore"),
      x: real("x"),
      y: real("y"),
    },
  },
  edges: {
    table: "Edge",
    timestamps: false,
    columns: { from: text("from"), to: text("to"), relation: text("relation") },
  },
  sources: {
    table: "Source",
    timestamps: false,
    columns: {
      title: text("title"),
      publisher: text("publisher"),
      author: text("author"),
      date: text("date"),
      url: text("url"),
      text: text("text"),
    },
  },
};

/** The map's own fields live in its row of "Map" (keyed by "id" alone; "updatedAt" moves with the revision). */
export const MAP_TABLE = {
  table: "Map",
  columns: { title: text("title"), description: text("description"), presentation: json("presentation") },
} as const satisfies { table: string; columns: { readonly [K in keyof MapMeta]-?: Column } };

/** A field's value as its column stores it. */
export function toColumn(column: Column, value: unknown): unknown {
  if (column.type !== "json" || value === undefined) return value;
  return value === null ? null : JSON.stringify(value);
}

/** A column's value as the record's field. */
export function fromColumn(column: Column, value: unknown): unknown {
  return column.type === "json" && typeof value === "string" ? JSON.parse(value) : value;
}

type Described = { columns: Readonly<Record<string, Column>> };

/** The described fields of a row as read from its table (the map's own fields, from its row). */
export function fieldsFromRow<R>(description: Described, row: Record<string, unknown>): R {
  const fields: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(description.columns)) fields[field] = fromColumn(column, row[column.name]);
  return fields as R;
}

/** A record table's row as the record: its id and exactly the described fields. */
export function recordFromRow<R extends { id: string }>(description: Described, row: Record<string, unknown> & { id: string }): R {
  return { id: row.id, ...fieldsFromRow<Omit<R, "id">>(description, row) } as R;
}

/** The SQL identifiers spliced into statements: only these names, checked once, never user input. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
for (const description of [...Object.values(RECORD_TABLES), MAP_TABLE]) {
  for (const name of [description.table, ...Object.values(description.columns).map((column: Column) => column.name)]) {
    if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  }
}
