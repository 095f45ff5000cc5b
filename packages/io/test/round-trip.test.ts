import type { CommandContext } from "@zhibu/core"
import { type AnyRecordKind, attendanceKind, meetingKind, memberKind, Store, type StoredRecord } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { exportLedgerCsv, exportLedgersXlsx, importMeetings, importRoster } from "../src/index.js"
import { collect, ctx, run, seedMeetings, seedMembers, seedOrganizations, stores } from "./fixture.js"

const withoutVersion = ({ version: _v, ...rest }: StoredRecord & Record<string, unknown>) => rest

const records = (kind: AnyRecordKind) =>
  Effect.flatMap(Store, (store) => store.list(kind, "t1")).pipe(Effect.map((rs) => rs.map((r) => withoutVersion(r as never))))

/** Everything the roster and meeting imports write, without versions (a full export records each disclosure as a new version). */
const snapshot = Effect.all({ members: records(memberKind), meetings: records(meetingKind), attendance: records(attendanceKind) })

/** Exports from a seeded store in a format, then imports into an empty store (with the organizations) and reads both. */
const roundTrip = (format: "csv" | "xlsx", importer: CommandContext = ctx) =>
  Effect.gen(function* () {
    yield* seedOrganizations
    yield* seedMembers
    yield* seedMeetings
    const before = yield* snapshot
    const request = { organizationId: "c1", personalData: "full" as const }
    if (format === "csv") {
      return {
        before,
        roster: { bytes: yield* collect(exportLedgerCsv(ctx, "roster", request)) },
        meetings: {
          meetings: { bytes: yield* collect(exportLedgerCsv(ctx, "meetings", request)) },
          attendance: { bytes: yield* collect(exportLedgerCsv(ctx, "attendance", request)) },
          resolutions: { bytes: yield* collect(exportLedgerCsv(ctx, "resolutions", request)) }
        },
        importer
      }
    }
    return {
      before,
      roster: { bytes: yield* collect(exportLedgersXlsx(ctx, ["roster"], request)) },
      meetings: { meetings: { bytes: yield* collect(exportLedgersXlsx(ctx, ["meetings", "attendance", "resolutions"], request)) } },
      importer
    }
  })

describe.each(stores)("export then import on %s gives the same records back", (_name, layer) => {
  it.each(["csv", "xlsx"] as const)("%s: the roster and the meetings with their attendance and resolutions", async (format) => {
    const exported = await run(layer, roundTrip(format))
    const after = await run(
      layer,
      Effect.gen(function* () {
        yield* seedOrganizations
        const roster = yield* importRoster(ctx, exported.roster)
        const meetings = yield* importMeetings(ctx, exported.meetings)
        expect(roster).toMatchObject({ applied: true, rows: 6, imported: 6, recordsWritten: 6 })
        expect(meetings).toMatchObject({ applied: true, rows: 2, imported: 2, recordsWritten: 12 })
        return yield* snapshot
      })
    )
    expect(after.members).toEqual(exported.before.members)
    expect(after.meetings).toEqual(exported.before.meetings)
    expect(after.attendance).toEqual(exported.before.attendance)
    // The formula-like topic came back as typed, without the guard the export added.
    expect(after.meetings.find((m) => m.id === "b1-2026-05-theme")).toMatchObject({ topic: '=HYPERLINK("http://evil")学习党章', agenda: ["学习党章", "-讨论"] })
  })
})
