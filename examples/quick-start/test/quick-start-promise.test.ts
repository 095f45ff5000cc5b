import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chinaWorkdays } from "@zhibu/calendar-cn"
import { createZhibu, InvalidInput, NotFound, StepRejected, ZhibuDisposed } from "@zhibu/core"
import { SqlStore } from "@zhibu/store-sql"
import { afterAll, describe, expect, it } from "vitest"
import { quickStartPromise } from "../src/quick-start-promise.js"

const NOW = new Date("2026-11-21T02:00:00Z")
const dir = mkdtempSync(join(tmpdir(), "zhibu-quick-start-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The rejection of a promise (fails the test when it resolves). */
const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise
  } catch (e) {
    return e
  }
  throw new Error("expected the promise to reject")
}

describe("the guide's quick start without Effect (createZhibu on SQLite)", () => {
  it("registers an applicant, catches a refusal as StepRejected with its rule id, and reports the findings", async () => {
    const { findings, applicant, refusal } = await quickStartPromise("sqlite::memory:", NOW)
    expect(applicant).toMatchObject({ id: "p-001", stage: "applicant", version: 1 })
    expect(refusal).toBeInstanceOf(StepRejected)
    expect(refusal).toMatchObject({ _tag: "ZhibuStepRejected", ruleId: "member.application.minimumAge" })
    const minimum = findings.find((f) => f.ruleId === "org.branch.minimumFullMembers")
    expect(minimum?.message.zh).toContain("规则 org.branch.minimumFullMembers")
  })

  it("on a SQLite file: what one instance wrote, the next reads after dispose(); NotFound and InvalidInput reject as themselves", async () => {
    const url = `sqlite:${join(dir, "party.sqlite")}`
    await quickStartPromise(url, NOW)
    const zhibu = createZhibu({ store: SqlStore.layerFromUrl(url, { migrate: "onStart" }), context: { tenantId: "county-1", workdays: chinaWorkdays } })
    const ctx = zhibu.context({ actor: { personId: "organizer-1", roles: [{ role: "higherOrganizer", organizationId: "committee-1" }] }, now: NOW })
    expect((await zhibu.member.get(ctx, { memberId: "p-001" })).name).toBe("王老师")
    expect((await zhibu.member.list(ctx, { organizationId: "branch-1" })).map((m) => m.id)).toEqual(["p-001"])
    const missing = await rejection(zhibu.member.get(ctx, { memberId: "p-002" }))
    expect(missing).toBeInstanceOf(NotFound)
    expect(missing).toMatchObject({ _tag: "ZhibuNotFound", id: "p-002" })
    const invalid = await rejection(zhibu.member.updateContact(ctx, { memberId: "p-001", expectedVersion: 1, phone: "12345" }))
    expect(invalid).toBeInstanceOf(InvalidInput)
    expect(invalid).toMatchObject({ _tag: "ZhibuInvalidInput", path: "phone" })
    await zhibu.dispose()
    expect(await rejection(zhibu.member.get(ctx, { memberId: "p-001" }))).toBeInstanceOf(ZhibuDisposed)
  })

  it("a database that cannot open: ready() rejects with the store's typed error", async () => {
    const zhibu = createZhibu({ store: SqlStore.layerFromUrl("sqlite:/nonexistent-dir/x/party.sqlite", { migrate: "onStart" }) })
    const error = await rejection(zhibu.ready())
    expect(error).toMatchObject({ _tag: expect.stringMatching(/^Zhibu/) })
    await zhibu.dispose()
  })
})
