import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { civilDate } from "../../src/calendar/civil-date.js"
import { meetingService } from "../../src/meeting/meeting-service.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { type LeadershipRecord, leadershipRecordKind, leadershipRecordOf } from "../../src/org/history-leadership.js"
import type { Organization } from "../../src/org/organization.js"
import { complianceOf } from "../../src/report/compliance-units.js"
import { createWrite, Store } from "../../src/store/port.js"
import type { TenantId } from "../../src/tenant/ids.js"
import { ctxFor, members, NOW, organizer, run, seedWith, TENANT, tree } from "../meeting/fixtures.js"

/**
 * b2 (4 full members) elected a committee on 2026-05-15. Reports (dashboards, the annual summary,
 * reminders, inspection) judge it as `meetingService.compliance` does: from the leadership history,
 * not from today's committee fields (rules meeting.committee.monthly, org.branchCommittee.size).
 */
const JULY = new Date("2026-07-02T02:00:00Z")
const b2 = tree.find((o) => o.id === "b2")!
const committee = { secretaryId: "n1", deputySecretaryIds: [], committeeMemberIds: ["n1", "n2", "n3"] } as unknown as Organization["leadership"]
const b2Elected: Organization = { ...b2, leadership: committee }
const election = { ...leadershipRecordOf(b2, { leadership: committee, version: 2 }, civilDate("2026-05-15"), "election"), version: 1 } as LeadershipRecord
const organizations = tree.map((o) => (o.id === "b2" ? b2Elected : o))

const seeded = (history: ReadonlyArray<LeadershipRecord>) =>
  Effect.gen(function* () {
    yield* seedWith(organizations, members)
    if (history.length === 0) return
    const store = yield* Store
    yield* store.write(TENANT, history.map(({ version: _v, ...r }) => createWrite(leadershipRecordKind, r)), { actorId: "seed", at: NOW, action: "seed" })
  })

const options = { profile: nationalBaseline, from: civilDate("2026-04-01"), to: civilDate("2026-06-30"), asOf: civilDate("2026-07-02") }

const statesOf = (obligations: ReadonlyArray<{ readonly kind: string; readonly periods: ReadonlyArray<{ readonly period: { readonly label: string }; readonly state: string }> }>) =>
  obligations.find((o) => o.kind === "committee")!.periods.map((p) => [p.period.label, p.state])

const both = (history: ReadonlyArray<LeadershipRecord>) =>
  Effect.gen(function* () {
    yield* seeded(history)
    const service = yield* meetingService.compliance(ctxFor(organizer, nationalBaseline, JULY), { organizationId: "b2", view: "quarter", on: "2026-05-01" })
    const report = yield* complianceOf(TENANT as TenantId, [b2Elected], members, options)
    return { service: statesOf(service.branches[0]!.obligations), report: statesOf(report[0]!.obligations) }
  })

describe("report compliance reads the leadership history (meeting.committee.monthly, org.branchCommittee.size)", () => {
  it.effect("a committee elected on 2026-05-15: no 支委会 owed in April, owed from May, as meetingService.compliance judges it", () =>
    run(
      Effect.gen(function* () {
        const { service, report } = yield* both([election])
        expect(report).toEqual([
          ["2026-04", "notRequired"],
          ["2026-05", "gap"],
          ["2026-06", "gap"]
        ])
        expect(report).toEqual(service)
      })
    )
  )

  it.effect("without a history, today's committee is taken for every month, in the report as in the service", () =>
    run(
      Effect.gen(function* () {
        const { service, report } = yield* both([])
        expect(report.map(([, s]) => s)).toEqual(["gap", "gap", "gap"])
        expect(report).toEqual(service)
      })
    )
  )
})
