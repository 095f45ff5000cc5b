import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { memberService } from "../../src/member/member-service.js"
import type { EnterExistingMemberInput, RecordSanctionInput, RecordStepInput, RegisterApplicantInput } from "../../src/member/member-service-inputs.js"
import type { Store } from "../../src/store/port.js"
import { expectAnswerAlike } from "../support/visibility.js"
import { person } from "./fixtures.js"
import {
  activist,
  committeeMember,
  ctxFor,
  groupLeader,
  neighbourBranch,
  organizer,
  secretary,
  seed,
  seedRecords,
  selfOnly,
  snapshot
} from "./service-fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))

const designation = { memberId: "a1", expectedVersion: 1, record: { step: "candidateDesignation", date: "2027-06-01" } } satisfies RecordStepInput
const applicant = {
  id: "a2",
  organizationId: "b1",
  name: "新申请人",
  gender: "male",
  birthDate: "2000-01-01",
  category: "teacher",
  applicationDate: "2027-06-01"
} satisfies RegisterApplicantInput

/** Input as a JavaScript caller may send it: not checked by TypeScript, decoded by the service. */
const unchecked = (input: object) => input as RecordSanctionInput

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
        expect(error._tag).toBe("ZhibuNotFound")
      })
    )
  )

  it.effect("a malformed date is InvalidInput and nothing changes", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* failsUnchanged("a1", memberService.recordStep(ctxFor(secretary), { ...designation, record: { step: "candidateDesignation", date: "2027-02-30" } }))
        expect(error._tag).toBe("ZhibuInvalidInput")
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
        expect(error).toMatchObject({ _tag: "ZhibuConflict", expectedVersion: 1, actualVersion: 2 })
      })
    )
  )

  it.effect("a group leader may not record a step: Forbidden on a file of the group, NotFound on one outside it; nothing changes", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* seedRecords([], [person("g-m1", { partyGroupId: "g1" })])
        // The group leader reads the files of g1's members, so may see g-m1 but not act on it.
        expect((yield* failsUnchanged("g-m1", memberService.recordStep(ctxFor(groupLeader), { ...designation, memberId: "g-m1" })))._tag).toBe("ZhibuForbidden")
        // a1 is filed in b1 outside the group: to the group leader it does not exist.
        const invisible = yield* failsUnchanged("a1", memberService.recordStep(ctxFor(groupLeader), designation))
        const missing = yield* failsUnchanged("zz", memberService.recordStep(ctxFor(groupLeader), { ...designation, memberId: "zz" }))
        expect(invisible._tag).toBe("ZhibuNotFound")
        expectAnswerAlike(invisible, "a1", missing, "zz")
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
        } satisfies RecordStepInput
        const error = yield* failsUnchanged("a1", memberService.recordStep(ctxFor(secretary), approval))
        expect(error).toMatchObject({ _tag: "ZhibuForbidden", action: "member.recordApproval" })
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
        expect(error).toMatchObject({ _tag: "ZhibuStepRejected", ruleId: "member.activist.minimumCultivation", allowedFrom: "2027-06-01" })
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
        expect(yield* failsUnchanged("a1", introduce(["m1", "zz"]))).toMatchObject({ _tag: "ZhibuStepRejected", missing: "member zz" })
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
        expect(error).toMatchObject({ _tag: "ZhibuStepRejected", ruleId: "member.application.minimumAge", allowedFrom: "2027-06-02" })
      })
    )
  )

  it.effect("a malformed birth date is InvalidInput; an unknown organization is NotFound; a group leader is Forbidden in the group, NotFound at the branch", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        expect((yield* failsUnchanged("a2", memberService.registerApplicant(ctxFor(secretary), { ...applicant, birthDate: "2000-13-01" })))._tag).toBe("ZhibuInvalidInput")
        expect((yield* failsUnchanged("a2", memberService.registerApplicant(ctxFor(secretary), { ...applicant, organizationId: "b9" })))._tag).toBe("ZhibuNotFound")
        // The group leader holds a role in g1 and sees it, but may not register; b1, above g1, is not theirs to see.
        expect((yield* failsUnchanged("a2", memberService.registerApplicant(ctxFor(groupLeader), { ...applicant, organizationId: "g1" })))._tag).toBe("ZhibuForbidden")
        const invisible = yield* failsUnchanged("a2", memberService.registerApplicant(ctxFor(groupLeader), applicant))
        const missing = yield* failsUnchanged("a2", memberService.registerApplicant(ctxFor(groupLeader), { ...applicant, organizationId: "b9" }))
        expectAnswerAlike(invisible, "b1", missing, "b9")
      })
    )
  )

  it.effect("an existing id is a Conflict", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        expect((yield* failsUnchanged("a1", memberService.registerApplicant(ctxFor(secretary), { ...applicant, id: "a1" })))._tag).toBe("ZhibuConflict")
      })
    )
  )

  it.effect("enters a member who joined before records began: probationary, or full with 党龄 from convertedOn", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const veteran = { organizationId: "b1", name: "老党员", gender: "female", birthDate: "1970-05-01", category: "retired" } satisfies Partial<EnterExistingMemberInput>
        const p = yield* memberService.enterExistingMember(ctxFor(secretary), { ...veteran, id: "e1", joinedOn: "2026-09-01" })
        expect([p.stage, p.joinedOn, p.convertedOn]).toEqual(["probationary", "2026-09-01", null])
        const f = yield* memberService.enterExistingMember(ctxFor(secretary), { ...veteran, id: "e2", joinedOn: "1995-07-01", convertedOn: "1996-07-01" })
        expect(f.stage).toBe("full")
        const bad = yield* failsUnchanged("e3", memberService.enterExistingMember(ctxFor(secretary), { ...veteran, id: "e3", joinedOn: "1995-07-01", convertedOn: "1996-03-01" }))
        expect(bad._tag).toBe("ZhibuMemberRecordRejected")
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
        expect((yield* failsUnchanged("m5", memberService.changeStatus(ctx, { memberId: "m5", expectedVersion: 1, change: { status: "active", date: "2027-06-10", decidedBy: "支部大会" } })))._tag).toBe("ZhibuConflict")
        const removed = yield* memberService.changeStatus(ctx, { memberId: "m5", expectedVersion: 2, change: { status: "removed", date: "2027-06-10", decidedBy: "支部大会" } })
        const error = yield* failsUnchanged("m5", memberService.changeStatus(ctx, { memberId: "m5", expectedVersion: removed.version, change: { status: "active", date: "2027-06-11", decidedBy: "支部大会" } }))
        expect(error).toMatchObject({ _tag: "ZhibuStatusChangeRejected", ruleId: "member.status.restoration" })
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
        expect(error._tag).toBe("ZhibuForbidden")
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
        expect((yield* failsUnchanged("m4", memberService.recordSanction(ctxFor(secretary), unchecked({ memberId: "m4", expectedVersion: 2, sanction: { kind: "cell", from: "2027-01-01", decidedBy: "纪委" } }))))._tag).toBe(
          "ZhibuInvalidInput"
        )
      })
    )
  )

  it.effect("timeline: a justified flag decision silences the six-month signal; members read only their own file", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const evidence = { lastOrganizationalLifeOn: "2026-11-01" }
        const report = yield* memberService.timeline(ctxFor(secretary), { memberId: "m6", evidence })
        expect(report.signals.map((f) => f.ruleId)).toEqual(["member.lapse.sixMonths"])
        yield* memberService.recordFlagDecision(ctxFor(secretary), {
          memberId: "m6",
          expectedVersion: 1,
          decision: { ruleId: "member.lapse.sixMonths", date: "2027-06-15", decidedBy: "支委会", outcome: "justified", note: "长期病假" }
        })
        expect((yield* memberService.timeline(ctxFor(selfOnly("m6")), { memberId: "m6", evidence })).signals).toEqual([])
        // Another member's file is not there for m7: NotFound, exactly as for an id no one has.
        const invisible = yield* Effect.flip(memberService.timeline(ctxFor(selfOnly("m7")), { memberId: "m6" }))
        expect(invisible._tag).toBe("ZhibuNotFound")
        expectAnswerAlike(invisible, "m6", yield* Effect.flip(memberService.timeline(ctxFor(selfOnly("m7")), { memberId: "zz" })), "zz")
        const forActivist = yield* memberService.timeline(ctxFor(secretary), { memberId: "a1" })
        expect(forActivist.stage).toBe(activist.stage)
        expect(forActivist.items.map((i) => i.ruleId)).toContain("member.activist.minimumCultivation")
      })
    )
  )
})

