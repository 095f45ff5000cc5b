import { describe, expect, it } from "@effect/vitest"
import { anOrganization } from "@zhibu/testing"
import * as fc from "fast-check"
import { addMonths, type CivilDate, civilDate } from "../../src/calendar/civil-date.js"
import { calendarPeriod, calendarPeriodsOverlapping } from "../../src/calendar/period.js"
import { branchesOf } from "../../src/meeting/compliance-read.js"
import { type CountedKey, countedKeys, HeldIndex, type HeldRow, termBucket } from "../../src/meeting/held.js"
import { OrganizationKind } from "../../src/org/organization.js"

/*
 * Issue 12: the held counts are indexed by organization and then by bucket, and a period's months are
 * worked out once per period; the branches' party groups are grouped by parent in one pass. These laws
 * hold both to the plain definitions: the sum of the matching rows, and a filter of the subtree for
 * each branch.
 */

const orgArb = fc.constantFrom("b1", "b2", "g1")
const monthArb = fc.integer({ min: 0, max: 23 }).map((i) => addMonths(civilDate("2025-01-01"), i).slice(0, 7))
const weekArb = fc.date({ min: new Date("2025-01-01"), max: new Date("2026-12-31"), noInvalidDate: true }).map((d) => calendarPeriod("weekly", civilDate(d.toISOString().slice(0, 10))).label)
const rowArb: fc.Arbitrary<HeldRow> = fc.record({
  organizationId: orgArb,
  bucket: fc.oneof(monthArb, weekArb, fc.constantFrom(termBucket("2025-autumn"))),
  localKinds: fc.option(fc.constantFrom("safety", "safety.reading", "reading", "committee.safety"), { nil: null }),
  meetings: fc.integer({ min: 1, max: 4 }),
  counts: fc.dictionary(fc.constantFrom(...countedKeys), fc.integer({ min: 0, max: 3 })) as fc.Arbitrary<Partial<Record<CountedKey, number>>>
})
const kindArb = fc.constantFrom<string>("committee", "themeDay", "secretaryLecture", "safety", "reading")

/** What a row counts for `kind`: its count of a counted kind, plus its meetings when its local kinds list `kind`. */
const rowCount = (r: HeldRow, kind: string): number =>
  ((countedKeys as ReadonlyArray<string>).includes(kind) ? (r.counts[kind as CountedKey] ?? 0) : 0) +
  (r.localKinds?.split(".").includes(kind) === true ? r.meetings : 0)

describe("HeldIndex.count — the sum of the rows of the organization, the kind and the period's buckets", () => {
  it("law: any month-based period, week or term, asked twice (the second from the period's worked-out months)", () => {
    const periodArb = fc.oneof(
      fc.constantFrom("monthly", "quarterly", "halfYearly", "yearly" as const).chain((cadence) =>
        fc.constantFrom(...calendarPeriodsOverlapping(cadence, civilDate("2025-01-01"), civilDate("2026-12-31")))
      ),
      weekArb.map((label) => ({ cadence: "weekly" as const, start: civilDate("2025-01-01"), end: civilDate("2025-01-07"), label })),
      fc.constant({ cadence: "semester" as const, start: civilDate("2025-09-01"), end: civilDate("2026-01-20"), label: "2025-autumn" })
    )
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), orgArb, kindArb, periodArb, (rows, org, kind, period) => {
        const index = new HeldIndex()
        for (const r of rows) index.add(r)
        const buckets =
          period.cadence === "weekly"
            ? [period.label]
            : period.cadence === "semester"
              ? [termBucket(period.label)]
              : Array.from({ length: 24 }, (_, i) => addMonths(civilDate("2025-01-01"), i)).filter((d) => period.start <= d && d <= period.end).map((d: CivilDate) => d.slice(0, 7))
        const expected = rows.filter((r) => r.organizationId === org && buckets.includes(r.bucket)).reduce((n, r) => n + rowCount(r, kind), 0)
        return index.count(org, kind, period) === expected && index.count(org, kind, period) === expected
      }),
      { numRuns: 500 }
    )
  })

  it("counts nothing for an organization without rows", () => {
    expect(new HeldIndex().count("b1", "committee", calendarPeriod("yearly", civilDate("2025-06-01")))).toBe(0)
  })
})

describe("branchesOf — each branch of the subtree in order, with its party groups in order", () => {
  it("law: the same as filtering the subtree for each branch's groups, on any list (repeats, missing parents)", () => {
    const entryArb = fc.record({
      id: fc.nat({ max: 9 }).map((i) => `o${i}`),
      parentId: fc.option(fc.nat({ max: 9 }).map((i) => `o${i}`), { nil: null, freq: 4 }),
      kind: fc.constantFrom(...OrganizationKind.literals)
    })
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 20 }), (entries) => {
        const subtree = entries.map((e) => anOrganization(e.kind, e.id).under(e.parentId).build())
        const plain = subtree
          .filter((o) => o.kind === "branch" || o.kind === "jointBranch")
          .map((branch) => ({ branch, groups: subtree.filter((g) => g.kind === "partyGroup" && g.parentId === branch.id) }))
        expect(branchesOf(subtree)).toEqual(plain)
      }),
      { numRuns: 300 }
    )
  })
})
