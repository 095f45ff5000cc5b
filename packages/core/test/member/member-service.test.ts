import { describe, expect, it } from "@effect/vitest"
import { memoryStoreLayer } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { memberService } from "../../src/member/member-service.js"
import type { Store } from "../../src/store/port.js"
import { activist, committeeMember, ctxFor, groupLeader, organizer, secretary, seed, selfOnly, snapshot } from "./service-fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(memoryStoreLayer))

const designation = { memberId: "a1", expectedVersion: 1, record: { step: "candidateDesignation", date: "2027-06-01" } }
const applicant = { id: "a2", organizationId: "b1", name: "新申请人", gender: "male", birthDate: "2000-01-01", category: "teacher", applicationDate: "2027-06-01" }

/** Runs a failing command and checks that nothing stored changed. */
const failsUnchanged = <E extends { readonly _tag: string }>(memberId: string, command: Effect.Effect<unknown, E, Store>) =>
  Effect.gen(function* () {
    const before = yield* snapshot(memberId)
    const error = yield* Effect.flip(command)
    expect(yield* snapshot(memberId)).toEqual(before)
    return error
  })

describe("memberService.recordStep", () => {
  it.effect("records a step: the version goes up and the write is audited with the actor and action", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const updated = yield* memberService.recordStep(ctxFor(secretary), designation)
        expect([updated.version, updated.steps.at(-1)?.step, updated.stage]).toEqual([2, "candidateDesignation", "activist"])
        const { audit } = yield* snapshot("a1")
        expect(audit.map((e) => [e.actorId, e.action, e.recordId, e.version])).toEqual([["m1", "member.recordStep", "a1", 2]])
      })
    )
  )

  it.effect("an unknown member is NotFound and nothing changes", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* failsUnchanged("zz", memberService.recordStep(ctxFor(secretary), { ...designation, memberId: "zz" }))
        expect(error._tag).toBe("NotFound")
      })
    )
  )

  it.effect("a malformed date is InvalidInput and nothing changes", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* failsUnchanged("a1", memberService.recordStep(ctxFor(secretary), { ...designation, record: { step: "candidateDesignation", date: "2027-02-30" } }))
        expect(error._tag).toBe("InvalidInput")
      })
    )
  )

  it.effect("a stale version is a Conflict and nothing changes", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* memberService.recordStep(ctxFor(secretary), designation)
        const error = yield* failsUnchanged(
          "a1",
          memberService.recordStep(ctxFor(secretary), { memberId: "a1", expectedVersion: 1, record: { step: "activistAssessment", date: "2027-06-10" } })
        )
        expect(error).toMatchObject({ _tag: "Conflict", expectedVersion: 1, actualVersion: 2 })
      })
    )
  )

  it.effect("a group leader may not record a step: Forbidden, nothing changes", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        expect((yield* failsUnchanged("a1", memberService.recordStep(ctxFor(groupLeader), designation)))._tag).toBe("Forbidden")
      })
    )
  )

  it.effect("the higher committee's steps need member.recordApproval: the secretary is Forbidden, the organizer records it", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* memberService.recordStep(ctxFor(committeeMember), designation)
        const approval = {
          memberId: "a1",
          expectedVersion: 2,
          record: { step: "candidateApproval", date: "2027-06-07", decision: { decidedBy: "学校党委", outcome: "approved" }, publicity: { from: "2027-06-08", to: "2027-06-14" } }
        }
        const error = yield* failsUnchanged("a1", memberService.recordStep(ctxFor(secretary), approval))
        expect(error).toMatchObject({ _tag: "Forbidden", action: "member.recordApproval" })
        const approved = yield* memberService.recordStep(ctxFor(organizer), approval)
        expect(approved.stage).toBe("candidate")
        const { audit } = yield* snapshot("a1")
        expect(audit.at(-1)?.action).toBe("member.recordApproval")
      })
    )
  )

  it.effect("a rule refusal is a StepRejected citing the rule, and nothing changes", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* failsUnchanged("a1", memberService.recordStep(ctxFor(secretary), { ...designation, record: { step: "candidateDesignation", date: "2027-05-31" } }))
        expect(error).toMatchObject({ _tag: "StepRejected", ruleId: "member.activist.minimumCultivation", allowedFrom: "2027-06-01" })
      })
    )
  )

  it.effect("the people named are looked up: an unknown introducer is refused by the rule", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const ctx = ctxFor(organizer)
        yield* memberService.recordStep(ctx, designation)
        yield* memberService.recordStep(ctx, {
          memberId: "a1",
          expectedVersion: 2,
          record: { step: "candidateApproval", date: "2027-06-07", decision: { decidedBy: "学校党委", outcome: "approved" }, publicity: { from: "2027-06-08", to: "2027-06-14" } }
        })
        const introduce = (people: ReadonlyArray<string>) =>
          memberService.recordStep(ctx, { memberId: "a1", expectedVersion: 3, record: { step: "introducersAssigned", date: "2027-06-15", people } })
        expect(yield* failsUnchanged("a1", introduce(["m1", "zz"]))).toMatchObject({ _tag: "StepRejected", missing: "member zz" })
        expect((yield* introduce(["m1", "m2"])).steps.at(-1)?.people).toEqual(["m1", "m2"])
      })
    )
  )
})

