import type { CommandContext } from "@zhibu/core"
import { type AnyRecordKind, attendanceKind, meetingKind, memberKind, Store, type StoredRecord } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { exportLedgerCsv, exportLedgersXlsx, type ImportRejected, importMeetings, importRoster } from "../src/index.js"
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

describe("a masked export does not import back as data", () => {
  it("the default roster export carries masked ID numbers and phones, which the import refuses at those cells", async () => {
    const exported = await run(
      stores[0]![1],
      Effect.gen(function* () {
        yield* seedOrganizations
        yield* seedMembers
        return yield* collect(exportLedgerCsv(ctx, "roster", { organizationId: "c1" }))
      })
    )
    const outcome = await run(stores[0]![1], Effect.zipRight(seedOrganizations, Effect.either(importRoster(ctx, { bytes: exported }))))
    expect(Either.isLeft(outcome) && (outcome.left as ImportRejected).issues.map((i) => [i.row, i.column])).toEqual([2, 3, 4, 5, 6].map((row) => [row, "身份证号"]))
  })
})

describe("batchSize", () => {
  it("writes a large file in several atomic batches with content-derived ids; a second import writes nothing", async () => {
    const header = "人员编号,姓名,性别,出生日期,所在党组织编号,人员类别,入党申请日期"
    const bytes = new TextEncoder().encode([header, ...Array.from({ length: 25 }, (_, i) => `p-${100 + i},人员${i},女,1990-01-01,b1,教师,2026-01-05`)].join("\n"))
    const writing: Array<number> = []
    const [first, second, batches] = await run(
      stores[1]![1],
      Effect.gen(function* () {
        yield* seedOrganizations
        const first = yield* importRoster(ctx, { bytes }, { batchSize: 10, onProgress: (p) => writing.push(p.phase === "writing" ? p.recordsWritten : -1) })
        const second = yield* importRoster(ctx, { bytes }, { batchSize: 10 })
        const store = yield* Store
        return [first, second, (yield* store.list(memberKind, "t1")).length] as const
      })
    )
    expect(first).toMatchObject({ applied: true, imported: 25, recordsWritten: 25 })
    expect(second).toMatchObject({ applied: false, unchanged: 25, recordsWritten: 0 })
    expect(batches).toBe(25)
    // Three batches (10, 10, 5 records), each reported before it is written.
    expect(writing.filter((n) => n >= 0)).toEqual([0, 10, 20])
  })
})
