import { memberKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import fc from "fast-check"
import { expect, it } from "vitest"
import { importRoster } from "../src/index.js"
import { ctx, idFor, run, seedOrganizations, stores } from "./fixture.js"

const header = "人员编号,姓名,性别,出生日期,所在党组织编号,人员类别,身份证号,入党申请日期,入党时间,转正时间"

/** A roster row that the rules accept: an applicant or a member who joined before records began. */
const row = fc
  .record({
    n: fc.integer({ min: 1, max: 60 }),
    year: fc.integer({ min: 1960, max: 1999 }),
    day: fc.integer({ min: 1, max: 28 }),
    gender: fc.constantFrom("男", "女"),
    category: fc.constantFrom("教师", "职工", "退休人员"),
    withId: fc.boolean(),
    member: fc.boolean()
  })
  .map(({ n, year, day, gender, category, withId, member }) => {
    const birth = `${year}-03-${String(day).padStart(2, "0")}`
    const dates = member ? `,${year + 25}-07-01,${year + 26}-07-01` : ",2026-01-05,,"
    return { id: `p-${n}`, line: `p-${n},人员${n},${gender},${birth},b1,${category},${withId ? idFor(birth) : ""}${member ? "," : ""}${dates}` }
  })

/** Files of distinct people (the import refuses an id twice in one file). */
const file = fc.uniqueArray(row, { selector: (r) => r.id, minLength: 1, maxLength: 12 }).map((rows) => new TextEncoder().encode([header, ...rows.map((r) => r.line)].join("\n")))

/** The tenant's member files and audit log, with the instants left out. */
const state = Effect.gen(function* () {
  const store = yield* Store
  return { members: yield* store.list(memberKind, "t1"), audit: (yield* store.auditLog("t1")).map(({ at: _at, ...e }) => e) }
})

it.each(stores)("law on %s: importing a file twice leaves the store as importing it once", async (_name, layer) => {
  await fc.assert(
    fc.asyncProperty(file, async (bytes) => {
      const once = await run(layer, Effect.zipRight(Effect.zipRight(seedOrganizations, importRoster(ctx, { bytes })), state))
      const twice = await run(
        layer,
        Effect.gen(function* () {
          yield* seedOrganizations
          yield* importRoster(ctx, { bytes })
          const again = yield* importRoster(ctx, { bytes })
          expect(again).toMatchObject({ applied: false, recordsWritten: 0 })
          return yield* state
        })
      )
      expect(twice).toEqual(once)
    }),
    { numRuns: 15 }
  )
})
