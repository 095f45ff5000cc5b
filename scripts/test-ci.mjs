#!/usr/bin/env node
// `npm test`: runs the whole vitest workspace and prints the plain line "N passed, N failed".
// The real-server cases run when PG_URL / MYSQL_URL are set. With --db (`npm run test:db`), or with
// ZHIBU_REQUIRE_DB=1 (CI), they are required: the URLs default to this machine's servers, and a
// missing or unreachable server fails the run, never skips it.
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { connect } from "node:net"

const withDb = process.argv.includes("--db") || process.env.ZHIBU_REQUIRE_DB === "1"
const extra = process.argv.slice(2).filter((a) => a !== "--db")
const env = { ...process.env }

const reachable = (url) =>
  new Promise((resolve) => {
    const { hostname, port } = new URL(url)
    const socket = connect({ host: hostname, port: Number(port) })
    socket.setTimeout(3000)
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.once("connect", () => done(true))
    socket.once("timeout", () => done(false))
    socket.once("error", () => resolve(false))
  })

if (withDb) {
  env.PG_URL ??= "postgres://postgres@127.0.0.1:5432/test"
  env.MYSQL_URL ??= "mysql://root@127.0.0.1:3306/test"
  env.ZHIBU_REQUIRE_DB = "1"
  for (const name of ["PG_URL", "MYSQL_URL"]) {
    if (!(await reachable(env[name]))) {
      console.error(`${name}=${env[name]} is not reachable: start the server (see README "Testing against real databases").`)
      console.log("0 passed, 1 failed")
      process.exit(1)
    }
  }
}

// Each run tests in databases of its own, created here and dropped at the end, so the run does not
// depend on what the shared database holds: another checkout, a benchmark or a newer release may
// have migrated it (this release would then be refused with DatabaseTooNew). The URL's user needs
// the right to create databases, as the migration tests' scratch databases already do.
// ZHIBU_TEST_SHARED_DB=1 tests in the URLs' own databases instead.
const drivers = createRequire(new URL("../packages/store-sql/package.json", import.meta.url))
const runName = `zhibu_run_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
const ownDatabases = []
const adminQuery = async (dialect, url, statement) => {
  if (dialect === "postgres") {
    const client = new (drivers("pg").Client)({ connectionString: url })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  } else {
    const connection = await drivers("mysql2/promise").createConnection(url)
    try {
      await connection.query(statement)
    } finally {
      await connection.end()
    }
  }
}
if (withDb && process.env.ZHIBU_TEST_SHARED_DB !== "1") {
  for (const [name, dialect] of [["PG_URL", "postgres"], ["MYSQL_URL", "mysql"]]) {
    const shared = env[name]
    try {
      await adminQuery(dialect, shared, `create database ${runName}`)
    } catch (e) {
      console.error(`${name}: could not create the run's own database ${runName} (${e.message}); the user needs CREATE DATABASE, or set ZHIBU_TEST_SHARED_DB=1.`)
      console.log("0 passed, 1 failed")
      process.exit(1)
    }
    const own = new URL(shared)
    own.pathname = `/${runName}`
    env[name] = own.href
    ownDatabases.push({ dialect, shared, drop: `drop database if exists ${runName}${dialect === "postgres" ? " with (force)" : ""}` })
  }
}
const dropOwnDatabases = async () => {
  for (const d of ownDatabases) {
    await adminQuery(d.dialect, d.shared, d.drop).catch((e) => console.error(`could not drop ${runName}: ${e.message}`))
  }
}

const results = ".vitest-results.json"
rmSync(results, { force: true })
const run = spawnSync(
  "npx",
  ["vitest", "run", "--config", "vitest.workspace.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...extra],
  { stdio: "inherit", env }
)
await dropOwnDatabases()
if (!existsSync(results)) {
  console.log("0 passed, 1 failed")
  process.exit(run.status || 1)
}
const r = JSON.parse(readFileSync(results, "utf8"))
// A file that fails without a failing test counts as one failure: it failed to load, or a hook
// failed (a suite's beforeAll that cannot build its store marks that suite's tests skipped).
const failedFiles = r.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length
const failed = r.numFailedTests + failedFiles
const skipped = r.numPendingTests + r.numTodoTests
console.log(`${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""))
process.exit(run.status === 0 && failed === 0 && r.numPassedTests > 0 ? 0 : 1)
