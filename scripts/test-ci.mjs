#!/usr/bin/env node
// `npm test`: runs the whole vitest workspace and prints the plain line "N passed, N failed".
// The real-server cases run when PG_URL / MYSQL_URL are set. With --db (`npm run test:db`), or with
// ZHIBU_REQUIRE_DB=1 (CI), they are required: the URLs default to this machine's servers, and a
// missing or unreachable server fails the run, never skips it.
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync, rmSync } from "node:fs"
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

const results = ".vitest-results.json"
rmSync(results, { force: true })
const run = spawnSync(
  "npx",
  ["vitest", "run", "--config", "vitest.workspace.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...extra],
  { stdio: "inherit", env }
)
if (!existsSync(results)) {
  console.log("0 passed, 1 failed")
  process.exit(run.status || 1)
}
const r = JSON.parse(readFileSync(results, "utf8"))
// A file that fails to load counts as a failure even when it declared no test.
const failedFiles = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length
const failed = r.numFailedTests + failedFiles
const skipped = r.numPendingTests + r.numTodoTests
console.log(`${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""))
process.exit(run.status === 0 && failed === 0 && r.numPassedTests > 0 ? 0 : 1)
