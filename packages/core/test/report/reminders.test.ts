import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { beforeAll, describe, expect, it } from "vitest"
import { addDays, civilDate } from "../../src/calendar/civil-date.js"
import { duesMonthKind } from "../../src/dues/kinds.js"
import type { Reminder } from "../../src/report/reminder.js"
import { reportService } from "../../src/report/report-service.js"
import { createWrite, Store, type StoreShape } from "../../src/store/port.js"
import { studyCreditKind } from "../../src/study/kinds.js"
import { fullMembers, path2026 } from "../member/fixtures.js"
import { ctxFor, organizer, seed, viewer } from "../org/service-fixtures.js"
import { org, TENANT } from "../support/records.js"
import { fileOf, shifted } from "./fixtures.js"

/**
 *   county ─ school ─┬─ b1 (m1 secretary; term from 2021-09-01: the reminder window opens 2026-03-01) ─ g1
 *                    └─ b2
 * b1: m1…m8 full; applicant x1 whose talk is due 2026-03-10. b2: p1, probationary until 2026-04-01.
 * m2 has left December, January and February unpaid; m5 has study credits, nobody else has.
 */
const leadership = { secretaryId: "m1", deputySecretaryIds: [], committeeMemberIds: ["m1", "m2", "m3"] }
const tree = [
  org("county", "committee", null),
  org("school", "committee", "county"),
  org("b1", "branch", "school", { term: { electedOn: "2021-09-01", years: 5 }, leadership }),
  org("b2", "branch", "school", { term: { electedOn: "2024-09-01", years: 5 } }),
  org("g1", "partyGroup", "b1")
]
const applicant = fileOf("x1", [{ step: "application", date: "2026-02-10" }, { step: "applicationTalk", date: "2026-02-20" }], "applicationTalk")
const probationary = fileOf("p1", shifted(path2026, -29), "conversionApplication", { organizationId: "b2" })
const members = [...fullMembers.slice(0, 8), applicant, probationary]

const duesMonth = (month: string, paid: number) =>
  Schema.decodeSync(duesMonthKind.schema)({
    tenantId: TENANT,
    id: `m2.${month}`,
    version: 1,
    memberId: "m2",
    organizationId: "b1",
    month,
    due: 1_000,
    paid,
    assessmentId: "m2.a",
    paymentId: null,
    paidOn: null
  })
const credit = Schema.decodeSync(studyCreditKind.schema)({
  tenantId: TENANT,
  id: "m5.c1",
  version: 1,
  memberId: "m5",
  organizationId: "b1",
  year: 2026,
  on: "2026-02-01",
  source: "training",
  sessionId: null,
  tenths: 200,
  centralized: false,
  title: "培训"
})

const strip = <A extends { readonly version: number }>({ version: _v, ...rest }: A) => rest

let store: StoreShape
beforeAll(async () => {
  store = await Effect.runPromise(
    Effect.gen(function* () {
      const s = yield* MemoryStore.make()
      yield* Effect.provideService(seed(tree, members), Store, s)
      const writes = [
        ...["2025-11", "2025-12", "2026-01", "2026-02"].map((m, i) => createWrite(duesMonthKind, strip(duesMonth(m, i === 0 ? 1_000 : 0)))),
        createWrite(studyCreditKind, strip(credit))
      ]
      yield* s.write(TENANT, writes, { actorId: "seed", at: new Date(0), action: "seed" })
      return s
    })
  )
}, 120_000)

/** The feed of the school for the days after `since` up to `today` (10:00 China time). */
const feed = (since: string, today: string): Promise<ReadonlyArray<Reminder>> =>
  Effect.runPromise(
    Effect.provideService(reportService.reminders(ctxFor(organizer, undefined, new Date(`${today}T02:00:00Z`)), { organizationId: "school", since }), Store, store)
  )

describe("reportService.reminders", () => {
  it("lists what to remind whom for each day since the last run, each citing its rule", async () => {
    const all = await feed("2026-02-28", "2026-04-05")
    const line = (r: Reminder) => [r.remindOn, r.kind, r.subject.id, r.ruleId]
    const kinds = all.map(line)
    expect(kinds).toContainEqual(["2026-03-01", "election", "b1", "org.term.reminderWindow"])
    expect(kinds).toContainEqual(["2026-03-01", "dues", "m2", "member.lapse.sixMonths"])
    expect(kinds).toContainEqual(["2026-03-02", "probation", "p1", "member.probation.length"])
    expect(kinds).toContainEqual(["2026-03-03", "step", "x1", "member.applicationTalk.deadline"])
    expect(kinds).toContainEqual(["2026-03-25", "meeting", "b1", "meeting.themeDay.monthly"])
    expect(kinds).toContainEqual(["2026-03-25", "meeting", "g1", "meeting.partyGroup.monthly"])
    expect(kinds).toContainEqual(["2026-04-01", "study", "m3", "study.leader.annualHours"])
    // m5's 20 学时 by March are ahead of a quarter of 32.
    expect(all.some((r) => r.kind === "study" && r.subject.id === "m5")).toBe(false)
    const dues = all.find((r) => r.kind === "dues")!
    expect(dues.to).toEqual([{ role: "secretary", organizationId: "b1", personId: "m1" }, { role: "member", personId: "m2" }])
    expect(dues.message.zh).toContain("规则 member.lapse.sixMonths")
    expect(dues.message.en).toContain("rule member.lapse.sixMonths")
    const group = all.find((r) => r.subject.id === "g1")!
    expect(group.to.map((t) => t.role === "secretary" && t.organizationId)).toEqual(["g1", "b1"])
    expect(all.every((r) => r.remindOn > "2026-02-28" && r.remindOn <= "2026-04-05")).toBe(true)
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length)
  })

  it("is idempotent: the same window twice gives the same reminders with the same ids; a window already covered gives none", async () => {
    expect(await feed("2026-02-28", "2026-04-05")).toEqual(await feed("2026-02-28", "2026-04-05"))
    expect(await feed("2026-04-05", "2026-04-05")).toEqual([])
    expect(await feed("2026-05-01", "2026-04-05")).toEqual([])
  })

  it("law: days left unattended are never missed — runs over consecutive windows give exactly the reminders of one run over them all", async () => {
    const start = civilDate("2026-02-20")
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: 59 }), { maxLength: 4 }), async (cuts) => {
        const days = [0, ...[...cuts].sort((a, b) => a - b), 60].map((n) => addDays(start, n))
        const whole = (await feed(days[0]!, days.at(-1)!)).map((r) => r.id)
        const parts: Array<string> = []
        for (let i = 1; i < days.length; i++) parts.push(...(await feed(days[i - 1]!, days[i]!)).map((r) => r.id))
        expect(parts.length).toBe(new Set(parts).size)
        expect([...parts].sort()).toEqual([...whole].sort())
      }),
      { numRuns: 15 }
    )
  }, 120_000)

  it("a county viewer, who sees aggregates only, is Forbidden", async () => {
    const refused = await Effect.runPromise(Effect.flip(Effect.provideService(reportService.reminders(ctxFor(viewer), { organizationId: "school", since: "2026-02-01" }), Store, store)))
    expect(refused).toMatchObject({ _tag: "ZhibuForbidden", action: "organization.read" })
  })
})
