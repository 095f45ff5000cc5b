import { type AnyRecordKind, columnOf, type Field } from "@zhibu/core/store"
import { type Kysely, type Migration, sql } from "kysely"
import { createHash } from "node:crypto"
import { type Dialect, dialectTraits } from "../dialect.js"

/** Ids and key values are at most 64 characters (`tenant/ids.ts`). */
const KEY_LENGTH = 64

/** MySQL refuses identifiers over 64 characters; PostgreSQL cuts them to 63, so two long names could collide. */
const MAX_IDENTIFIER = 60

/**
 * An index or constraint name the dialects all accept: as given when short enough, else cut and
 * ended by a hash of the whole name, so distinct long names stay distinct.
 */
export const identifier = (name: string): string =>
  name.length <= MAX_IDENTIFIER ? name : `${name.slice(0, MAX_IDENTIFIER - 9)}_${createHash("sha256").update(name).digest("hex").slice(0, 8)}`

const columnType = (dialect: Dialect, f: Field<unknown>) => {
  const t = dialectTraits[dialect]
  switch (f.type) {
    case "key":
      return sql.raw(t.keyType(KEY_LENGTH))
    case "date":
      return sql.raw("varchar(10)")
    case "int":
      return sql.raw("bigint")
    case "text":
      return sql.raw(`varchar(${f.maxLength ?? 255})`)
  }
}

/**
 * A migration that creates the table of a record kind from its descriptor: `tenant_id`, `id`,
 * `version`, one column per projected field, and `data` (the encoded record as JSON), with the
 * primary key `(tenant_id, id)` and one index per entry of the descriptor's `indexes`, each led by
 * `tenant_id` and ended by `id` (so a table can be distributed by tenant), named
 * `<table>_<columns>` (a name over 60 characters is cut and ended by a hash). Adding a kind is its
 * descriptor and one migration that calls this. Once released, a migration is history: a later
 * change to the descriptor's fields needs a migration of its own.
 */
export const createRecordTable =
  (kind: AnyRecordKind) =>
  (dialect: Dialect): Migration => ({
    async up(db: Kysely<any>): Promise<void> {
      const t = dialectTraits[dialect]
      let table = db.schema
        .createTable(kind.table)
        .addColumn("tenant_id", sql.raw(t.keyType(KEY_LENGTH)), (c) => c.notNull())
        .addColumn("id", sql.raw(t.keyType(KEY_LENGTH)), (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
      for (const [name, f] of Object.entries(kind.fields as Record<string, Field<unknown>>)) {
        table = table.addColumn(columnOf(name), columnType(dialect, f), (c) => (f.nullable ? c : c.notNull()))
      }
      table = table.addColumn("data", sql.raw(t.jsonText), (c) => c.notNull()).addPrimaryKeyConstraint(identifier(`${kind.table}_pk`), ["tenant_id", "id"])
      await (t.tableOptions === null ? table : table.modifyEnd(sql.raw(t.tableOptions))).execute()
      for (const fields of kind.indexes as ReadonlyArray<ReadonlyArray<string>>) {
        await db.schema
          .createIndex(identifier(`${kind.table}_${fields.map(columnOf).join("_")}`))
          .on(kind.table)
          .columns(["tenant_id", ...fields.map(columnOf), "id"])
          .execute()
      }
    }
    // Forward-only: there is no `down`.
  })
