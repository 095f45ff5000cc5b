import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import * as core from "../../src/index.js"

/**
 * The guide and the domain pages name service methods as `someService.method`: each one must be a
 * method of the service that `@zhibu/core` exports, so a renamed or removed method cannot leave the
 * documentation pointing at nothing.
 */
const root = fileURLToPath(new URL("../../../../", import.meta.url))
const pages = [
  "README.md",
  ...readdirSync(`${root}docs`)
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`)
]

const named = pages.flatMap((page) =>
  [...readFileSync(`${root}${page}`, "utf8").matchAll(/\b([a-z][A-Za-z]*Service)\.([a-zA-Z]+)\b/g)].map((m) => ({ page, service: m[1]!, method: m[2]! }))
)

describe("documentation names real service methods", () => {
  it("finds the names it checks", () => {
    expect(named.length).toBeGreaterThan(20)
  })

  it.each(named.map((n) => [`${n.service}.${n.method} (${n.page})`, n] as const))("%s exists", (_, n) => {
    const service = (core as Record<string, unknown>)[n.service]
    expect(service, `${n.page} names ${n.service}, which @zhibu/core does not export`).toBeTypeOf("object")
    expect(typeof (service as Record<string, unknown>)[n.method], `${n.page} names ${n.service}.${n.method}, which is not a method`).toBe("function")
  })
})
