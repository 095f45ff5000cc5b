import * as Effect from "effect/Effect"
import { sql } from "kysely"
import { connectUrl } from "../../src/connect.js"
import type { Fresh } from "./migration-suite.js"

/**
 * A scratch database on a real server, dropped on close: migration tests need an empty schema,
 * which the shared test database is not. The URL's user needs the right to create databases.
 */
export const scratchDatabase = (dialect: "postgres" | "mysql", url: string) => async (): Promise<Fresh> => {
  const name = `zhibu_scratch_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = (await Effect.runPromise(connectUrl(url, { poolSize: 1 }))).db
  await sql.raw(`create database ${name}`).execute(admin).catch((e) => {
    throw new Error(`the migration tests create scratch databases; the user of the URL cannot: ${e}`)
  })
  const scratch = new URL(url)
  scratch.pathname = `/${name}`
  const c = await Effect.runPromise(connectUrl(scratch.href, { poolSize: 2 }))
  return {
    db: c.db,
    url: scratch.href,
    close: async () => {
      await Effect.runPromise(c.close)
      await sql.raw(`drop database ${name}${dialect === "postgres" ? " with (force)" : ""}`).execute(admin)
      await admin.destroy()
    }
  }
}
