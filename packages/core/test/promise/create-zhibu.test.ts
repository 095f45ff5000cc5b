import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Runtime from "effect/Runtime"
import { weekdayCalendar } from "../../src/calendar/workday-calendar.js"
import { StepRejected } from "../../src/member/errors.js"
import { memberService } from "../../src/member/member-service.js"
import { maskIdNumber, withIdCheckCharacter } from "../../src/member/personal-data.js"
import { createZhibu, ZhibuDisposed } from "../../src/promise/create-zhibu.js"
import { promisifyService, type RejectionOf } from "../../src/promise/promisify.js"
import { InvalidInput } from "../../src/service/errors.js"
import { serviceMethod } from "../../src/service/method.js"
import { NotFound, StoreUnavailable } from "../../src/store/errors.js"
import { Store } from "../../src/store/port.js"
import * as Schema from "effect/Schema"
import { organizationKind } from "../../src/org/kinds.js"

const NOW = new Date("2026-11-21T02:00:00Z")
const organizer = { personId: "organizer-1", roles: [{ role: "higherOrganizer", organizationId: "committee-1" }] }

const newZhibu = () => createZhibu({ store: MemoryStore.layer(), context: { tenantId: "county-1", workdays: weekdayCalendar } })

/** The county committee and one school branch, created through the Promise API. */
const setUp = async (zhibu: ReturnType<typeof newZhibu>) => {
  const ctx = zhibu.context({ actor: organizer, now: NOW })
  await zhibu.organization.create(ctx, {
    id: "committee-1", kind: "committee", name: "县委教育工委", parentId: null, units: ["县教育局"],
    basis: "other", canApproveAdmissions: true, foundedOn: "2019-06-01"
  })
  await zhibu.organization.create(ctx, {
    id: "branch-1", kind: "branch", name: "实验小学党支部", parentId: "committee-1", units: ["实验小学"], basis: "school", foundedOn: "2020-09-01"
  })
  return ctx
}

const applicant = {
  id: "p-001", organizationId: "branch-1", name: "王老师", gender: "female", birthDate: "1996-03-02", category: "teacher", applicationDate: "2026-11-20"
} as const

/** The rejection of a promise (fails the test when it resolves). */
const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise
  } catch (e) {
    return e
  }
  throw new Error("expected the promise to reject")
}

