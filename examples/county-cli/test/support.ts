import { spawn, spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

/** The package folder and the built command. */
export const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..")
export const BUILT = join(PACKAGE, "dist", "zhibu.js")
/** What npm links as `zhibu`: a committed launcher that runs the build. */
export const LAUNCHER = join(PACKAGE, "bin", "zhibu.js")
const TSUP = join(PACKAGE, "..", "..", "node_modules", ".bin", "tsup")

/** Builds the command with tsup into dist/, as `npm run build` does; throws with tsup's output when it fails. */
export const buildCommand = (): void => {
  const run = spawnSync(TSUP, [], { cwd: PACKAGE, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } })
  if (run.status !== 0 || !existsSync(BUILT)) throw new Error(`tsup failed (${run.status}):\n${run.stdout}\n${run.stderr}`)
}

export interface Run {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs the built command as a person would: `node dist/zhibu.js …args`, from `cwd`, with no ZHIBU_*
 * variables of the caller. Asynchronous, so the test worker stays responsive while it runs.
 */
export const zhibu = (
  args: ReadonlyArray<string>,
  options: { readonly cwd?: string; readonly env?: Record<string, string>; readonly script?: string } = {}
): Promise<Run> => {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("ZHIBU_") && v !== undefined) env[k] = v
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.script ?? BUILT, ...args], { cwd: options.cwd ?? PACKAGE, env: { ...env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] })
    const out: Array<Buffer> = []
    const err: Array<Buffer> = []
    child.stdout.on("data", (b: Buffer) => out.push(b))
    child.stderr.on("data", (b: Buffer) => err.push(b))
    child.on("error", reject)
    child.on("close", (status) => resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }))
  })
}

/** The rows of the Markdown table under the first `## heading…`: each row's cells (the header row left out). */
export const markdownTable = (markdown: string, heading: string): ReadonlyArray<ReadonlyArray<string>> => {
  const lines = markdown.split("\n")
  const start = lines.findIndex((l) => l.startsWith(`## ${heading}`))
  if (start < 0) throw new Error(`no section "${heading}"`)
  const rows: Array<Array<string>> = []
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("## ")) break
    if (!line.startsWith("|") || /^\|[-:|]+\|$/.test(line)) continue
    // ASCII spaces only: an ideographic space (U+3000) indents a name and is kept.
    rows.push(line.slice(1, -1).split(" | ").map((c) => c.replace(/^ +| +$/g, "")))
  }
  return rows.slice(1)
}

/** A figure as the report prints it ("1,510") as a number. */
export const figure = (text: string): number => Number(text.replace(/,/g, ""))
