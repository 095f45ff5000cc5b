import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { memberArbitrary, memberFileArbitrary, organizationArbitrary, tenantRecordsArbitrary } from "../src/index.js"
import { fileState, Member, nationalBaseline, Organization, timeline } from "./support/core.js"

/** Bounded runs and a generous limit: these must pass on a slow, busy machine too. */
const runs = { numRuns: 40 } as const
const LIMIT = 120_000

const roundTrips = <A, I>(schema: Schema.Schema<A, I>, value: A): boolean =>
  Schema.decodeUnknownEither(schema)(Schema.encodeSync(schema)(value))._tag === "Right"

describe("arbitraries", () => {
  it(
    "organizations and members from the Schemas decode, in the tenant asked for",
    () => {
      fc.assert(
        fc.property(organizationArbitrary({ tenantId: "t-1" }), memberArbitrary({ tenantId: "t-1", organizationIds: ["b1", "b2"] }), (o, m) => {
          expect(roundTrips(Organization, o)).toBe(true)
          expect(roundTrips(Member, m)).toBe(true)
          expect([o.tenantId, m.tenantId]).toEqual(["t-1", "t-1"])
          expect(["b1", "b2"]).toContain(m.organizationId)
        }),
        runs
      )
    },
    LIMIT
  )

  it(
    "a tenant's records hang together: one tenant, unique ids, a tree, members in branches, secretaries among them",
    () => {
      fc.assert(
        fc.property(tenantRecordsArbitrary(), ({ tenantId, organizations, members }) => {
          const byId = new Map(organizations.map((o) => [o.id as string, o]))
          expect(byId.size).toBe(organizations.length)
          expect(new Set(members.map((m) => m.id)).size).toBe(members.length)
          for (const r of [...organizations, ...members]) expect(r.tenantId).toBe(tenantId)
          for (const [i, o] of organizations.entries()) {
            expect(roundTrips(Organization, o)).toBe(true)
            if (i === 0) expect(o.parentId).toBeNull()
            // Parents come first.
            else expect(organizations.slice(0, i).some((p) => p.id === o.parentId)).toBe(true)
          }
          for (const m of members) {
            expect(roundTrips(Member, m)).toBe(true)
            expect(byId.get(m.organizationId)?.kind).toBe("branch")
            if (m.partyGroupId !== null) expect(byId.get(m.partyGroupId)?.parentId).toBe(m.organizationId)
          }
          for (const o of organizations.filter((o) => o.kind === "branch" && o.leadership.secretaryId !== null)) {
            expect(members.find((m) => m.id === o.leadership.secretaryId)?.organizationId).toBe(o.id)
          }
        }),
        runs
      )
    },
    LIMIT
  )

  it(
    "every drawn member file is accepted by the lifecycle at the stage drawn, with nothing overdue",
    () => {
      fc.assert(
        fc.property(memberFileArbitrary(), ({ stage, asOf, member }) => {
          expect(member.stage).toBe(stage)
          expect(fileState(member, nationalBaseline).stage).toBe(stage)
          expect(roundTrips(Member, member)).toBe(true)
          const today = asOf ?? member.steps.at(-1)?.date ?? member.joinedOn!
          expect(timeline(member, nationalBaseline, today).findings.filter((f) => f.severity !== "reminder")).toEqual([])
        }),
        { numRuns: 100 }
      )
    },
    LIMIT
  )
})
