import { readFileSync } from "node:fs"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Actor } from "../../src/auth/actor.js"
import { type CivilDate, civilDate, dayOfWeek } from "../../src/calendar/civil-date.js"
import type { WorkdayCalendar } from "../../src/calendar/workday-calendar.js"
import type { YearPlanOptions } from "../../src/meeting/plan.js"
import { memberKind } from "../../src/member/kinds.js"
import type { Member } from "../../src/member/member.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { organizationKind } from "../../src/org/kinds.js"
import type { Organization } from "../../src/org/organization.js"
import { applyOverride } from "../../src/profile/override.js"
import type { RuleProfile } from "../../src/profile/profile.js"
import type { CommandContext } from "../../src/service/context.js"
import { createWrite, Store } from "../../src/store/port.js"
import type { TenantId } from "../../src/tenant/ids.js"
import { actor, member, org, TENANT } from "../support/records.js"

export { actor, member, org, TENANT }

/** 2026-06-30 10:00 in China. */
export const NOW = new Date("2026-06-30T02:00:00Z")

/** Weekdays, without 2026's May Day holiday (05-01…05-05) and with its make-up Saturday 05-09. */
export const testWorkdays: WorkdayCalendar = {
  isWorkday: (d: CivilDate) => {
    if (d === "2026-05-09") return true
    if (d >= "2026-05-01" && d <= "2026-05-05") return false
    return dayOfWeek(d) <= 5
  }
}

export const ctxFor = (who: Actor, profile: RuleProfile = nationalBaseline, now = NOW): CommandContext => ({
  tenantId: TENANT as TenantId,
  actor: who,
  now,
  profile,
  workdays: testWorkdays
})

const leadership = (secretaryId: string | null, committee: ReadonlyArray<string>) => ({
  secretaryId,
  deputySecretaryIds: [],
  committeeMemberIds: [...committee]
})

/**
 *   county ─ school ─┬─ b1 (committee m1 secretary, m2, m3) ─┬─ g1 (leader m4)
 *                    │                                       └─ g2 (leader m10)
 *                    └─ b2 (secretary n1, no committee)
 */
export const tree: ReadonlyArray<Organization> = [
  org("county", "committee", null, { formation: "appointed" }),
  org("school", "committee", "county"),
  org("b1", "branch", "school", { leadership: leadership("m1", ["m1", "m2", "m3"]) }),
  org("g1", "partyGroup", "b1", { leadership: leadership("m4", []) }),
  org("g2", "partyGroup", "b1", { leadership: leadership("m10", []) }),
  org("b2", "branch", "school", { leadership: leadership("n1", []) })
]

/** b1: 15 full members m1…m15 (m1–m8 in g1, m9–m15 in g2) and 2 probationary p1, p2 (in g1). b2: 4 full n1…n4. */
export const members: ReadonlyArray<Member> = [
  ...Array.from({ length: 15 }, (_, i) => member(`m${i + 1}`, "b1", { partyGroupId: i < 8 ? "g1" : "g2" })),
  member("p1", "b1", { stage: "probationary", joinedOn: "2025-09-01", convertedOn: null, partyGroupId: "g1" }),
  member("p2", "b1", { stage: "probationary", joinedOn: "2025-09-01", convertedOn: null, partyGroupId: "g1" }),
  ...Array.from({ length: 4 }, (_, i) => member(`n${i + 1}`, "b2"))
]

export const secretary = actor("m1", ["branchSecretary", "b1"])
export const secretary2 = actor("n1", ["branchSecretary", "b2"])
export const groupLeader = actor("m4", ["groupLeader", "g1"])
export const organizer = actor("o1", ["higherOrganizer", "county"])
export const viewer = actor("v1", ["countyViewer", "county"])
export const outsider = actor("x1", ["branchSecretary", "b2"])

const withoutVersion = <A extends { readonly version: number }>({ version: _v, ...rest }: A): Omit<A, "version"> => rest

/** Writes organizations and members as the user "seed". */
export const seedWith = (organizations: ReadonlyArray<Organization>, people: ReadonlyArray<Member>) =>
  Effect.gen(function* () {
    const store = yield* Store
    yield* store.write(
      TENANT,
      [...organizations.map((o) => createWrite(organizationKind, withoutVersion(o))), ...people.map((m) => createWrite(memberKind, withoutVersion(m)))],
      { actorId: "seed", at: NOW, action: "seed" }
    )
  })

export const seed = seedWith(tree, members)

export const run = <A, E>(effect: Effect.Effect<A, E, Store>) => Effect.provide(effect, MemoryStore.layer())

/** Everyone due at a b1 branch meeting, present unless listed as absent. */
export const b1Attendance = (absent: ReadonlyArray<string> = []) =>
  [...members.filter((m) => m.organizationId === "b1").map((m) => m.id)]
    .sort()
    .map((memberId) => (absent.includes(memberId) ? { memberId, status: "absent" as const } : { memberId, status: "present" as const }))

/** The strict local profile of the docs (from 2026-09-01: monthly 党课 by the secretary, a weekly 党建例会…). */
export const strict: RuleProfile = Either.getOrThrow(
  applyOverride(nationalBaseline, JSON.parse(readFileSync(new URL("../../../../docs/examples/strict-school-profile.json", import.meta.url), "utf8")))
)

/** Year-plan options for branch b1 in 2026 (15 full members, the 主题党日 on the first Friday), overridden by `over`. */
export const planOptions = (over: Partial<YearPlanOptions> = {}): YearPlanOptions => ({
  profile: nationalBaseline,
  year: 2026,
  branch: tree.find((o) => o.id === "b1")!,
  groups: [],
  fullMembersOn: () => 15,
  today: civilDate("2026-01-05"),
  workdays: testWorkdays,
  themeDay: { weekday: 5, week: 1 },
  ...over
})
