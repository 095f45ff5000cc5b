#!/usr/bin/env node
// Checks every published package's packed result with publint and Are The Types Wrong.
// Run after `npm run build`.
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"

const root = JSON.parse(readFileSync("package.json", "utf8"))
let failed = 0
for (const dir of root.workspaces) {
  const pkg = JSON.parse(readFileSync(`${dir}/package.json`, "utf8"))
  if (pkg.private) continue
  for (const [cmd, args] of [
    ["npx", ["publint", dir, "--strict"]],
    ["npx", ["attw", "--pack", dir, "--profile", "node16", "--format", "table-flipped"]]
  ]) {
    console.log(`\n$ ${cmd} ${args.join(" ")}`)
    const r = spawnSync(cmd, args, { stdio: "inherit" })
    if (r.status !== 0) failed++
  }
}
if (failed > 0) {
  console.error(`\n${failed} package check(s) failed`)
  process.exit(1)
}
