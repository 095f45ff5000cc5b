import * as Effect from "effect/Effect"
import type { Actor } from "../../src/auth/actor.js"
import { weekdayCalendar } from "../../src/calendar/workday-calendar.js"
import { memberKind } from "../../src/member/kinds.js"
import type { Member } from "../../src/member/member.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { organizationKind } from "../../src/org/kinds.js"
import type { Organization } from "../../src/org/organization.js"
import type { RuleProfile } from "../../src/profile/profile.js"
import type { CommandContext } from "../../src/service/context.js"
import { createWrite, Store } from "../../src/store/port.js"
import type { TenantId } from "../../src/tenant/ids.js"
import { actor, member, org } from "../support/records.js"

export { actor, member, org }

/** The county (tenant t1) and, for transfers across tenants, a neighbouring county (t2). */
export const T1 = "t1"
export const T2 = "t2"

/** 2026-09-01 10:00 in China: the summer rotation is done. */
export const NOW = new Date("2026-09-01T02:00:00Z")

/**
 *   county ─ school ─┬─ b1 (m1…m9, p1 probationary)
 *                    └─ b2 (n1…n3)
 *   county ─ school2 ─ b3 (k1…k3)
 */
export const tree: ReadonlyArray<Organization> = [
  org("county", "committee", null),
  org("school", "committee", "county"),
  org("b1", "branch", "school", { name: "一中党支部" }),
  org("b2", "branch", "school", { name: "二中党支部" }),
  org("school2", "committee", "county"),
  org("b3", "branch", "school2", { name: "实验小学党支部" })
]

const full = (prefix: string, n: number, organizationId: string) =>
  Array.from({ length: n }, (_, i) => member(`${prefix}${i + 1}`, organizationId))

/** p1 joined on 2026-03-01 and is on probation until 2027-03-01. */
export const probationary = member("p1", "b1", { stage: "probationary", joinedOn: "2026-03-01", convertedOn: null })

export const members: ReadonlyArray<Member> = [...full("m", 9, "b1"), probationary, ...full("n", 3, "b2"), ...full("k", 3, "b3")]

/** The neighbouring county t2: its 教育工委 and one branch c1 with three members. */
export const otherTree: ReadonlyArray<Organization> = [
  org("county2", "committee", null, { tenantId: T2 }),
  org("c1", "branch", "county2", { tenantId: T2, name: "邻县一中党支部" })
]
export const otherMembers: ReadonlyArray<Member> = full("c", 3, "c1").map((m) => ({ ...m, tenantId: T2 as Member["tenantId"] }))

export const organizer = actor("o1", ["higherOrganizer", "county"])
export const secretary1 = actor("m1", ["branchSecretary", "b1"])
export const secretary2 = actor("n1", ["branchSecretary", "b2"])
export const otherOrganizer = actor("x1", ["higherOrganizer", "county2"])
export const viewer = actor("v1", ["countyViewer", "county"])

export const ctxFor = (who: Actor, now = NOW, tenantId = T1, profile: RuleProfile = nationalBaseline): CommandContext => ({
  tenantId: tenantId as TenantId,
  actor: who,
  now,
  profile,
  workdays: weekdayCalendar
})

/** China noon on a civil date, as a command's `now`. */
export const noonOf = (date: string): Date => new Date(`${date}T04:00:00Z`)

const withoutVersion = <A extends { readonly version: number }>({ version: _v, ...rest }: A): Omit<A, "version"> => rest

/** Writes organizations and members of a tenant as the user "seed". */
export const seedTenant = (tenantId: string, organizations: ReadonlyArray<Organization>, files: ReadonlyArray<Member>) =>
  Effect.flatMap(Store, (store) =>
    store.write(
      tenantId,
      [...organizations.map((o) => createWrite(organizationKind, withoutVersion(o))), ...files.map((m) => createWrite(memberKind, withoutVersion(m)))],
      { actorId: "seed", at: NOW, action: "seed" }
    )
  )

/** Both counties, seeded. */
export const seed = Effect.zipRight(seedTenant(T1, tree, members), seedTenant(T2, otherTree, otherMembers))

/** Audit entries of a tenant written by anyone but the seed. */
export const commandAudit = (tenantId = T1) =>
  Effect.map(Effect.flatMap(Store, (store) => store.auditLog(tenantId)), (entries) => entries.filter((e) => e.actorId !== "seed"))

export const getMember = (id: string, tenantId = T1) => Effect.flatMap(Store, (store) => store.get(memberKind, tenantId, id))

/** The letter of a transfer as a command gives it. */
export const letter = (n: number) => ({ letterId: `L-${n}`, letterNumber: `教工委组转〔2026〕${n}号`, duesPaidThrough: "2026-08" })
