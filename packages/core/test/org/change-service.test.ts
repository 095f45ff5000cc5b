import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import type { CivilDate } from "../../src/calendar/civil-date.js"
import { weekdayCalendar } from "../../src/calendar/workday-calendar.js"
import { memberKind } from "../../src/member/kinds.js"
import type { Member } from "../../src/member/member.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { organizationKind } from "../../src/org/kinds.js"
import type { Organization } from "../../src/org/organization.js"
import { organizationService } from "../../src/org/organization-service.js"
import type { CommandContext } from "../../src/service/context.js"
import { createWrite, Store } from "../../src/store/port.js"
import type { TenantId } from "../../src/tenant/ids.js"
import { rollOn } from "../../src/transfer/roll.js"
import { transferService } from "../../src/transfer/transfer-service.js"
import { actor, member, org, TENANT } from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))
const runPromise = <A, E>(effect: Effect.Effect<A, E, Store>) => Effect.runPromise(run(effect))

const organizer = actor("o1", ["higherOrganizer", "county"])
const secretary = actor("m1", ["branchSecretary", "b1"])
const ctx = (who = organizer): CommandContext => ({
  tenantId: TENANT as TenantId,
  actor: who,
  now: new Date("2026-09-01T02:00:00Z"),
  profile: nationalBaseline,
  workdays: weekdayCalendar
})

