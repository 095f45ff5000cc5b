import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { weekdayCalendar } from "../../src/calendar/workday-calendar.js"
import { memberKind } from "../../src/member/kinds.js"
import type { Member } from "../../src/member/member.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { organizationKind } from "../../src/org/kinds.js"
import type { Organization } from "../../src/org/organization.js"
import type { CommandContext } from "../../src/service/context.js"
import { createWrite, Store } from "../../src/store/port.js"
import type { TenantId } from "../../src/tenant/ids.js"
import { mobileAttachmentKind } from "../../src/transfer/kinds.js"
import type { MobileAttachment } from "../../src/transfer/mobile.js"
import { actor, member, schoolTree, TENANT } from "../support/records.js"

/** Shared fixtures of the dues, study and evaluation service tests: the school tree and a few members. */

export { TENANT }

/** 2026-11-20 10:00 in China. */
export const NOW = new Date("2026-11-20T02:00:00Z")

export const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))

export const secretary = actor("s1", ["branchSecretary", "b1"])
export const committee = actor("c1", ["committeeMember", "b1"])
export const organizer = actor("o1", ["higherOrganizer", "school"])
export const countyViewer = actor("v1", ["countyViewer", "county"])
export const otherSecretary = actor("s2", ["branchSecretary", "b2"])
export const self = (id: string) => actor(id, ["member", "b1"])

export const ctxFor = (who: CommandContext["actor"], now = NOW, profile = nationalBaseline): CommandContext => ({
  tenantId: TENANT as TenantId,
  actor: who,
  now,
  profile,
  workdays: weekdayCalendar
})

/** m1, m2, m3 full members of b1; n1 of b2; p1 admitted by the branch meeting of 2026-03-15 (probationary); a1 an applicant. */
export const members: ReadonlyArray<Member> = [
  member("m1", "b1"),
  member("m2", "b1"),
  member("m3", "b1"),
  member("n1", "b2"),
  member("p1", "b1", { stage: "probationary", joinedOn: null, convertedOn: null, steps: [{ step: "admissionMeeting", date: "2026-03-15" }] }),
  member("a1", "b1", { stage: "applicant", joinedOn: null, convertedOn: null })
]

const withoutVersion = <A extends { readonly version: number }>({ version: _v, ...rest }: A): Omit<A, "version"> => rest

export const seedWith = (organizations: ReadonlyArray<Organization>, people: ReadonlyArray<Member>) =>
  Effect.flatMap(Store, (store) =>
    store.write(
      TENANT,
      [...organizations.map((o) => createWrite(organizationKind, withoutVersion(o))), ...people.map((m) => createWrite(memberKind, withoutVersion(m)))],
      { actorId: "seed", at: NOW, action: "seed" }
    )
  )

export const seed = seedWith(schoolTree, members)

/** Every stored record of the kinds and the audit entries written by anyone but the seed. */
export const snapshotOf = (kinds: ReadonlyArray<Parameters<Store["Type"]["list"]>[0]>) =>
  Effect.gen(function* () {
    const store = yield* Store
    const records = yield* Effect.forEach(kinds, (k) => store.list(k, TENANT))
    const audit = (yield* store.auditLog(TENANT)).filter((e) => e.actorId !== "seed")
    return { records, audit }
  })

/** Runs a command that must fail and checks that nothing stored changed; returns the error. */
export const failsUnchanged = <E>(kinds: ReadonlyArray<Parameters<Store["Type"]["list"]>[0]>, command: Effect.Effect<unknown, E, Store>) =>
  Effect.gen(function* () {
    const before = yield* snapshotOf(kinds)
    const error = yield* Effect.flip(command)
    const after = yield* snapshotOf(kinds)
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error("a refused command changed the store")
    return error
  })

/** Stores a mobile member's attachment from home branch b1 to host b2 (流动党员登记), as the seed writes records. */
export const attachToB2 = (a: { readonly memberId: string; readonly from: string; readonly until: string | null; readonly reason: string }) =>
  Effect.flatMap(Store, (store) =>
    store.write(
      TENANT,
      [
        createWrite(mobileAttachmentKind, {
          tenantId: TENANT,
          id: `att-${a.memberId}`,
          memberId: a.memberId,
          homeOrganizationId: "b1",
          host: { organizationId: "b2", name: "组织 b2", tenantId: null },
          leftOn: a.from,
          from: a.from,
          until: a.until,
          reason: a.reason
        } as unknown as Omit<MobileAttachment, "version">)
      ],
      { actorId: "seed", at: NOW, action: "seed" }
    )
  )
