import { type Kysely, type Migration, sql } from "kysely"
import { type Dialect, dialectTraits } from "../dialect.js"

const ID = 64
const NAME = 255

/**
 * 0001 — the record, audit, counter and import-batch tables. Every primary key and index leads
 * with `tenant_id`; `id` columns compare bytewise so `list` pages in JavaScript's string order.
 */
export const initial = (dialect: Dialect): Migration => {
  const t = dialectTraits[dialect]
  const key = (n: number) => sql.raw(t.keyType(n))
  const json = sql.raw(t.jsonText)
  const text = sql.raw("text")
  const options = t.tableOptions === null ? null : sql.raw(t.tableOptions)

  const table = (db: Kysely<any>, name: string) => {
    const builder = db.schema.createTable(name)
    return options === null ? builder : builder.modifyEnd(options)
  }

  return {
    async up(db: Kysely<any>): Promise<void> {
      await table(db, "zhibu_organization")
        .addColumn("tenant_id", key(ID), (c) => c.notNull())
        .addColumn("id", key(ID), (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("kind", key(32), (c) => c.notNull())
        .addColumn("parent_id", key(ID))
        .addColumn("name", sql.raw(`varchar(${NAME})`), (c) => c.notNull())
        .addColumn("data", json, (c) => c.notNull())
        .addPrimaryKeyConstraint("zhibu_organization_pk", ["tenant_id", "id"])
        .execute()
      await db.schema
        .createIndex("zhibu_organization_parent")
        .on("zhibu_organization")
        .columns(["tenant_id", "parent_id", "id"])
        .execute()
      await db.schema
        .createIndex("zhibu_organization_kind")
        .on("zhibu_organization")
        .columns(["tenant_id", "kind", "id"])
        .execute()

      await table(db, "zhibu_member")
        .addColumn("tenant_id", key(ID), (c) => c.notNull())
        .addColumn("id", key(ID), (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("organization_id", key(ID), (c) => c.notNull())
        .addColumn("stage", key(32), (c) => c.notNull())
        .addColumn("status", key(32), (c) => c.notNull())
        .addColumn("name", sql.raw(`varchar(${NAME})`), (c) => c.notNull())
        .addColumn("birth_date", sql.raw("varchar(10)"), (c) => c.notNull())
        .addColumn("data", json, (c) => c.notNull())
        .addPrimaryKeyConstraint("zhibu_member_pk", ["tenant_id", "id"])
        .execute()
      for (const column of ["organization_id", "stage", "status"]) {
        await db.schema
          .createIndex(`zhibu_member_${column}`)
          .on("zhibu_member")
          .columns(["tenant_id", column, "id"])
          .execute()
      }

      await table(db, "zhibu_audit")
        .addColumn("tenant_id", key(ID), (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("at", sql.raw("varchar(32)"), (c) => c.notNull())
        .addColumn("actor_id", text, (c) => c.notNull())
        .addColumn("action", text, (c) => c.notNull())
        .addColumn("kind", key(32), (c) => c.notNull())
        .addColumn("record_id", key(ID), (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("before", json)
        .addColumn("after", json, (c) => c.notNull())
        .addPrimaryKeyConstraint("zhibu_audit_pk", ["tenant_id", "seq"])
        .execute()
      await db.schema
        .createIndex("zhibu_audit_record")
        .on("zhibu_audit")
        .columns(["tenant_id", "record_id", "seq"])
        .execute()

      await table(db, "zhibu_tenant_counter")
        .addColumn("tenant_id", key(ID), (c) => c.notNull())
        .addColumn("audit_seq", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("zhibu_tenant_counter_pk", ["tenant_id"])
        .execute()

      await table(db, "zhibu_import_batch")
        .addColumn("tenant_id", key(ID), (c) => c.notNull())
        .addColumn("batch_key", sql.raw("char(64)"), (c) => c.notNull())
        .addColumn("batch_id", text, (c) => c.notNull())
        .addColumn("applied_at", sql.raw("varchar(32)"), (c) => c.notNull())
        .addColumn("record_refs", json, (c) => c.notNull())
        .addPrimaryKeyConstraint("zhibu_import_batch_pk", ["tenant_id", "batch_key"])
        .execute()
    }
    // Forward-only: there is no `down`.
  }
}