const branch = (id: string, unit: string, parentId = "school") => org(id, "branch", parentId, { units: [unit], foundedOn: "2015-01-01" })
const base: ReadonlyArray<Organization> = [org("county", "committee", null, { formation: "appointed" }), org("school", "committee", "county")]
const files = (prefix: string, n: number, organizationId: string) => Array.from({ length: n }, (_, i) => member(`${prefix}${i + 1}`, organizationId))
const ids = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`)

const seed = (organizations: ReadonlyArray<Organization>, members: ReadonlyArray<Member>) =>
  Effect.flatMap(Store, (store) =>
    store.write(
      TENANT,
      [
        ...organizations.map(({ version: _v, ...o }) => createWrite(organizationKind, o)),
        ...members.map(({ version: _v, ...m }) => createWrite(memberKind, m))
      ],
      { actorId: "seed", at: new Date("2026-01-01T00:00:00Z"), action: "seed" }
    )
  )
const audit = Effect.map(
  Effect.flatMap(Store, (s) => s.auditLog(TENANT)),
  (entries) => entries.filter((e) => e.actorId !== "seed")
)
const allMembers = Effect.flatMap(Store, (s) => s.list(memberKind, TENANT))
/** [id, kind] of each organization, by id. */
const kinds = (tree: ReadonlyArray<Organization>) => [...tree].sort((a, b) => (a.id < b.id ? -1 : 1)).map((o) => [o.id, o.kind])
const header = (n: number) => ({ changeId: `chg-${n}`, effectiveOn: "2026-08-20", basis: "县委教育工委组字〔2026〕8号" })

describe("organizationService.splitBranch: a branch past 50 members (org.branch.maximumMembers)", () => {
  it.effect("splits into branches of 50 and 3 under the old branch, now a general branch; the tree of the day before is the old one", () =>
    run(
      Effect.gen(function* () {
        yield* seed([...base, branch("b1", "s1")], files("m", 53, "b1"))
        const before = yield* organizationService.findings(ctx(), { organizationId: "b1" })
        expect(before.map((f) => f.ruleId)).toContain("org.branch.maximumMembers")
        const change = yield* organizationService.splitBranch(ctx(), {
          ...header(1),
          organizationId: "b1",
          becomes: "generalBranch",
          into: [
            { id: "b1a", name: "一中第一党支部", memberIds: ids("m", 1, 50) },
            { id: "b1b", name: "一中第二党支部", memberIds: ids("m", 51, 53) }
          ]
        })
        expect(change).toMatchObject({ change: "split", created: ["b1a", "b1b"], before: [{ id: "b1", kind: "branch" }] })
        expect((yield* audit).length).toBe(1 + 1 + 2 + 53)
        const now = yield* organizationService.organizationsOn(ctx(), { organizationId: "county", on: "2026-08-20" })
        expect(kinds(now)).toEqual([
          ["b1", "generalBranch"],
          ["b1a", "branch"],
          ["b1b", "branch"],
          ["county", "committee"],
          ["school", "committee"]
        ])
        const then = yield* organizationService.organizationsOn(ctx(), { organizationId: "county", on: "2026-08-19" })
        expect(kinds(then)).toEqual([
          ["b1", "branch"],
          ["county", "committee"],
          ["school", "committee"]
        ])
        const m51 = (yield* allMembers).find((m) => m.id === "m51")!
        expect([rollOn(m51, [], "2026-08-19" as CivilDate), rollOn(m51, [], "2026-08-20" as CivilDate)]).toEqual(["b1", "b1b"])
      })
    )
  )

  it.effect("a part of 51 members is refused citing org.branch.maximumMembers; a part of 2 full members citing org.branch.minimumFullMembers; a file left out citing org.dissolution.membersPlaced; nothing stored", () =>
    run(
      Effect.gen(function* () {
        yield* seed([...base, branch("b1", "s1")], files("m", 53, "b1"))
        // 50 members is within the limit (b1a below passes), 51 is not
        const split = (into: ReadonlyArray<{ id: string; name: string; memberIds: ReadonlyArray<string> }>) =>
          Effect.flip(organizationService.splitBranch(ctx(), { ...header(2), organizationId: "b1", becomes: "dissolved", into }))
        const big = yield* split([
          { id: "b1a", name: "甲", memberIds: ids("m", 1, 51) },
          { id: "b1b", name: "乙", memberIds: ids("m", 52, 53) }
        ])
        expect(big).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.branch.maximumMembers", organizationId: "b1a" })
        const small = yield* split([
          { id: "b1a", name: "甲", memberIds: ids("m", 1, 50) },
          { id: "b1b", name: "乙", memberIds: ["m51", "m52"] },
          { id: "b1c", name: "丙", memberIds: ["m53"] }
        ])
        expect(small).toMatchObject({ ruleId: "org.branch.minimumFullMembers", organizationId: "b1b" })
        const missing = yield* split([
          { id: "b1a", name: "甲", memberIds: ids("m", 1, 49) },
          { id: "b1b", name: "乙", memberIds: ids("m", 50, 52) }
        ])
        expect(missing).toMatchObject({ ruleId: "org.dissolution.membersPlaced", missing: "member m53" })
        const branchSecretary = yield* Effect.flip(
          organizationService.splitBranch(ctx(actor("m1", ["branchSecretary", "b1"])), {
            ...header(3),
            organizationId: "b1",
            becomes: "dissolved",
            into: [
              { id: "b1a", name: "甲", memberIds: ids("m", 1, 50) },
              { id: "b1b", name: "乙", memberIds: ids("m", 51, 53) }
            ]
          })
        )
        expect(branchSecretary._tag).toBe("ZhibuForbidden")
        expect(yield* audit).toEqual([])
      })
    )
  )
})

describe("organizationService.mergeBranches: joint branches cover at most 5 units (org.jointBranch.maximumUnits)", () => {
  const five = ["b1", "b2", "b3", "b4", "b5"].map((id, i) => branch(id, `s${i + 1}`))
  const people = five.flatMap((b) => files(`${b.id}-`, 2, b.id))

  it.effect("five schools' branches merge into one joint branch over 5 units; the others are dissolved and their files moved", () =>
    run(
      Effect.gen(function* () {
        yield* seed([...base, ...five], people)
        const change = yield* organizationService.mergeBranches(ctx(), { ...header(4), organizationId: "b1", merged: ["b2", "b3", "b4", "b5"] })
        expect(change.moves).toHaveLength(8)
        const tree = yield* organizationService.organizationsOn(ctx(), { organizationId: "school", on: "2026-08-20" })
        expect(kinds(tree)).toEqual([
          ["b1", "jointBranch"],
          ["school", "committee"]
        ])
        expect(tree.find((o) => o.id === "b1")?.units).toEqual(["s1", "s2", "s3", "s4", "s5"])
        expect((yield* allMembers).every((m) => m.organizationId === "b1")).toBe(true)
      })
    )
  )

  it.effect("a sixth unit is refused citing org.jointBranch.maximumUnits, and nothing is stored", () =>
    run(
      Effect.gen(function* () {
        const six = [...five, branch("b6", "s6")]
        yield* seed([...base, ...six], [...people, ...files("b6-", 2, "b6")])
        const error = yield* Effect.flip(organizationService.mergeBranches(ctx(), { ...header(5), organizationId: "b1", merged: ["b2", "b3", "b4", "b5", "b6"] }))
        expect(error).toMatchObject({ _tag: "ZhibuOrganizationRuleBroken", ruleId: "org.jointBranch.maximumUnits" })
        expect(error.message).toContain("6")
        expect(yield* audit).toEqual([])
      })
    )
  )
})

describe("organizationService.collapseGeneralBranch and dissolve", () => {
  it.effect("a general branch whose branches shrank becomes a branch holding their files", () =>
    run(
      Effect.gen(function* () {
        yield* seed(
          [...base, org("g", "generalBranch", "school", { foundedOn: "2015-01-01" }), branch("x1", "s1", "g"), branch("x2", "s1", "g")],
          [...files("x1-", 3, "x1"), ...files("x2-", 4, "x2")]
        )
        yield* organizationService.collapseGeneralBranch(ctx(), { ...header(6), organizationId: "g" })
        const tree = yield* organizationService.organizationsOn(ctx(), { organizationId: "g", on: "2026-08-20" })
        expect(tree.map((o) => [o.id, o.kind])).toEqual([["g", "branch"]])
        const then = yield* organizationService.organizationsOn(ctx(), { organizationId: "g", on: "2026-08-19" })
        expect(then.map((o) => [o.id, o.kind])).toEqual([
          ["g", "generalBranch"],
          ["x1", "branch"],
          ["x2", "branch"]
        ])
      })
    )
  )

  it.effect("dissolving a branch that still holds files is refused citing org.dissolution.membersPlaced; once they are moved it is dissolved", () =>
    run(
      Effect.gen(function* () {
        yield* seed([...base, branch("b1", "s1"), branch("b2", "s1")], [...files("m", 1, "b1"), ...files("n", 3, "b2")])
        const error = yield* Effect.flip(organizationService.dissolve(ctx(), { ...header(7), organizationId: "b1" }))
        expect(error).toMatchObject({ ruleId: "org.dissolution.membersPlaced", missing: "member m1" })
        expect(yield* audit).toEqual([])
        yield* transferService.move(ctx(), { memberId: "m1", toOrganizationId: "b2", movedOn: "2026-08-19", letterId: "L-1", letterNumber: "组转1号", duesPaidThrough: "2026-08" })
        yield* organizationService.dissolve(ctx(), { ...header(8), organizationId: "b1" })
        const tree = yield* organizationService.organizationsOn(ctx(), { organizationId: "school", on: "2026-08-20" })
        expect(kinds(tree).map(([id]) => id)).toEqual(["b2", "school"])
        expect(yield* Effect.flip(organizationService.dissolve(ctx(), { ...header(9), organizationId: "b1" }))).toMatchObject({
          _tag: "ZhibuOrganizationRuleBroken"
        })
        expect(secretary.personId).toBe("m1")
      })
    )
  )
})

describe("law: a year's report on that year's tree equals the sum of that year's branches", () => {
  it("for random splits of a branch, on any date every file on a roll is in a branch of that date's tree, and the county's count is the sum of its branches", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 3, max: 12 }), { minLength: 2, maxLength: 4 }),
        fc.constantFrom("generalBranch", "dissolved" as const),
        fc.constantFrom("2026-08-19", "2026-08-20", "2026-08-31"),
        async (sizes, becomes, on) => {
          const total = sizes.reduce((a, b) => a + b, 0)
          const starts = sizes.map((_, i) => 1 + sizes.slice(0, i).reduce((a, b) => a + b, 0))
          const into = sizes.map((n, i) => ({ id: `p${i}`, name: `支部${i}`, memberIds: ids("m", starts[i]!, starts[i]! + n - 1) }))
          const result = await runPromise(
            Effect.gen(function* () {
              yield* seed([...base, branch("b1", "s1"), branch("b2", "s2")], [...files("m", total, "b1"), ...files("n", 3, "b2")])
              yield* organizationService.splitBranch(ctx(), { ...header(10), organizationId: "b1", becomes, into })
              const tree = yield* organizationService.organizationsOn(ctx(), { organizationId: "county", on })
              return { tree, members: yield* allMembers }
            })
          )
          const holders = result.tree.filter((o) => o.kind === "branch" || o.kind === "jointBranch")
          const rolls = result.members.map((m) => rollOn(m, [], on as CivilDate))
          // every file on a roll is in a branch of that date's tree
          expect(rolls.every((r) => r !== null && holders.some((h) => h.id === r))).toBe(true)
          const perBranch = holders.map((h) => rolls.filter((r) => r === h.id).length)
          expect(perBranch.reduce((a, b) => a + b, 0)).toBe(result.members.length)
          expect(holders.length).toBe(on === "2026-08-19" ? 2 : 1 + sizes.length)
        }
      ),
      { numRuns: 25 }
    )
  }, 60_000)
})
