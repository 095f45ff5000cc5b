import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import type { Member } from "../../src/member/member.js"
import type { Organization } from "../../src/org/organization.js"
import { type MemberCount, type MembershipCounts, summarizeMembership } from "../../src/report/membership-summary.js"
import { reportService } from "../../src/report/report-service.js"
import { Store, type StoreShape } from "../../src/store/port.js"
import { ctxFor, organizer, seed, viewer } from "../org/service-fixtures.js"
import { actor, member, org } from "../support/records.js"
import { expectAnswerAlike } from "../support/visibility.js"

/**
 *   county ─ school ─┬─ b1 ─ g1          other (a second root, outside the county)
 *                    └─ b2
 * b1's secretary is person p-sec, so a summary that leaked the organization record would show it.
 */
const tree: ReadonlyArray<Organization> = [
  org("county", "committee", null),
  org("school", "committee", "county"),
  org("b1", "branch", "school", { leadership: { secretaryId: "p-sec", deputySecretaryIds: [], committeeMemberIds: ["p-sec"] } }),
  org("b2", "branch", "school"),
  org("g1", "partyGroup", "b1"),
  org("other", "committee", null)
]

const person = (id: string, organizationId: string, over: Partial<typeof Member.Encoded> = {}) =>
  member(id, organizationId, { name: `姓名${id}`, ...over })

const people: ReadonlyArray<Member> = [
  person("p-sec", "b1"),
  person("p-b1-2", "b1"),
  person("p-b1-3", "b1", { partyGroupId: "g1" }),
  person("p-b1-4", "b1", { stage: "probationary", convertedOn: null }),
  person("p-b1-5", "b1", { stage: "activist", joinedOn: null, convertedOn: null }),
  person("p-b1-6", "b1", { status: "suspended" }),
  person("p-b1-7", "b1", { status: "transferredOut" }),
  person("p-b1-8", "b1", { status: "deceased" }),
  person("p-b2-1", "b2"),
  person("p-b2-2", "b2"),
  person("p-b2-3", "b2", { stage: "applicant", status: "closed", joinedOn: null, convertedOn: null }),
  person("p-out-1", "other")
]

/** The memory store, with a record of the reads each call made. */
const watched = Effect.gen(function* () {
  const inner = yield* MemoryStore.make()
  const reads: Array<string> = []
  const store: StoreShape = {
    ...inner,
    list: (kind, tenantId, filter, options) => {
      reads.push(`list ${kind.name}`)
      return inner.list(kind, tenantId, filter, options)
    },
    aggregate: (kind, tenantId, query) => {
      reads.push(`aggregate ${kind.name}`)
      return inner.aggregate(kind, tenantId, query)
    }
  }
  return { store, reads }
})

const run = <A, E>(body: (reads: Array<string>) => Effect.Effect<A, E, Store>) =>
  Effect.gen(function* () {
    const { store, reads } = yield* watched
    // The seed only writes, so `reads` holds what the body read.
    return yield* Effect.provideService(Effect.zipRight(seed(tree, people), body(reads)), Store, store)
  })

const counts = (over: Partial<MembershipCounts> = {}): MembershipCounts => ({
  activeByStage: { applicant: 0, activist: 0, candidate: 0, probationary: 0, full: 0 },
  active: 0,
  suspended: 0,
  exitsByStatus: { probationCancelled: 0, transferredOut: 0, lapsed: 0, removed: 0, deceased: 0, closed: 0 },
  exits: 0,
  ...over
})

const b1 = counts({
  activeByStage: { applicant: 0, activist: 1, candidate: 0, probationary: 1, full: 3 },
  active: 5,
  suspended: 1,
  exitsByStatus: { probationCancelled: 0, transferredOut: 1, lapsed: 0, removed: 0, deceased: 1, closed: 0 },
  exits: 2
})
const b2 = counts({
  activeByStage: { applicant: 0, activist: 0, candidate: 0, probationary: 0, full: 2 },
  active: 2,
  exitsByStatus: { probationCancelled: 0, transferredOut: 0, lapsed: 0, removed: 0, deceased: 0, closed: 1 },
  exits: 1
})

