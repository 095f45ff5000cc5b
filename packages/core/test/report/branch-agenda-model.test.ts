import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { civilDate } from "../../src/calendar/civil-date.js"
import type { Member } from "../../src/member/member.js"
import { type Organization, OrganizationKind } from "../../src/org/organization.js"
import { branchAgenda } from "../../src/report/branch-agenda.js"
import { profile } from "../member/fixtures.js"
import { naiveBranchAgenda } from "../org/tree-model.js"
import { member, org } from "../support/records.js"
import { applicant, assessmentDue0601, probationary2014, probationEndsOn0901 } from "./fixtures.js"

/**
 * The indexed agenda against the one first written (`naiveBranchAgenda`, which recomputes each
 * subtree for every organization and member): the same organizations, depths, findings, items and
 * flags, on lists that need not be trees and members placed anywhere, in a branch or a 党小组.
 */

const POOL = 8
const idArb = fc.nat({ max: POOL - 1 }).map((i) => `o${i}`)

const organizationsArb = fc
  .uniqueArray(
    fc.record({ id: idArb, parentId: fc.option(idArb, { nil: null, freq: 4 }), kind: fc.constantFrom(...OrganizationKind.literals) }),
    { selector: (e) => e.id, minLength: 1, maxLength: POOL }
  )
  .map((entries) => entries.map((e) => org(e.id, e.kind, e.parentId)))

const templates: ReadonlyArray<Member> = [
  member("full", "o0"),
  member("suspended", "o0", { status: "suspended" }),
  member("probationary", "o0", { stage: "probationary", convertedOn: null }),
  applicant,
  assessmentDue0601,
  probationary2014,
  probationEndsOn0901
]

const membersArb = fc
  .array(fc.record({ template: fc.constantFrom(...templates), at: idArb, group: fc.option(idArb, { nil: null, freq: 3 }) }), { maxLength: 16 })
  .map((placed) =>
    placed.map(
      ({ template, at, group }, i): Member => ({
        ...template,
        id: `m${i}` as Member["id"],
        organizationId: at as Member["organizationId"],
        partyGroupId: group as Member["partyGroupId"]
      })
    )
  )

/** The agenda's root: one of the listed organizations, or one not in the list (the agenda adds it). */
const rootArb = (list: ReadonlyArray<Organization>) =>
  fc.oneof(fc.constantFrom(...list), idArb.map((id) => org(id, "branch", null)))

describe("branchAgenda: the same agenda as the plain definition", () => {
  it(
    "on random lists (missing parents, cycles), members in branches and party groups, and horizons",
    () => {
      fc.assert(
        fc.property(
          organizationsArb.chain((list) => fc.tuple(fc.constant(list), rootArb(list))),
          membersArb,
          fc.integer({ min: 0, max: 24 }),
          ([list, root], members, horizonMonths) => {
            const today = civilDate("2028-03-01")
            const options = { horizonMonths }
            expect(branchAgenda(root, list, members, profile, today, options)).toEqual(naiveBranchAgenda(root, list, members, profile, today, options))
          }
        ),
        { numRuns: 150 }
      )
    },
    60_000
  )
})
