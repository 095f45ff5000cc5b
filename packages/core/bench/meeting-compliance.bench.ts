import { MemoryStore } from "@zhibu/store-memory"
import { SqlStore } from "@zhibu/store-sql"
import { generateMeetings, planWorld, seedStore } from "@zhibu/testing"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { afterAll, bench, describe } from "vitest"
import { Actor } from "../src/auth/actor.js"
import { weekdayCalendar } from "../src/calendar/workday-calendar.js"
import { attendanceKind, meetingKind } from "../src/meeting/kinds.js"
import { meetingService } from "../src/meeting/meeting-service.js"
import { nationalBaseline } from "../src/national-profile.js"
import type { CommandContext } from "../src/service/context.js"
import { createWrite, Store, type Write } from "../src/store/port.js"
import type { TenantId } from "../src/tenant/ids.js"
import * as Schema from "effect/Schema"

/**
 * Compliance of a whole county for a year of organizational life: `@zhibu/testing`'s county of seed 3
 * with its year of meetings and attendance (`generateMeetings`: every meeting of each branch's year
 * plan recorded through `checkMeeting`, a few left out on purpose). The service reads the held counts
 * with one grouped aggregate plus the organization list, in memory and on SQLite; its findings are
 * exactly the meetings left out. Not a timed test: figures go to docs/benchmarks.md.
 */
const plan = planWorld({ scale: "county", seed: 3, year: 2025 })
const year = [...generateMeetings(plan)]
const missed = year.reduce((n, b) => n + b.missed.length, 0)
const meetingWrites: ReadonlyArray<Write> = year.flatMap((b) => [
  ...b.meetings.map((m) => createWrite(meetingKind, m as never)),
  ...b.attendance.map((a) => createWrite(attendanceKind, a as never))
])
const rows = meetingWrites.length
const firstBranch = year[0]!.plan.id

const ctx: CommandContext = {
  tenantId: plan.tenantId as TenantId,
  actor: Schema.decodeSync(Actor)({ personId: "p-organizer", roles: [{ role: "higherOrganizer", organizationId: "county" }] }),
  now: new Date("2026-01-05T02:00:00Z"),
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
      yield* seedStore(
        { tenantId: plan.tenantId, organizations: [...plan.committees, ...year.flatMap((b) => b.organizations)], members: year.flatMap((b) => b.members) },
        { batchSize: 5_000 }
      )
      for (let i = 0; i < meetingWrites.length; i += 5_000) {
        yield* store.importBatch(plan.tenantId, `meetings:${i}`, meetingWrites.slice(i, i + 5_000), { actorId: "seed", at: ctx.now, action: "seed" })
      }
    })
  )

  describe(`${name}: compliance of the generated county (${year.length} branches) for 2025 (${rows} meeting and attendance rows)`, () => {
    bench(
      "the whole county, year view (one grouped aggregate)",
      async () => {
        await ready
        const report = await runtime.runPromise(meetingService.compliance(ctx, { organizationId: "county", view: "year", on: "2025-06-01" }))
        if (report.findings.length !== missed) throw new Error(`expected a gap per meeting left out (${missed}), got ${report.findings.length}`)
      },
      { time: 3_000 }
    )
    bench(
      "one branch, quarter view",
      async () => {
        await ready
        await runtime.runPromise(meetingService.compliance(ctx, { organizationId: firstBranch, view: "quarter", on: "2025-03-01" }))
      },
      { time: 2_000 }
    )
    bench(
      "attendance ratios of one branch for the year (1 aggregate)",
      async () => {
        await ready
        await runtime.runPromise(meetingService.participation(ctx, { organizationId: firstBranch, from: "2025-01-01", to: "2025-12-31" }))
      },
      { time: 2_000 }
    )
  })
}
