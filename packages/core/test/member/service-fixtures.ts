import * as Effect from "effect/Effect"
import type { Actor } from "../../src/auth/actor.js"
import { weekdayCalendar } from "../../src/calendar/workday-calendar.js"
import type { Member } from "../../src/member/member.js"
import type { Organization, OrganizationKind } from "../../src/org/organization.js"
import type { CommandContext } from "../../src/service/context.js"
import { memberKind } from "../../src/member/kinds.js"
import { organizationKind } from "../../src/org/kinds.js"
import { createWrite, Store } from "../../src/store/port.js"
import type { TenantId } from "../../src/tenant/ids.js"
import { actor, org as orgRecord } from "../support/records.js"
import { before, fullMembers, path2026, person, profile, TENANT, walk } from "./fixtures.js"

/** 2027-06-20 10:00 in China. */
export const NOW = new Date("2027-06-20T02:00:00Z")

const org = (id: string, kind: OrganizationKind, parentId: string | null): Organization =>
  orgRecord(id, kind, parentId, { foundedOn: "2010-01-01" })

/** county ─ school ─ b1 ─ g1 */
export const tree: ReadonlyArray<Organization> = [
  org("county", "committee", null),
  org("school", "committee", "county"),
  org("b1", "branch", "school"),
  org("g1", "partyGroup", "b1")
]

export { actor }

export const secretary = actor("m1", ["branchSecretary", "b1"])
export const committeeMember = actor("m2", ["committeeMember", "b1"])
export const organizer = actor("o1", ["higherOrganizer", "school"])
export const groupLeader = actor("m3", ["groupLeader", "g1"])
export const selfOnly = (id: string) => actor(id, ["member", "b1"])

export const ctxFor = (who: Actor, now = NOW): CommandContext => ({
  tenantId: TENANT as TenantId,
  actor: who,
  now,
  profile,
  workdays: weekdayCalendar
})

/** An activist of the 2026 path, ready for the candidate designation (a1, version 1). */
export const activist = walk(before(path2026, "candidateDesignation"), undefined, "2027-06-20")

const withoutVersion = <A extends { readonly version: number }>({ version: _v, ...rest }: A): Omit<A, "version"> => rest

/** Writes organizations and members as the user "seed". */
export const seedRecords = (organizations: ReadonlyArray<Organization>, members: ReadonlyArray<Member>) =>
  Effect.gen(function* () {
    const store = yield* Store
    yield* store.write(
      TENANT,
      [
        ...organizations.map((o) => createWrite(organizationKind, withoutVersion(o))),
        ...members.map((m) => createWrite(memberKind, withoutVersion(m)))
      ],
      { actorId: "seed", at: NOW, action: "seed" }
    )
  })

/** Writes the tree, m1…m9 and the activist a1 as the user "seed". */
export const seed = seedRecords(tree, [...fullMembers, activist])

/** Branch b2 beside b1 under the school, with its member n1: seed it after {@link seed}. */
export const neighbourBranch = { organization: org("b2", "branch", "school"), member: person("n1", { organizationId: "b2" }) }

/** The stored member (or the failure) and the audit entries written by anyone but the seed. */
export const snapshot = (id: string) =>
  Effect.gen(function* () {
    const store = yield* Store
    const member = yield* Effect.either(store.get(memberKind, TENANT, id))
    const audit = (yield* store.auditLog(TENANT)).filter((e) => e.actorId !== "seed")
    return { member, audit }
  })
