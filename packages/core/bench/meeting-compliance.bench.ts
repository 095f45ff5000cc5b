import { MemoryStore } from "@zhibu/store-memory"
import { SqlStore } from "@zhibu/store-sql"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { afterAll, bench, describe } from "vitest"
import { civilDate } from "../src/calendar/civil-date.js"
import { weekdayCalendar } from "../src/calendar/workday-calendar.js"
import { attendanceKind, meetingKind } from "../src/meeting/kinds.js"
import { meetingService } from "../src/meeting/meeting-service.js"
import { yearPlan } from "../src/meeting/plan.js"
import { memberKind } from "../src/member/kinds.js"
import { nationalBaseline } from "../src/national-profile.js"
import { organizationKind } from "../src/org/kinds.js"
import type { Organization } from "../src/org/organization.js"
import type { CommandContext } from "../src/service/context.js"
import { createWrite, Store, type Write } from "../src/store/port.js"
import type { TenantId } from "../src/tenant/ids.js"
import { actor, org } from "../test/support/records.js"
import { BRANCHES, county } from "./county.js"

/**
 * Compliance of a whole county (66 branches, 1,518 members) for a year of organizational life: every
 * meeting of each branch's year plan recorded as held, with one attendance row per member due (about
 * 46,000 meeting and attendance rows), the 支委会 of March left out everywhere. The service reads the
 * held counts with one grouped aggregate (by organization × month × local kinds) plus the organization
 * list, in memory and on SQLite. Not a timed test: figures go to docs/benchmarks.md.
 */
const TENANT = "t1"
const { organizations: plain, members } = county()
const leadership = (b: string) => ({ secretaryId: `${b}-m1`, deputySecretaryIds: [], committeeMemberIds: [`${b}-m1`, `${b}-m2`, `${b}-m3`] })
const organizations: ReadonlyArray<Organization> = plain.map((o) => (o.kind === "branch" ? org(o.id, "branch", o.parentId, { leadership: leadership(o.id) }) : o))

const yearWrites = (): ReadonlyArray<Write> => {
  const writes: Array<Write> = []
  for (const branch of organizations.filter((o) => o.kind === "branch")) {
    const due = members.filter((m) => m.organizationId === branch.id && (m.stage === "full" || m.stage === "probationary")).map((m) => m.id)
    const plan = yearPlan({
      profile: nationalBaseline,
      year: 2026,
      branch,
      groups: [],
      fullMembersOn: () => 18,
      today: civilDate("2026-01-05"),
      workdays: weekdayCalendar,
      themeDay: { weekday: 5, week: 1 }
    })
    for (const [n, item] of plan.items.entries()) {
      if (item.type !== "meeting" || item.id === `${branch.id}/committee/2026-03`) continue
      const id = `${branch.id}-${n}`
      writes.push(
        createWrite(meetingKind, {
          tenantId: TENANT,
          id,
          organizationId: branch.id,
          branchId: branch.id,
          kinds: [item.meetingKind!],
          date: item.date,
          chairId: null,
          agenda: [],
          counts: { due: due.length, present: due.length, dueVoting: 0, presentVoting: 0 },
          resolutions: [],
          ...(item.speaker === "secretary" ? { lecturer: { name: "书记", isSecretary: true }, topic: "党课" } : {})
        } as never)
      )
      for (const [i, memberId] of due.entries()) {
        writes.push(
          createWrite(attendanceKind, {
            tenantId: TENANT,
            id: `${id}:${i + 1}`,
            meetingId: id,
            memberId,
            organizationId: branch.id,
            branchId: branch.id,
            date: item.date,
            status: i % 7 === 0 ? "absent" : "present",
            voting: true
          } as never)
        )
      }
    }
  }
  return writes
}

const seedWrites: ReadonlyArray<Write> = [
  ...organizations.map((o) => createWrite(organizationKind, { ...o, version: undefined } as never)),
  ...members.map((m) => createWrite(memberKind, { ...m, version: undefined } as never)),
  ...yearWrites()
]

const ctx: CommandContext = {
  tenantId: TENANT as TenantId,
  actor: actor("o1", ["higherOrganizer", "county"]),
  now: new Date("2027-01-05T02:00:00Z"),
  profile: nationalBaseline,
  workdays: weekdayCalendar
}

const targets: ReadonlyArray<[string, Layer.Layer<Store, unknown>]> = [
  ["memory", MemoryStore.layer()],
  ["SQLite in memory", SqlStore.layerFromUrl("sqlite::memory:", { migrate: "onStart" })]
]

for (const [name, layer] of targets) {
  const runtime = ManagedRuntime.make(layer)
  afterAll(() => runtime.dispose())
  const ready = runtime.runPromise(
    Effect.gen(function* () {
      const store = yield* Store
      for (let i = 0; i < seedWrites.length; i += 5_000) {
        yield* store.write(TENANT, seedWrites.slice(i, i + 5_000), { actorId: "seed", at: ctx.now, action: "seed" })
      }
    })
  )

  describe(`${name}: compliance of a county of ${BRANCHES} branches for 2026 (${seedWrites.length - organizations.length - members.length} meeting and attendance rows)`, () => {
    bench(
      "the whole county, year view (one grouped aggregate)",
      async () => {
        await ready
        const report = await runtime.runPromise(meetingService.compliance(ctx, { organizationId: "county", view: "year", on: "2026-06-01" }))
        if (report.findings.length !== BRANCHES) throw new Error(`expected one gap per branch, got ${report.findings.length}`)
      },
      { time: 3_000 }
    )
    bench(
      "one branch, quarter view",
      async () => {
        await ready
        await runtime.runPromise(meetingService.compliance(ctx, { organizationId: "b1", view: "quarter", on: "2026-03-01" }))
      },
      { time: 2_000 }
    )
    bench(
      "attendance ratios of one branch for the year (1 aggregate)",
      async () => {
        await ready
        await runtime.runPromise(meetingService.participation(ctx, { organizationId: "b1", from: "2026-01-01", to: "2026-12-31" }))
      },
      { time: 2_000 }
    )
  })
}