describe("memberService reads: get, list, history", () => {
  it.effect("get reads a file, list pages a branch's files (a party group's by placement), history lists the file's changes", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* seedRecords([], [person("g-m1", { partyGroupId: "g1" })])
        expect(yield* memberService.get(ctxFor(secretary), { memberId: "a1" })).toMatchObject({ id: "a1", version: 1 })
        const page = yield* memberService.list(ctxFor(secretary), { organizationId: "b1", limit: 3 })
        expect(page.map((m) => m.id)).toEqual(["a1", "g-m1", "m1"])
        const next = yield* memberService.list(ctxFor(secretary), { organizationId: "b1", afterId: "m1", limit: 3 })
        expect(next.map((m) => m.id)).toEqual(["m2", "m3", "m4"])
        expect((yield* memberService.list(ctxFor(groupLeader), { organizationId: "g1" })).map((m) => m.id)).toEqual(["g-m1"])
        yield* memberService.recordStep(ctxFor(secretary), designation)
        const history = yield* memberService.history(ctxFor(secretary), { memberId: "a1" })
        expect(history.map((e) => [e.action, e.version])).toEqual([
          ["seed", 1],
          ["member.recordStep", 2]
        ])
      })
    )
  )

  it.effect("a committee member of b1 asking about a member of b2 gets NotFound from every method, exactly as for an id that does not exist", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* seedRecords([neighbourBranch.organization], [neighbourBranch.member])
        const ctx = ctxFor(committeeMember)
        const asks: ReadonlyArray<(memberId: string) => Effect.Effect<void, { readonly _tag: string }, Store>> = [
          (memberId: string) => Effect.asVoid(memberService.get(ctx, { memberId })),
          (memberId: string) => Effect.asVoid(memberService.history(ctx, { memberId })),
          (memberId: string) => Effect.asVoid(memberService.timeline(ctx, { memberId })),
          (memberId: string) => Effect.asVoid(memberService.recordStep(ctx, { ...designation, memberId })),
          (memberId: string) =>
            Effect.asVoid(memberService.changeStatus(ctx, { memberId, expectedVersion: 1, change: { status: "suspended", date: "2027-06-01", decidedBy: "支部大会" } }))
        ]
        for (const ask of asks) {
          const invisible = yield* failsUnchanged("n1", ask("n1"))
          const missing = yield* failsUnchanged("zz", ask("zz"))
          expect(invisible._tag).toBe("ZhibuNotFound")
          expectAnswerAlike(invisible, "n1", missing, "zz")
        }
        // b2 itself is as unknown to them as an organization that does not exist.
        const list = (organizationId: string) => Effect.flip(memberService.list(ctx, { organizationId }))
        expectAnswerAlike(yield* list("b2"), "b2", yield* list("b9"), "b9")
        // The organizer above both branches reads n1's file.
        expect((yield* memberService.get(ctxFor(organizer), { memberId: "n1" })).organizationId).toBe("b2")
      })
    )
  )
})