describe("memberService.registerApplicant and enterExistingMember", () => {
  it.effect("registers an applicant with the application step (version 1, audited)", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const created = yield* memberService.registerApplicant(ctxFor(committeeMember), applicant)
        expect(created).toMatchObject({ id: "a2", version: 1, stage: "applicant", status: "active", tenantId: "t1" })
        expect(created.steps.map((s) => [s.step, s.date])).toEqual([["application", "2027-06-01"]])
        expect((yield* snapshot("a2")).audit.map((e) => e.action)).toEqual(["member.register"])
      })
    )
  )

  it.effect("member.application.minimumAge: an applicant of 17 is refused and nothing is written", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* failsUnchanged("a2", memberService.registerApplicant(ctxFor(secretary), { ...applicant, birthDate: "2009-06-02" }))
        expect(error).toMatchObject({ _tag: "StepRejected", ruleId: "member.application.minimumAge", allowedFrom: "2027-06-02" })
      })
    )
  )

  it.effect("a malformed birth date is InvalidInput; an unknown organization is NotFound; a group leader is Forbidden", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        expect((yield* failsUnchanged("a2", memberService.registerApplicant(ctxFor(secretary), { ...applicant, birthDate: "2000-13-01" })))._tag).toBe("InvalidInput")
        expect((yield* failsUnchanged("a2", memberService.registerApplicant(ctxFor(secretary), { ...applicant, organizationId: "b9" })))._tag).toBe("NotFound")
        expect((yield* failsUnchanged("a2", memberService.registerApplicant(ctxFor(groupLeader), applicant)))._tag).toBe("Forbidden")
      })
    )
  )

  it.effect("an existing id is a Conflict", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        expect((yield* failsUnchanged("a1", memberService.registerApplicant(ctxFor(secretary), { ...applicant, id: "a1" })))._tag).toBe("Conflict")
      })
    )
  )

  it.effect("enters a member who joined before records began: probationary, or full with 党龄 from convertedOn", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const person = { organizationId: "b1", name: "老党员", gender: "female", birthDate: "1970-05-01", category: "retired" }
        const p = yield* memberService.enterExistingMember(ctxFor(secretary), { ...person, id: "e1", joinedOn: "2026-09-01" })
        expect([p.stage, p.joinedOn, p.convertedOn]).toEqual(["probationary", "2026-09-01", null])
        const f = yield* memberService.enterExistingMember(ctxFor(secretary), { ...person, id: "e2", joinedOn: "1995-07-01", convertedOn: "1996-07-01" })
        expect(f.stage).toBe("full")
        const bad = yield* failsUnchanged("e3", memberService.enterExistingMember(ctxFor(secretary), { ...person, id: "e3", joinedOn: "1995-07-01", convertedOn: "1996-03-01" }))
        expect(bad._tag).toBe("MemberRecordRejected")
      })
    )
  )
})

