import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"

/**
 * The public surface is written by hand (src/index.ts, src/public/rules.ts, src/public/store.ts)
 * and kept small: this snapshot lists every exported name of each entry point, with whether it is
 * a value or only a type. A change to the surface shows up here and needs a changeset.
 * Update with `npx vitest run --config vitest.workspace.ts --project core -u` after checking the diff.
 */
const entries = {
  "@zhibu/core": "../../src/index.ts",
  "@zhibu/core/rules": "../../src/public/rules.ts",
  "@zhibu/core/store": "../../src/public/store.ts"
} as const

const files = Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, fileURLToPath(new URL(path, import.meta.url))]))

const program = ts.createProgram(Object.values(files), {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  customConditions: ["@zhibu/source"]
})
const checker = program.getTypeChecker()

/** `name (value)` or `name (type)` for every export of the entry, sorted. */
const surfaceOf = (file: string): ReadonlyArray<string> => {
  const source = program.getSourceFile(file)
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source)
  if (module === undefined) throw new Error(`cannot read ${file}`)
  return checker
    .getExportsOfModule(module)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
      return `${symbol.name} (${target.flags & ts.SymbolFlags.Value ? "value" : "type"})`
    })
    .sort()
}

describe("the public surface", () => {
  for (const [name, file] of Object.entries(files)) {
    it(`${name} exports exactly the curated names`, async () => {
      await expect(`${surfaceOf(file).join("\n")}\n`).toMatchFileSnapshot(`./__surface__/${name.replaceAll("/", "__")}.txt`)
    })
  }

  it("no entry exports a whole folder (`export *`)", () => {
    for (const file of Object.values(files)) {
      expect(program.getSourceFile(file)?.text).not.toMatch(/^export \*/m)
    }
  })

  it("each name means one thing: a name exported by two entries is the same declaration", () => {
    const seen = new Map<string, ts.Symbol>()
    const clashes: Array<string> = []
    for (const file of Object.values(files)) {
      const source = program.getSourceFile(file)!
      for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
        const other = seen.get(symbol.name)
        if (other !== undefined && other !== target) clashes.push(symbol.name)
        seen.set(symbol.name, target)
      }
    }
    expect(clashes).toEqual([])
  })
})
