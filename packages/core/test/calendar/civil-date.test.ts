import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  CivilDate,
  chinaDate,
  civilDate,
  daysBetween,
  dayOfWeek,
  monthsBetween,
  parseCivilDate,
  toParts
} from "../../src/calendar/civil-date.js"
import { dateArb, earlyDayDateArb, midDateArb, monthsArb, orderedPairArb } from "./arbitraries.js"

const d = civilDate

describe("addMonths — calendar months with month-end clamping", () => {
  it("clamps a leap day to 28 February a year later", () => {
    expect(addMonths(d("2024-02-29"), 12)).toBe("2025-02-28")
    expect(addYears(d("2024-02-29"), 1)).toBe("2025-02-28")
  })

  it("clamps 31 January to the last day of February", () => {
    expect(addMonths(d("2024-01-31"), 1)).toBe("2024-02-29")
    expect(addMonths(d("2025-01-31"), 1)).toBe("2025-02-28")
    expect(addMonths(d("2026-03-31"), -1)).toBe("2026-02-28")
  })

  it("crosses year ends in both directions", () => {
    expect(addMonths(d("2025-11-15"), 3)).toBe("2026-02-15")
    expect(addMonths(d("2026-02-15"), -3)).toBe("2025-11-15")
    expect(addMonths(d("2026-01-01"), -1)).toBe("2025-12-01")
  })

  it("law: keeps the day of month when it is at most 28", () => {
    fc.assert(
      fc.property(earlyDayDateArb, monthsArb, (date, n) => {
        const out = addMonths(date, n)
        const months = (a: CivilDate) => toParts(a).year * 12 + toParts(a).month
        return toParts(out).day === toParts(date).day && months(out) - months(date) === n
      })
    )
  })

  it("law: is monotone — a ≤ b implies addMonths(a, n) ≤ addMonths(b, n)", () => {
    fc.assert(
      fc.property(midDateArb, midDateArb, monthsArb, (x, y, n) => {
        const [a, b] = x <= y ? [x, y] : [y, x]
        return addMonths(a, n) <= addMonths(b, n)
      })
    )
  })

  it("law: lands on the same day, or on the last day of a shorter month", () => {
    fc.assert(
      fc.property(midDateArb, monthsArb, (date, n) => {
        const out = toParts(addMonths(date, n))
        const lastDay = new Date(Date.UTC(out.year, out.month, 0)).getUTCDate()
        return out.day === Math.min(toParts(date).day, lastDay)
      })
    )
  })

  it("law: is the identity for 0 months and agrees with addYears", () => {
    fc.assert(
      fc.property(midDateArb, fc.integer({ min: -50, max: 50 }), (date, years) => {
        return addMonths(date, 0) === date && addYears(date, years) === addMonths(date, 12 * years)
      })
    )
  })

  it("law: monthsBetween(a, b) is the largest m with addMonths(a, m) ≤ b", () => {
    fc.assert(
      fc.property(midDateArb, fc.integer({ min: 0, max: 18_000 }), (a, n) => {
        const b = addDays(a, n)
        const m = monthsBetween(a, b)
        return addMonths(a, m) <= b && addMonths(a, m + 1) > b
      })
    )
  })

  it("law: monthsBetween(a, addMonths(a, n)) = n for n ≥ 0", () => {
    fc.assert(fc.property(midDateArb, fc.integer({ min: 0, max: 600 }), (a, n) => monthsBetween(a, addMonths(a, n)) === n))
  })
})

