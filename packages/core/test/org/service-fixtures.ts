import * as Effect from "effect/Effect"
import type { Actor } from "../../src/auth/actor.js"
import { weekdayCalendar } from "../../src/calendar/workday-calendar.js"
import type { Member } from "../../src/member/member.js"
import type { Organization } from "../../src/org/organization.js"
import { nationalBaseline } from "../../src/national-profile.js"
import type { RuleProfile } from "../../src/profile/profile.js"
import type { CommandContext } from "../../src/service/context.js"
import { memberKind } from "../../src/member/kinds.js"
import { organizationKind } from "../../src/org/kinds.js"
import { createWrite, Store } from "../../src/store/port.js"
import type { TenantId } from "../../src/tenant/ids.js"
import { actor, fullMembers, member, schoolTree, TENANT } from "./fixtures.js"

/** 2026-03-01 10:00 in China. */
export const NOW = new Date("2026-03-01T02:00:00Z")

export const ctxFor = (who: Actor, profile: RuleProfile = nationalBaseline, now = NOW): CommandContext => ({
  tenantId: TENANT as TenantId,
  actor: who,
  now,
  profile,
  workdays: weekdayCalendar
})

export const secretary = actor("m1", ["branchSecretary", "b1"])
export const committeeMember = actor("m2", ["committeeMember", "b1"])
export const organizer = actor("o1", ["higherOrganizer", "school"])
export const viewer = actor("v1", ["countyViewer", "county"])

/** Branch b1: 9 full members m1…m9 and one probationary member p1. Branch b2: 2 full members n1, n2. */
export const schoolMembers: ReadonlyArray<Member> = [
  ...fullMembers(9, "b1", "m"),
  member("p1", "b1", { stage: "probationary", convertedOn: null }),
  ...fullMembers(2, "b2", "n")
]

const withoutVersion = <A extends { readonly version: number }>({ version: _v, ...rest }: A): Omit<A, "version"> => rest

/** Writes the tree and members as the user "seed"; returns nothing. */
export const seed = (
  organizations: ReadonlyArray<Organization> = schoolTree,
  members: ReadonlyArray<Member> = schoolMembers
) =>
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

/** The audit entries written by anyone but the seed. */
export const commandAudit = Effect.gen(function* () {
  const store = yield* Store
  return (yield* store.auditLog(TENANT)).filter((e) => e.actorId !== "seed")
})

export const getOrganization = (id: string) => Effect.flatMap(Store, (store) => store.get(organizationKind, TENANT, id))