describe("createZhibu (memory store): every service as async functions", () => {
  it("success values are the services' typed results", async () => {
    const zhibu = newZhibu()
    const ctx = await setUp(zhibu)
    const id = withIdCheckCharacter("11010519960302123")
    const registered = await zhibu.member.registerApplicant(ctx, { ...applicant, idNumber: id })
    expect(registered).toMatchObject({ id: "p-001", stage: "applicant", version: 1, idNumber: maskIdNumber(id) })
    const findings = await zhibu.organization.findings(ctx, { organizationId: "branch-1" })
    expect(findings.map((f) => f.ruleId)).toContain("org.branch.minimumFullMembers")
    const summary = await zhibu.report.membershipSummary(ctx, { organizationId: "committee-1" })
    expect(summary.totals.activeByStage.applicant).toBe(1)
    const full = await zhibu.member.get(ctx, { memberId: "p-001", personalData: "full" })
    expect(full.idNumber).toBe(id)
    await zhibu.dispose()
  })

  it("a rule refusal rejects with the typed error itself: _tag, instanceof and the rule id work", async () => {
    const zhibu = newZhibu()
    const ctx = await setUp(zhibu)
    const error = await rejection(zhibu.member.registerApplicant(ctx, { ...applicant, birthDate: "2009-11-22" }))
    expect(Runtime.isFiberFailure(error)).toBe(false)
    expect(error).toBeInstanceOf(StepRejected)
    expect(error).toMatchObject({ _tag: "ZhibuStepRejected", ruleId: "member.application.minimumAge" })
    // the type of what it rejects with, for a catch
    const typed = error as RejectionOf<typeof zhibu.member.registerApplicant>
    expect(typed._tag === "ZhibuStepRejected" ? typed.ruleId : undefined).toBe("member.application.minimumAge")
    await zhibu.dispose()
  })

  it("NotFound, InvalidInput and Forbidden reject as themselves", async () => {
    const zhibu = newZhibu()
    const ctx = await setUp(zhibu)
    const missing = await rejection(zhibu.member.get(ctx, { memberId: "nobody" }))
    expect(missing).toBeInstanceOf(NotFound)
    expect(missing).toMatchObject({ _tag: "ZhibuNotFound", id: "nobody" })
    const invalid = await rejection(zhibu.member.registerApplicant(ctx, { ...applicant, birthDate: "1996-13-02" }))
    expect(invalid).toBeInstanceOf(InvalidInput)
    expect(invalid).toMatchObject({ _tag: "ZhibuInvalidInput", path: "birthDate" })
    const viewer = zhibu.context({ actor: { personId: "v1", roles: [{ role: "countyViewer", organizationId: "committee-1" }] }, now: NOW })
    expect(await rejection(zhibu.organization.findings(viewer, { organizationId: "branch-1" }))).toMatchObject({ _tag: "ZhibuForbidden" })
    await zhibu.dispose()
  })

  it("a defect rejects with the defect itself, never a FiberFailure", async () => {
    const zhibu = newZhibu()
    const bug = new RangeError("a bug")
    expect(await rejection(zhibu.run(Effect.die(bug)))).toBe(bug)
    const ctx = await setUp(zhibu)
    const invalidNow = await rejection(zhibu.member.registerApplicant({ ...ctx, now: new Date(Number.NaN) }, applicant))
    expect(Runtime.isFiberFailure(invalidNow)).toBe(false)
    expect(invalidNow).toBeInstanceOf(Error)
    await zhibu.dispose()
  })

  it("context(): defaults merged with the call's values; a bad value throws InvalidInput naming it", () => {
    const zhibu = newZhibu()
    const ctx = zhibu.context({ actor: organizer, now: NOW })
    expect([ctx.tenantId, ctx.now, ctx.workdays, ctx.profile.id]).toEqual(["county-1", NOW, weekdayCalendar, expect.any(String)])
    expect(zhibu.context({ actor: organizer, now: NOW, tenantId: "county-2" }).tenantId).toBe("county-2")
    expect(() => zhibu.context({ actor: organizer, now: NOW, tenantId: "" })).toThrow(InvalidInput)
    const thrown = (() => {
      try {
        zhibu.context({ actor: { personId: "p 1", roles: [] }, now: NOW })
      } catch (e) {
        return e
      }
    })()
    expect(thrown).toMatchObject({ _tag: "ZhibuInvalidInput", path: "actor.personId" })
  })

  it("the store is built once per instance and shared by every call; dispose() closes it, later calls reject", async () => {
    const zhibu = newZhibu()
    const ctx = await setUp(zhibu)
    expect((await zhibu.organization.children(ctx, { organizationId: "committee-1" })).map((o) => o.id)).toEqual(["branch-1"])
    await zhibu.dispose()
    await zhibu.dispose() // idempotent
    expect(await rejection(zhibu.organization.get(ctx, { organizationId: "branch-1" }))).toBeInstanceOf(ZhibuDisposed)
    // a new instance has a new (empty) memory store
    const fresh = newZhibu()
    expect(await rejection(fresh.organization.get(fresh.context({ actor: organizer, now: NOW }), { organizationId: "branch-1" }))).toBeInstanceOf(NotFound)
    await fresh.dispose()
  })

  it("a store that cannot start: ready() and every call reject with its error", async () => {
    const down = new StoreUnavailable({ reason: "no database" })
    const zhibu = createZhibu({ store: Layer.fail(down), context: { tenantId: "county-1", workdays: weekdayCalendar } })
    expect(await rejection(zhibu.ready())).toBe(down)
    expect(await rejection(zhibu.member.get(zhibu.context({ actor: organizer, now: NOW }), { memberId: "p-001" }))).toBe(down)
    await zhibu.dispose()
  })
})

describe("promisifyService: any object of (ctx, input) => Effect methods", () => {
  it("an application's own service becomes async functions run on the instance's store", async () => {
    const zhibu = newZhibu()
    const ctx = await setUp(zhibu)
    const countOrganizations = serviceMethod("app.countOrganizations", Schema.Struct({}), (c) =>
      Effect.map(Effect.flatMap(Store, (store) => store.list(organizationKind, c.tenantId)), (all) => all.length)
    )
    const app = promisifyService(zhibu.run, { countOrganizations, member: memberService.get })
    expect(await app.countOrganizations(ctx, {})).toBe(2)
    expect(await rejection(app.member(ctx, { memberId: "x" }))).toBeInstanceOf(NotFound)
    await zhibu.dispose()
  })
})