describe("addDays and daysBetween", () => {
  it("law: addDays(addDays(d, n), -n) = d", () => {
    fc.assert(fc.property(midDateArb, fc.integer({ min: -18_000, max: 18_000 }), (date, n) => addDays(addDays(date, n), -n) === date))
  })

  it("law: daysBetween(a, addDays(a, n)) = n, and addDays(a, daysBetween(a, b)) = b", () => {
    fc.assert(fc.property(midDateArb, fc.integer({ min: -18_000, max: 18_000 }), (a, n) => daysBetween(a, addDays(a, n)) === n))
    fc.assert(fc.property(dateArb, dateArb, (a, b) => addDays(a, daysBetween(a, b)) === b))
  })

  it("law: string order is date order", () => {
    fc.assert(fc.property(orderedPairArb, ([a, b]) => daysBetween(a, b) >= 0))
  })

  it("law: the next day is the next ISO weekday", () => {
    fc.assert(fc.property(dateArb, (date) => dayOfWeek(addDays(date, 1)) === (dayOfWeek(date) % 7) + 1))
  })

  it("crosses a leap day", () => {
    expect(addDays(d("2024-02-28"), 1)).toBe("2024-02-29")
    expect(addDays(d("2024-02-29"), 1)).toBe("2024-03-01")
    expect(daysBetween(d("2025-01-01"), d("2026-01-01"))).toBe(365)
    expect(daysBetween(d("2024-01-01"), d("2025-01-01"))).toBe(366)
  })
})

describe("ageOn — 周岁", () => {
  it("is exact on the birthday and one less the day before", () => {
    expect(ageOn(d("2008-05-20"), d("2026-05-19"))).toBe(17)
    expect(ageOn(d("2008-05-20"), d("2026-05-20"))).toBe(18)
  })

  it("reaches a 29 February birthday on 28 February in a common year", () => {
    expect(ageOn(d("2008-02-29"), d("2026-02-27"))).toBe(17)
    expect(ageOn(d("2008-02-29"), d("2026-02-28"))).toBe(18)
    expect(ageOn(d("2008-02-29"), d("2028-02-28"))).toBe(19)
    expect(ageOn(d("2008-02-29"), d("2028-02-29"))).toBe(20)
  })

  it("law: exact at the n-th birthday and n − 1 the day before", () => {
    fc.assert(
      fc.property(midDateArb, fc.integer({ min: 1, max: 50 }), (birth, n) => {
        const birthday = addYears(birth, n)
        return ageOn(birth, birthday) === n && ageOn(birth, addDays(birthday, -1)) === n - 1
      })
    )
  })

  it("law: agrees with whole months lived, divided by 12", () => {
    fc.assert(
      fc.property(midDateArb, fc.integer({ min: 0, max: 18_000 }), (birth, n) => {
        const on = addDays(birth, n)
        return ageOn(birth, on) === Math.floor(monthsBetween(birth, on) / 12)
      })
    )
  })

  it("law: is monotone in the date", () => {
    fc.assert(fc.property(dateArb, orderedPairArb, (birth, [a, b]) => ageOn(birth, a) <= ageOn(birth, b)))
  })
})

describe("parseCivilDate and the CivilDate schema", () => {
  it.each(["2026-02-29", "2026-13-01", "2026-2-1", "2026-00-10", "2026-04-31", "1899-12-31", "3000-01-01", "2026-02-01T00:00", ""])(
    "rejects %j",
    (input) => {
      const parsed = parseCivilDate(input)
      expect(Either.isLeft(parsed)).toBe(true)
      if (Either.isLeft(parsed)) expect(parsed.left.message).toContain(`"${input}"`)
    }
  )

  it.each(["2024-02-29", "1900-01-01", "2999-12-31", "2026-12-31"])("accepts %j", (input) => {
    expect(parseCivilDate(input)).toEqual(Either.right(input))
  })

  it.prop("law: decode(encode(x)) = x for generated dates", [Arbitrary.make(CivilDate)], ([date]) => {
    const encoded = Schema.encodeSync(CivilDate)(date)
    expect(Schema.decodeUnknownSync(CivilDate)(encoded)).toBe(date)
    expect(Either.isRight(parseCivilDate(encoded))).toBe(true)
  })
})

describe("chinaDate — the civil date in China (UTC+8)", () => {
  it("turns over at 16:00 UTC", () => {
    expect(chinaDate(new Date("2026-02-28T15:59:59Z"))).toBe("2026-02-28")
    expect(chinaDate(new Date("2026-02-28T16:00:00Z"))).toBe("2026-03-01")
    expect(chinaDate(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01-01")
  })

  it("law: equals the UTC date eight hours later", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1901, 0, 1), max: Date.UTC(2998, 11, 31) }), (ms) => {
        return chinaDate(new Date(ms)) === new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
      })
    )
  })
})
