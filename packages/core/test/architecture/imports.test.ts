import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"

/**
 * 分层 — the layering of `packages/core/src`: the ground folders know no domain. They may import
 * each other and outside packages, never a domain folder (org, member, meeting, evaluation, study,
 * dues, report, transfer…), a service or the composition at the top (`national-profile.ts`,
 * `index.ts`). Domains compose upward; nothing points back down-to-up.
 */
const GROUND = ["profile", "store", "calendar", "auth", "vote", "text", "i18n", "tenant", "money"] as const

/**
 * Files allowed to break the rule, each with the reason. Empty: `store/entities.ts`, which imported
 * member and org, was replaced by record-kind descriptors (issue 6 storage half).
 */
const ALLOWED: ReadonlyArray<string> = []

const SRC = fileURLToPath(new URL("../../src/", import.meta.url))

const sourceFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
  )

/** Every relative module a file imports or re-exports (type-only imports included), as a path under src. */
const importsOf = (file: string): Array<string> => {
  const text = readFileSync(file, "utf8")
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!)
  return specifiers.map((s) => relative(SRC, resolve(dirname(file), s)).split(sep).join("/"))
}

/** The top folder of a path under src, or the file itself for a file at the top (`national-profile.ts`). */
const layerOf = (path: string): string => path.split("/")[0]!.replace(/\.js$/, ".ts")

const edges = sourceFiles(SRC).flatMap((file) => {
  const from = relative(SRC, file).split(sep).join("/")
  return importsOf(file).map((to) => ({ from, to, fromLayer: layerOf(from), toLayer: layerOf(to) }))
})

describe("layering: the ground folders never import a domain", () => {
  it("reads the import graph (sanity: it finds the known edges)", () => {
    expect(edges.some((e) => e.from === "meeting/rules-cadence.ts" && e.to === "profile/rule.js")).toBe(true)
    expect(edges.some((e) => e.from === "national-profile.ts" && e.toLayer === "meeting")).toBe(true)
  })

  it.each(GROUND.map((g) => [g]))("%s imports only ground folders", (ground) => {
    const upward = edges
      .filter((e) => e.fromLayer === ground && !(GROUND as ReadonlyArray<string>).includes(e.toLayer))
      .filter((e) => !ALLOWED.includes(e.from))
      .map((e) => `${e.from} → ${e.to}`)
    expect(upward).toEqual([])
  })

  it("only the service support and the public entry points import the composition at the top (national-profile.ts)", () => {
    const entryPoints = ["service", "public", "index.ts"]
    const top = edges.filter((e) => (e.toLayer === "national-profile.ts" || e.toLayer === "index.ts") && !entryPoints.includes(e.fromLayer))
    expect(top.map((e) => `${e.from} → ${e.to}`)).toEqual([])
  })

  it("every allow-listed file still breaks the rule (remove it from ALLOWED once fixed)", () => {
    for (const file of ALLOWED) {
      expect(edges.some((e) => e.from === file && !(GROUND as ReadonlyArray<string>).includes(e.toLayer)), file).toBe(true)
    }
  })
})
