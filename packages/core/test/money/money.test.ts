import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { applyRate, type Fen, formatYuan, parseYuan, yuan } from "../../src/money/money.js"

describe("money: whole fen", () => {
  it("parses and formats 元 with at most two decimals", () => {
    expect([yuan("3000.01"), yuan("0.2"), yuan("15")]).toEqual([300001, 20, 1500])
    expect(formatYuan(yuan("3000.01"))).toBe("3000.01")
    expect(["-1", "1.234", "1e3", "", "１"].map((s) => Either.isLeft(parseYuan(s)))).toEqual([true, true, true, true, true])
  })

  it("law: format then parse is the identity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (n) => Either.getOrThrow(parseYuan(formatYuan(n as Fen))) === n),
      { numRuns: 500 }
    )
  })

  it("law: applyRate is exact: down ≤ halfUp ≤ up, all within one unit of the exact product", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.constantFrom("fen", "jiao", "yuan" as const), (a, r, unit) => {
        const down = applyRate(a as Fen, r, { unit, mode: "down" })
        const half = applyRate(a as Fen, r, { unit, mode: "halfUp" })
        const up = applyRate(a as Fen, r, { unit, mode: "up" })
        const exact = (BigInt(a) * BigInt(r)) / 10_000n
        const size = { fen: 1, jiao: 10, yuan: 100 }[unit]
        return down <= half && half <= up && up - down <= size && BigInt(down) <= exact && Number(exact) - down < size
      }),
      { numRuns: 500 }
    )
  })
})