describe("report.membershipSummary (report.aggregate)", () => {
  it.effect("the county viewer gets the county's counts per organization, depth-first, with totals matching the seeded tenant", () =>
    run(() =>
      Effect.gen(function* () {
        const summary = yield* reportService.membershipSummary(ctxFor(viewer), { organizationId: "county" })
        expect(summary.organizationId).toBe("county")
        expect(summary.organizations.map((o) => [o.id, o.kind, o.parentId, o.depth])).toEqual([
          ["county", "committee", null, 0],
          ["school", "committee", "county", 1],
          ["b1", "branch", "school", 2],
          ["g1", "partyGroup", "b1", 3],
          ["b2", "branch", "school", 2]
        ])
        const byId = new Map(summary.organizations.map((o) => [o.id, o]))
        expect(byId.get("b1")).toEqual({ id: "b1", name: "组织 b1", kind: "branch", parentId: "school", depth: 2, ...b1, subtree: b1 })
        expect(byId.get("b2")).toMatchObject(b2)
        // Members of a 党小组 are filed under its branch: the group itself counts nobody.
        for (const id of ["county", "school", "g1"]) expect(byId.get(id)).toMatchObject(counts())
        expect(summary.totals).toEqual(
          counts({
            activeByStage: { applicant: 0, activist: 1, candidate: 0, probationary: 1, full: 5 },
            active: 7,
            suspended: 1,
            exitsByStatus: { probationCancelled: 0, transferredOut: 1, lapsed: 0, removed: 0, deceased: 1, closed: 1 },
            exits: 3
          })
        )
        // Every seeded member inside the county is counted exactly once; the one in `other` is not.
        const total = summary.totals.active + summary.totals.suspended + summary.totals.exits
        expect(total).toBe(people.filter((p) => p.organizationId !== "other").length)
      })
    )
  )

  it.effect("it reads the organizations once and aggregates once, whatever the number of branches; it never lists members", () =>
    run((reads) =>
      Effect.gen(function* () {
        yield* reportService.membershipSummary(ctxFor(viewer), { organizationId: "county" })
        expect(reads).toEqual(["list organization", "aggregate member"])
      })
    )
  )

  it.effect("the result holds no person's id or name (the JSON is scanned for every seeded person)", () =>
    run(() =>
      Effect.gen(function* () {
        const json = JSON.stringify(yield* reportService.membershipSummary(ctxFor(viewer), { organizationId: "county" }))
        const personal = people.flatMap((p) => [p.id, p.name])
        // The scan itself finds them where they are: in the members and in b1's leadership.
        expect(personal.every((text) => JSON.stringify([people, tree]).includes(text))).toBe(true)
        expect(personal.filter((text) => json.includes(text))).toEqual([])
      })
    )
  )

  it.effect("a plain member of b1 sees b1 but is Forbidden to count it; the secretary counts their own branch", () =>
    run(() =>
      Effect.gen(function* () {
        const plain = yield* Effect.flip(reportService.membershipSummary(ctxFor(actor("p-b1-2", ["member", "b1"])), { organizationId: "b1" }))
        expect(plain).toMatchObject({ _tag: "ZhibuForbidden", action: "report.aggregate", organizationId: "b1" })
        const own = yield* reportService.membershipSummary(ctxFor(actor("p-sec", ["branchSecretary", "b1"])), { organizationId: "b1" })
        expect(own.organizations.map((o) => o.id)).toEqual(["b1", "g1"])
        expect(own.totals).toEqual(b1)
      })
    )
  )

  it.effect("an organization the actor holds no role in or above is NotFound, exactly as an id that does not exist", () =>
    run(() =>
      Effect.gen(function* () {
        const secretary = ctxFor(actor("p-sec", ["branchSecretary", "b1"]))
        // The school is above b1, b2 beside it, `other` outside the county: b1's secretary sees none of them.
        for (const organizationId of ["school", "b2", "other"]) {
          const invisible = yield* Effect.flip(reportService.membershipSummary(secretary, { organizationId }))
          const missing = yield* Effect.flip(reportService.membershipSummary(secretary, { organizationId: "nowhere" }))
          expect(invisible).toMatchObject({ kind: "organization", id: organizationId })
          expectAnswerAlike(invisible, organizationId, missing, "nowhere")
        }
      })
    )
  )

  it.effect("the county viewer gets NotFound outside the county, as for an unknown organization; a malformed id is InvalidInput", () =>
    run(() =>
      Effect.gen(function* () {
        const outside = yield* Effect.flip(reportService.membershipSummary(ctxFor(viewer), { organizationId: "other" }))
        const unknown = yield* Effect.flip(reportService.membershipSummary(ctxFor(viewer), { organizationId: "nowhere" }))
        expect(unknown).toMatchObject({ _tag: "ZhibuNotFound", id: "nowhere" })
        expectAnswerAlike(outside, "other", unknown, "nowhere")
        const school = yield* reportService.membershipSummary(ctxFor(organizer), { organizationId: "school" })
        expect(school.totals.active).toBe(7)
        expect(yield* Effect.flip(reportService.membershipSummary(ctxFor(viewer), { organizationId: "有 空格" }))).toMatchObject({ _tag: "ZhibuInvalidInput" })
      })
    )
  )

  it.effect("each row's subtree holds the row's own members and everything below it: the county's and the school's equal the totals", () =>
    run(() =>
      Effect.gen(function* () {
        const summary = yield* reportService.membershipSummary(ctxFor(viewer), { organizationId: "county" })
        const byId = new Map(summary.organizations.map((o) => [o.id, o]))
        expect(byId.get("county")?.subtree).toEqual(summary.totals)
        expect(byId.get("school")?.subtree).toEqual(summary.totals)
        expect(byId.get("b1")?.subtree).toEqual(b1)
        expect(byId.get("b2")?.subtree).toEqual(b2)
        expect(byId.get("g1")?.subtree).toEqual(counts())
      })
    )
  )
})

