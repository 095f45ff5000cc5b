import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import * as Share from "../../src/vote/share.js"

/** Shares with small denominators, 0 ≤ share ≤ 1, built directly (no filtering). */
const shareArb: fc.Arbitrary<Share.Share> = fc
  .integer({ min: 1, max: 12 })
  .chain((denominator) => fc.integer({ min: 0, max: denominator }).map((numerator) => Share.share(numerator, denominator)))
const countsArb = fc.tuple(fc.nat(500), fc.nat(500))

describe("Share: the examples of rules.md", () => {
  it("超过半数 of n is floor(n/2)+1; 半数以上 (at least) of n is ceil(n/2)", () => {
    expect([4, 5, 9, 20].map((n) => Share.leastExceeding(Share.half, n))).toEqual([3, 3, 5, 11])
    expect([4, 5, 9, 20].map((n) => Share.leastReaching(Share.half, n))).toEqual([2, 3, 5, 10])
    expect(Share.exceeds(Share.half, 10, 20)).toBe(false)
    expect(Share.reaches(Share.half, 10, 20)).toBe(true)
  })

  it("more than 4/5 of 10 eligible voters is 9; two thirds or more of 7 is 5; at most 1/3 of 10 is 3", () => {
    expect(Share.leastExceeding(Share.share(4, 5), 10)).toBe(9)
    expect(Share.leastReaching(Share.share(2, 3), 7)).toBe(5)
    expect(Share.mostNotExceeding(Share.share(1, 3), 10)).toBe(3)
  })

  it("decodes only shares between 0 and 1 with whole parts", () => {
    const decode = Schema.decodeUnknownEither(Share.Share)
    expect(Either.isRight(decode({ numerator: 0, denominator: 3 }))).toBe(true)
    expect(Either.isLeft(decode({ numerator: 4, denominator: 3 }))).toBe(true)
    expect(Either.isLeft(decode({ numerator: 1, denominator: 0 }))).toBe(true)
    expect(Either.isLeft(decode({ numerator: 0.5, denominator: 2 }))).toBe(true)
  })
})

describe("Share laws", () => {
  it("law: leastExceeding is the least count that exceeds, leastReaching the least that reaches", () => {
    fc.assert(
      fc.property(shareArb, fc.nat(500), (s, of) => {
        const more = Share.leastExceeding(s, of)
        const least = Share.leastReaching(s, of)
        return (
          Share.exceeds(s, more, of) &&
          !Share.exceeds(s, more - 1, of) &&
          Share.reaches(s, least, of) &&
          (least === 0 || !Share.reaches(s, least - 1, of))
        )
      })
    )
  })

  it("law: mostNotExceeding is the greatest count that does not exceed (one below leastExceeding)", () => {
    fc.assert(fc.property(shareArb, fc.nat(500), (s, of) => Share.mostNotExceeding(s, of) === Share.leastExceeding(s, of) - 1))
  })

  it("law: exceeding implies reaching, and both agree with exact rational comparison", () => {
    fc.assert(
      fc.property(shareArb, countsArb, (s, [count, of]) => {
        const exact = count * s.denominator - of * s.numerator
        return Share.exceeds(s, count, of) === exact > 0 && Share.reaches(s, count, of) === exact >= 0 && (!Share.exceeds(s, count, of) || Share.reaches(s, count, of))
      })
    )
  })

  it("law: a share at least as large never accepts a count the smaller one refuses", () => {
    fc.assert(
      fc.property(shareArb, shareArb, countsArb, (a, b, [count, of]) => {
        if (!Share.atLeastAsLarge(a, b)) return true
        return (!Share.exceeds(a, count, of) || Share.exceeds(b, count, of)) && (!Share.reaches(a, count, of) || Share.reaches(b, count, of))
      })
    )
  })

  it("law: equal shares written differently compare equal (2/4 = 1/2)", () => {
    fc.assert(fc.property(shareArb, fc.integer({ min: 1, max: 9 }), (s, k) => Share.compare(s, Share.share(s.numerator * k, s.denominator * k)) === 0))
  })
})
