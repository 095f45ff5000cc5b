#!/usr/bin/env node
// CI: `npm start` (the portal) on a free port with a fresh database: it prints its URL, the dashboard
// answers 200 in Chinese, and it stops on SIGTERM. Exits non-zero when any of that fails.
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const repo = resolve(fileURLToPath(new URL("../../..", import.meta.url)))
const dir = mkdtempSync(join(tmpdir(), "zhibu-start-check-"))
const child = spawn("npm", ["start", "--", "--port", "0", "--db", join(dir, "portal.sqlite")], { cwd: repo, detached: true, stdio: ["ignore", "pipe", "pipe"] })
let output = ""
const stop = (code, message) => {
  if (message) console[code === 0 ? "log" : "error"](message)
  try {
    process.kill(-child.pid, "SIGTERM")
  } catch {}
  rmSync(dir, { recursive: true, force: true })
  process.exit(code)
}
const timer = setTimeout(() => stop(1, `npm start printed no URL within 180 s:\n${output}`), 180_000)
child.stderr.on("data", (c) => (output += c))
child.on("exit", (code) => stop(1, `npm start exited (${code}) before serving:\n${output}`))
child.stdout.on("data", async (chunk) => {
  output += chunk
  const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1]
  if (url === undefined) return
  clearTimeout(timer)
  child.stdout.removeAllListeners("data")
  child.removeAllListeners("exit")
  try {
    const res = await fetch(url)
    const html = await res.text()
    if (res.status !== 200 || !html.includes("支部工作台")) stop(1, `GET ${url} answered ${res.status}:\n${html.slice(0, 500)}`)
    stop(0, `${output.trim()}\nGET ${url} → ${res.status}`)
  } catch (e) {
    stop(1, `GET ${url} failed: ${e}`)
  }
})