/** The sum of count sets, field by field. */
const sumOf = (all: ReadonlyArray<MembershipCounts>): MembershipCounts =>
  all.reduce(
    (acc, c) =>
      counts({
        activeByStage: Object.fromEntries(
          Object.entries(acc.activeByStage).map(([k, v]) => [k, v + c.activeByStage[k as keyof typeof c.activeByStage]])
        ) as MembershipCounts["activeByStage"],
        active: acc.active + c.active,
        suspended: acc.suspended + c.suspended,
        exitsByStatus: Object.fromEntries(
          Object.entries(acc.exitsByStatus).map(([k, v]) => [k, v + c.exitsByStatus[k as keyof typeof c.exitsByStatus]])
        ) as MembershipCounts["exitsByStatus"],
        exits: acc.exits + c.exits
      }),
    counts()
  )

describe("summarizeMembership: subtree counts", () => {
  /**
   *   county ─┬─ school-a ─┬─ gb (党总支) ─┬─ gb-1
   *           │            │               └─ gb-2 ─ gb-2-g (党小组)
   *           │            └─ a-1
   *           └─ school-b ── b-1
   */
  const county = org("county", "committee", null)
  const schools: ReadonlyArray<Organization> = [
    county,
    org("school-a", "committee", "county"),
    org("gb", "generalBranch", "school-a"),
    org("gb-1", "branch", "gb"),
    org("gb-2", "branch", "gb"),
    org("gb-2-g", "partyGroup", "gb-2"),
    org("a-1", "branch", "school-a"),
    org("school-b", "committee", "county"),
    org("b-1", "branch", "school-b")
  ]
  const row = (organizationId: string, stage: MemberCount["stage"], status: MemberCount["status"], count: number): MemberCount => ({
    organizationId,
    stage,
    status,
    count
  })
  const rows: ReadonlyArray<MemberCount> = [
    row("gb", "full", "active", 1), // the general branch's own file (e.g. a member filed with its committee)
    row("gb-1", "full", "active", 4),
    row("gb-1", "probationary", "active", 1),
    row("gb-2", "full", "active", 3),
    row("gb-2", "full", "suspended", 1),
    row("gb-2", "applicant", "closed", 2),
    row("a-1", "activist", "active", 2),
    row("school-a", "full", "deceased", 1),
    row("b-1", "full", "active", 5),
    row("b-1", "candidate", "active", 1),
    row("b-1", "full", "transferredOut", 1),
    row("elsewhere", "full", "active", 9) // outside the county: ignored
  ]
  const summary = summarizeMembership(county, schools, rows)
  const byId = new Map(summary.organizations.map((o) => [o.id, o]))
  const subtreeOf = (id: string) => byId.get(id)!.subtree
  const ownOf = (id: string): MembershipCounts => {
    const { activeByStage, active, suspended, exitsByStatus, exits } = byId.get(id)!
    return { activeByStage, active, suspended, exitsByStatus, exits }
  }

  it("a county's subtree counts equal the sum of its schools' subtree counts (the county has no files of its own)", () => {
    expect(ownOf("county")).toEqual(counts())
    expect(subtreeOf("county")).toEqual(sumOf([subtreeOf("school-a"), subtreeOf("school-b")]))
    expect(subtreeOf("county")).toEqual(summary.totals)
    expect(subtreeOf("county").active).toBe(17)
  })

  it("a general branch's row includes its branches (and their party groups) besides its own files", () => {
    expect(subtreeOf("gb")).toEqual(sumOf([ownOf("gb"), subtreeOf("gb-1"), subtreeOf("gb-2")]))
    expect(subtreeOf("gb")).toEqual(
      counts({
        activeByStage: { applicant: 0, activist: 0, candidate: 0, probationary: 1, full: 8 },
        active: 9,
        suspended: 1,
        exitsByStatus: { probationCancelled: 0, transferredOut: 0, lapsed: 0, removed: 0, deceased: 0, closed: 2 },
        exits: 2
      })
    )
    expect(ownOf("gb").active).toBe(1)
    expect(subtreeOf("gb-2-g")).toEqual(counts())
    expect(subtreeOf("gb-2")).toEqual(ownOf("gb-2"))
  })

  it("every row's subtree is its own counts plus its children's subtrees; a leaf's subtree is its own counts", () => {
    for (const o of summary.organizations) {
      const children = summary.organizations.filter((c) => c.parentId === o.id)
      expect(o.subtree).toEqual(sumOf([ownOf(o.id), ...children.map((c) => c.subtree)]))
    }
    expect(subtreeOf("school-a")).toEqual(sumOf([ownOf("school-a"), subtreeOf("gb"), subtreeOf("a-1")]))
  })
})
