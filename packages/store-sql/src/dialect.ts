/** The SQL dialects the adapter speaks. PGlite counts as `postgres`, MariaDB as `mysql`. */
export type Dialect = "sqlite" | "postgres" | "mysql"

/** Every {@link Dialect} the adapter speaks. */
export const dialects: ReadonlyArray<Dialect> = ["sqlite", "postgres", "mysql"]

/** What differs between the dialects, as data: every dialect must answer every question. */
export interface DialectTraits {
  /** The product's name in error messages. */
  readonly product: string
  /**
   * Statements that open a write transaction. SQLite takes the write lock at once (`immediate`) so
   * two writers never deadlock on a lock upgrade; MySQL reads committed rows without gap locks.
   */
  readonly begin: ReadonlyArray<string>
  /** `select … for update` exists (SQLite locks the whole file for the transaction instead). */
  readonly lockRows: boolean
  /** `insert … returning` exists. */
  readonly returning: boolean
  /** The column type for JSON text: a record can outgrow MySQL's 64 KiB `text`. */
  readonly jsonText: string
  /** The type of ids and other keys; PostgreSQL sorts them bytewise (`C`), as JavaScript does. */
  readonly keyType: (length: number) => string
  /** Trailing table options: MySQL stores utf8mb4 and compares bytewise (tenants "a" and "A" differ). */
  readonly tableOptions: string | null
  /** Rows per multi-row insert at most, well below each dialect's limit on bound parameters. */
  readonly rowsPerInsert: number
  /** Bound parameters one statement may carry (SQLite 3.32+: 32,766; PostgreSQL and MySQL: 65,535). */
  readonly maxParameters: number
  /**
   * The type `aggregate` adds integer columns in, or null for the column's own. PostgreSQL's `sum` of
   * a `bigint` is a `numeric`, added and printed in decimal arithmetic: a third of a province's
   * compliance aggregate (measured: 1.55 s against 0.93 s on the server). `double precision` adds
   * integers exactly while their absolute values add up to at most 2^53, the port's promise (the
   * answer is a JavaScript number, and the reference model adds in floating point too).
   */
  readonly sumAs: string | null
}

/** The {@link DialectTraits} of each dialect. */
export const dialectTraits: Record<Dialect, DialectTraits> = {
  sqlite: {
    product: "SQLite",
    begin: ["begin immediate"],
    lockRows: false,
    returning: true,
    jsonText: "text",
    keyType: (n) => `varchar(${n})`,
    tableOptions: null,
    rowsPerInsert: 500,
    maxParameters: 32_766,
    sumAs: null
  },
  postgres: {
    product: "PostgreSQL",
    begin: ["begin"],
    lockRows: true,
    returning: true,
    jsonText: "text",
    keyType: (n) => `varchar(${n}) collate "C"`,
    tableOptions: null,
    rowsPerInsert: 500,
    maxParameters: 65_535,
    sumAs: "double precision"
  },
  mysql: {
    product: "MySQL/MariaDB",
    begin: ["set transaction isolation level read committed", "start transaction"],
    lockRows: true,
    returning: false,
    jsonText: "mediumtext",
    keyType: (n) => `varchar(${n})`,
    tableOptions: "engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin",
    rowsPerInsert: 500,
    maxParameters: 65_535,
    sumAs: null
  }
}

/**
 * Rows per multi-row insert into a table of `columns` columns: a record kind may have any number of
 * fields, so a wide kind's chunks shrink to stay within the dialect's bound-parameter limit.
 */
export const rowsPerInsert = (traits: DialectTraits, columns: number): number =>
  Math.max(1, Math.min(traits.rowsPerInsert, Math.floor(traits.maxParameters / Math.max(1, columns))))
