import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { zhibuServices } from "../../src/promise/services.js"

const SRC = fileURLToPath(new URL("../../src/", import.meta.url))

/** `export const fooService = …` in every domain folder: the service objects `createZhibu` must offer. */
const serviceObjects = (): ReadonlyArray<string> =>
  readdirSync(SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== "promise")
    .flatMap((d) =>
      readdirSync(join(SRC, d.name))
        .filter((f) => f.endsWith(".ts"))
        .flatMap((f) => [...readFileSync(join(SRC, d.name, f), "utf8").matchAll(/^export const (\w+Service) = /gm)].map((m) => m[1]!))
    )

describe("zhibuServices: the Promise API offers every domain service", () => {
  it("every `…Service` object exported under src/ is in zhibuServices (add the one line in src/promise/services.ts)", async () => {
    const offered = new Set(Object.values(zhibuServices))
    const modules = await Promise.all(
      readdirSync(SRC, { withFileTypes: true })
        .filter((d) => d.isDirectory() && d.name !== "promise")
        .flatMap((d) => readdirSync(join(SRC, d.name)).filter((f) => f.endsWith(".ts")).map((f) => join(SRC, d.name, f)))
        .filter((file) => /^export const \w+Service = /m.test(readFileSync(file, "utf8")))
        .map((file) => import(file) as Promise<Record<string, unknown>>)
    )
    const missing = serviceObjects().filter((name) => !modules.some((m) => offered.has(m[name] as never)))
    expect(missing).toEqual([])
  })

  it("every method of every offered service is a function of (ctx, input)", () => {
    for (const [name, service] of Object.entries(zhibuServices)) {
      for (const [method, fn] of Object.entries(service)) expect(typeof fn, `${name}.${method}`).toBe("function")
    }
  })
})