describe("memberService status, sanctions, flag decisions and timeline", () => {
  it.effect("changeStatus suspends and restores; a stale version is a Conflict; a removed member cannot be restored", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const ctx = ctxFor(secretary)
        const suspended = yield* memberService.changeStatus(ctx, { memberId: "m5", expectedVersion: 1, change: { status: "suspended", date: "2027-06-01", decidedBy: "支部大会" } })
        expect([suspended.status, suspended.version]).toEqual(["suspended", 2])
        expect((yield* failsUnchanged("m5", memberService.changeStatus(ctx, { memberId: "m5", expectedVersion: 1, change: { status: "active", date: "2027-06-10", decidedBy: "支部大会" } })))._tag).toBe("Conflict")
        const removed = yield* memberService.changeStatus(ctx, { memberId: "m5", expectedVersion: 2, change: { status: "removed", date: "2027-06-10", decidedBy: "支部大会" } })
        const error = yield* failsUnchanged("m5", memberService.changeStatus(ctx, { memberId: "m5", expectedVersion: removed.version, change: { status: "active", date: "2027-06-11", decidedBy: "支部大会" } }))
        expect(error).toMatchObject({ _tag: "StatusChangeRejected", ruleId: "member.status.restoration" })
      })
    )
  )

  it.effect("a committee member may not change a status (member.recordStatus): Forbidden", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* failsUnchanged(
          "m5",
          memberService.changeStatus(ctxFor(committeeMember), { memberId: "m5", expectedVersion: 1, change: { status: "suspended", date: "2027-06-01", decidedBy: "支部大会" } })
        )
        expect(error._tag).toBe("Forbidden")
      })
    )
  )

  it.effect("recordSanction appends a sanction; an unknown kind is InvalidInput and nothing changes", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const sanctioned = yield* memberService.recordSanction(ctxFor(secretary), {
          memberId: "m4",
          expectedVersion: 1,
          sanction: { kind: "probationWithinParty", from: "2027-01-01", until: "2028-01-01", decidedBy: "纪委" }
        })
        expect(sanctioned.sanctions).toHaveLength(1)
        expect((yield* failsUnchanged("m4", memberService.recordSanction(ctxFor(secretary), { memberId: "m4", expectedVersion: 2, sanction: { kind: "cell", from: "2027-01-01", decidedBy: "纪委" } })))._tag).toBe(
          "InvalidInput"
        )
      })
    )
  )

  it.effect("memberTimeline: a justified flag decision silences the six-month signal; members read only their own file", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const evidence = { lastOrganizationalLifeOn: "2026-11-01" }
        const report = yield* memberService.memberTimeline(ctxFor(secretary), { memberId: "m6", evidence })
        expect(report.signals.map((f) => f.ruleId)).toEqual(["member.lapse.sixMonths"])
        yield* memberService.recordFlagDecision(ctxFor(secretary), {
          memberId: "m6",
          expectedVersion: 1,
          decision: { ruleId: "member.lapse.sixMonths", date: "2027-06-15", decidedBy: "支委会", outcome: "justified", note: "长期病假" }
        })
        expect((yield* memberService.memberTimeline(ctxFor(selfOnly("m6")), { memberId: "m6", evidence })).signals).toEqual([])
        expect((yield* Effect.flip(memberService.memberTimeline(ctxFor(selfOnly("m7")), { memberId: "m6" })))._tag).toBe("Forbidden")
        const forActivist = yield* memberService.memberTimeline(ctxFor(secretary), { memberId: "a1" })
        expect(forActivist.stage).toBe(activist.stage)
        expect(forActivist.items.map((i) => i.ruleId)).toContain("member.activist.minimumCultivation")
      })
    )
  )
})
