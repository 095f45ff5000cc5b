import { describe, expect, it } from "@effect/vitest"
import { makeMemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import type { Member } from "../../src/member/member.js"
import type { Organization } from "../../src/org/organization.js"
import { type MembershipCounts, membershipSummary } from "../../src/report/membership-summary.js"
import { Store, type StoreShape } from "../../src/store/port.js"
import { ctxFor, organizer, seed, viewer } from "../org/service-fixtures.js"
import { actor, member, org } from "../support/records.js"

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
  const inner = yield* makeMemoryStore()
  const reads: Array<string> = []
  const store: StoreShape = {
    ...inner,
    list: (kind, tenantId, filter, options) => {
      reads.push(`list ${kind}`)
      return inner.list(kind, tenantId, filter, options)
    },
    countMembers: (tenantId, filter) => {
      reads.push("countMembers")
      return inner.countMembers(tenantId, filter)
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
        const summary = yield* membershipSummary(ctxFor(viewer), { organizationId: "county" })
        expect(summary.organizationId).toBe("county")
        expect(summary.organizations.map((o) => [o.id, o.kind, o.parentId, o.depth])).toEqual([
          ["county", "committee", null, 0],
          ["school", "committee", "county", 1],
          ["b1", "branch", "school", 2],
          ["g1", "partyGroup", "b1", 3],
          ["b2", "branch", "school", 2]
        ])
        const byId = new Map(summary.organizations.map((o) => [o.id, o]))
        expect(byId.get("b1")).toEqual({ id: "b1", name: "组织 b1", kind: "branch", parentId: "school", depth: 2, ...b1 })
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

  it.effect("it reads the organizations once and counts once, whatever the number of branches; it never lists members", () =>
    run((reads) =>
      Effect.gen(function* () {
        yield* membershipSummary(ctxFor(viewer), { organizationId: "county" })
        expect(reads).toEqual(["list organization", "countMembers"])
      })
    )
  )

  it.effect("the result holds no person's id or name (the JSON is scanned for every seeded person)", () =>
    run(() =>
      Effect.gen(function* () {
        const json = JSON.stringify(yield* membershipSummary(ctxFor(viewer), { organizationId: "county" }))
        const personal = people.flatMap((p) => [p.id, p.name])
        // The scan itself finds them where they are: in the members and in b1's leadership.
        expect(personal.every((text) => JSON.stringify([people, tree]).includes(text))).toBe(true)
        expect(personal.filter((text) => json.includes(text))).toEqual([])
      })
    )
  )

  it.effect("a plain member, and a branch secretary above their branch, are Forbidden; the secretary may count their own branch", () =>
    run(() =>
      Effect.gen(function* () {
        const plain = yield* Effect.flip(membershipSummary(ctxFor(actor("p-b1-2", ["member", "b1"])), { organizationId: "b1" }))
        expect(plain).toMatchObject({ _tag: "Forbidden", action: "report.aggregate", organizationId: "b1" })
        const secretary = actor("p-sec", ["branchSecretary", "b1"])
        expect(yield* Effect.flip(membershipSummary(ctxFor(secretary), { organizationId: "school" }))).toMatchObject({
          _tag: "Forbidden"
        })
        const own = yield* membershipSummary(ctxFor(secretary), { organizationId: "b1" })
        expect(own.organizations.map((o) => o.id)).toEqual(["b1", "g1"])
        expect(own.totals).toEqual(b1)
      })
    )
  )

  it.effect("the county viewer is Forbidden outside the county; an unknown organization is NotFound; a malformed id is InvalidInput", () =>
    run(() =>
      Effect.gen(function* () {
        expect(yield* Effect.flip(membershipSummary(ctxFor(viewer), { organizationId: "other" }))).toMatchObject({ _tag: "Forbidden" })
        const other = yield* membershipSummary(ctxFor(organizer), { organizationId: "school" })
        expect(other.totals.active).toBe(7)
        expect(yield* Effect.flip(membershipSummary(ctxFor(viewer), { organizationId: "nowhere" }))).toMatchObject({ _tag: "NotFound" })
        expect(yield* Effect.flip(membershipSummary(ctxFor(viewer), { organizationId: "有 空格" }))).toMatchObject({ _tag: "InvalidInput" })
      })
    )
  )
})
