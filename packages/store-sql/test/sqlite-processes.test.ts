import { describe, expect, it } from "@effect/vitest"
import { organizationKind } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { sql } from "kysely"
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { connectSqlite } from "../src/connect.js"
import { migrateToLatest } from "../src/migrate.js"
import { makeSqlStore } from "../src/sql-store.js"
import { create, ctx, member, organization } from "./support/records.js"

const here = dirname(fileURLToPath(import.meta.url))
const importChild = join(here, "support", "import-child.ts")
const updateChild = join(here, "support", "update-child.ts")
const repoRoot = resolve(here, "../../..")

/** Runs the child until it reports the open transaction, then kills it with SIGKILL. */
const importAndKill = (file: string, tenant: string, batchId: string, count: number) =>
  new Promise<{ signal: NodeJS.Signals | null; output: string }>((done, fail) => {
    const proc = spawn(
      process.execPath,
      ["--conditions=@zhibu/source", "--import", "tsx", importChild, file, tenant, batchId, String(count)],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] }
    )
    let output = ""
    let errors = ""
    proc.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes("started")) proc.kill("SIGKILL")
    })
    proc.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()))
    proc.on("error", fail)
    proc.on("exit", (_code, signal) => (signal === null && !output.includes("started") ? fail(new Error(errors)) : done({ signal, output })))
  })

describe("a process killed in the middle of a bulk import (SQLite file)", () => {
  it("leaves no row of the batch; re-running the import applies it once, then replays", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhibu-crash-"))
    const file = join(dir, "zhibu.db")
    const [tenant, batchId, count] = ["school-1", "roster-2026-autumn", 3000]
    try {
      const setup = await Effect.runPromise(connectSqlite(file))
      await Effect.runPromise(migrateToLatest(setup.db, "sqlite"))
      await Effect.runPromise(setup.close)

      const killed = await importAndKill(file, tenant, batchId, count)
      expect(killed.signal).toBe("SIGKILL")
      expect(killed.output).toBe("started\n")
      // The child died without closing the file: its write-ahead log is still there, never committed.
      expect(existsSync(`${file}-wal`)).toBe(true)

      const after = await Effect.runPromise(connectSqlite(file))
      try {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(after.db)
        expect(check.rows).toEqual([{ integrity_check: "ok" }])
        for (const table of ["zhibu_member", "zhibu_audit", "zhibu_import_batch", "zhibu_tenant_counter"]) {
          const rows = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where tenant_id = ${tenant}`.execute(after.db)
          expect([table, rows.rows[0]!.n]).toEqual([table, 0])
        }
        const store = makeSqlStore(after.db, "sqlite")
        const writes = Array.from({ length: count }, (_, i) => create(member(tenant, `m-${String(i).padStart(5, "0")}`)))
        const rerun = await Effect.runPromise(store.importBatch(tenant, batchId, writes, ctx("import.roster")))
        expect([rerun.applied, rerun.records.length]).toEqual([true, count])
        const replay = await Effect.runPromise(store.importBatch(tenant, batchId, writes, ctx("import.roster")))
        expect([replay.applied, replay.records.length]).toEqual([false, count])
        const log = await Effect.runPromise(store.auditLog(tenant))
        expect([log.length, log[0]?.seq, log.at(-1)?.seq]).toEqual([count, 1, count])
      } finally {
        await Effect.runPromise(after.close)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

/** Starts an update child; resolves its process once it said "ready", and its last line once it exits. */
const startUpdater = (file: string, tenant: string, name: string) =>
  new Promise<{ go: () => void; result: Promise<Record<string, unknown>> }>((ready, fail) => {
    const proc = spawn(process.execPath, ["--conditions=@zhibu/source", "--import", "tsx", updateChild, file, tenant, name], {
      cwd: repoRoot,
      stdio: ["pipe", "pipe", "pipe"]
    })
    let output = ""
    let errors = ""
    const result = new Promise<Record<string, unknown>>((done, failed) => {
      proc.on("exit", (code) =>
        code === 0 ? done(JSON.parse(output.trim().split("\n").at(-1)!)) : failed(new Error(`exit ${code}: ${errors}`))
      )
    })
    proc.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()))
    proc.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      if (output === "ready\n") ready({ go: () => proc.stdin.write("go\n"), result })
    })
    proc.on("error", fail)
  })

describe("two processes update one record of a SQLite file from the same version", () => {
  it("exactly one wins and the other gets Conflict (never a busy error), while a third process held the write lock", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhibu-race-"))
    const file = join(dir, "zhibu.db")
    const tenant = "school-1"
    try {
      const setup = await Effect.runPromise(connectSqlite(file))
      await Effect.runPromise(migrateToLatest(setup.db, "sqlite"))
      await Effect.runPromise(makeSqlStore(setup.db, "sqlite").write(tenant, [create(organization(tenant, "b1"))], ctx()))
      const [a, b] = await Promise.all([startUpdater(file, tenant, "甲"), startUpdater(file, tenant, "乙")])
      // Hold the write lock so that both children queue on it before either can write.
      await sql.raw("begin immediate").execute(setup.db)
      a!.go()
      b!.go()
      await new Promise((r) => setTimeout(r, 500))
      await sql.raw("commit").execute(setup.db)
      const results = await Promise.all([a!.result, b!.result])
      expect(results.filter((r) => r.won)).toHaveLength(1)
      expect(results.filter((r) => !r.won)).toEqual([
        expect.objectContaining({ lost: "ZhibuConflict", expectedVersion: 1, actualVersion: 2 })
      ])
      const store = makeSqlStore(setup.db, "sqlite")
      expect((await Effect.runPromise(store.get(organizationKind, tenant, "b1"))).version).toBe(2)
      expect((await Effect.runPromise(store.auditLog(tenant))).map((e) => e.version)).toEqual([1, 2])
      await Effect.runPromise(setup.close)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
