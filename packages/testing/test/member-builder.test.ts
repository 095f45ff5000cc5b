import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { aMember, MemberBuilderError } from "../src/index.js"
import { type CivilDate, fileState, Member, nationalBaseline, timeline } from "./support/core.js"
import { replayRefusal } from "./support/replay.js"

const dateOf = (m: Member, step: string) => m.steps.find((s) => s.step === step)?.date
const stageOn = (m: Member, on: string) => fileState(m, nationalBaseline, on as CivilDate).stage

describe("aMember", () => {
  it("an applicant: the application and the talk within the month", () => {
    const m = aMember().appliedOn("2025-03-15").build()
    expect(m.stage).toBe("applicant")
    expect(m.steps.map((s) => s.step)).toEqual(["application", "applicationTalk"])
    expect(dateOf(m, "applicationTalk")! <= "2025-04-15").toBe(true)
  })

  it("an applicant still waiting for the talk", () => {
    const m = aMember().appliedOn("2025-03-15").stopBefore("applicationTalk").build()
    expect(m.steps.map((s) => s.step)).toEqual(["application"])
    expect(timeline(m, nationalBaseline, "2025-04-01" as CivilDate).items.map((i) => i.step)).toEqual(["applicationTalk"])
  })

  it("an activist since 2025-03-15", () => {
    const m = aMember().activistSince("2025-03-15").build()
    expect(m.stage).toBe("activist")
    expect(dateOf(m, "activistDesignation")).toBe("2025-03-15")
    expect(stageOn(m, "2025-03-14")).toBe("applicant")
    expect(stageOn(m, "2025-03-15")).toBe("activist")
  })

  it("an activist kept up to date: half-yearly assessments until asOf, nothing overdue", () => {
    const m = aMember().activistSince("2025-03-15").asOf("2026-12-31").build()
    expect(m.steps.filter((s) => s.step === "activistAssessment").map((s) => s.date)).toEqual(["2025-09-15", "2026-03-15", "2026-09-15"])
    expect(timeline(m, nationalBaseline, "2026-12-31" as CivilDate).findings.filter((f) => f.severity !== "reminder")).toEqual([])
  })

  it("a candidate (发展对象) under the 2014 rules: designated a year after becoming an activist", () => {
    const m = aMember().candidateSince("2025-09-01").build()
    expect(m.stage).toBe("candidate")
    expect(dateOf(m, "candidateDesignation")).toBe("2025-09-01")
    expect(dateOf(m, "activistDesignation")! <= "2024-09-01").toBe(true)
    expect(stageOn(m, "2025-08-31")).toBe("activist")
  })

  it("a candidate under the 2026 rules: consent, then a 公示 of 5 working days that ends on the day asked", () => {
    const m = aMember().candidateSince("2026-09-15").build()
    const approval = m.steps.find((s) => s.step === "candidateApproval")!
    expect(approval.decision?.outcome).toBe("approved")
    expect(approval.publicity?.to).toBe("2026-09-15")
    expect(approval.publicity!.from >= approval.date).toBe(true)
    expect(stageOn(m, "2026-09-14")).toBe("activist")
    expect(stageOn(m, "2026-09-15")).toBe("candidate")
  })

  it("a probationary member admitted on 2025-06-30: probation from the meeting, approved within three months", () => {
    const m = aMember().probationaryAdmittedOn("2025-06-30").build()
    expect(m.stage).toBe("probationary")
    expect(dateOf(m, "admissionMeeting")).toBe("2025-06-30")
    expect(dateOf(m, "admissionApproval")! <= "2025-09-30").toBe(true)
    expect(fileState(m, nationalBaseline).probationEnd).toBe("2026-06-30")
    expect(m.steps.at(-1)!.step).toBe("oath")
  })

  it("a full member converted on 2025-06-30, the whole file of 25 steps", () => {
    const m = aMember({ id: "p-wang" }).fullMember({ convertedOn: "2025-06-30" }).build()
    expect(m.stage).toBe("full")
    expect(fileState(m, nationalBaseline).conversionOn).toBe("2025-06-30")
    expect(new Set(m.steps.map((s) => s.step)).size).toBe(25)
    expect(m.steps.at(-1)!.step).toBe("archived")
  })

  it("a member entered without a file", () => {
    const m = aMember().existingMember({ joinedOn: "2001-07-01" }).build()
    expect([m.stage, m.joinedOn, m.convertedOn, m.steps]).toEqual(["full", "2001-07-01", "2002-07-01", []])
    expect(aMember().existingMember({ joinedOn: "2025-07-01", convertedOn: null }).build().stage).toBe("probationary")
  })

  it("respects every date it is given and fills the rest", () => {
    const m = aMember().activistSince("2024-05-01").probationaryAdmittedOn("2025-09-30", { approvedOn: "2025-10-20" }).build()
    expect([dateOf(m, "activistDesignation"), dateOf(m, "admissionMeeting"), dateOf(m, "admissionApproval")]).toEqual(["2024-05-01", "2025-09-30", "2025-10-20"])
    expect(dateOf(m, "candidateDesignation")! >= "2025-05-01").toBe(true)
  })

  it("names the full members it needs, and returns them", () => {
    const { member, people } = aMember({ id: "a1" }).candidateSince("2025-09-01").through("introducersAssigned").buildFile()
    expect(people.map((p) => [p.id, p.stage])).toEqual([["a1-p1", "full"], ["a1-p2", "full"]])
    expect(member.steps.find((s) => s.step === "introducersAssigned")!.people).toEqual(["a1-p1", "a1-p2"])
    expect(replayRefusal(member, people, "2026-12-31" as CivilDate)).toBeUndefined()
  })

  it("files are valid records, and core accepts each step again", () => {
    for (const builder of [
      aMember().appliedOn("2025-03-15"),
      aMember().activistSince("2025-03-15").asOf("2026-06-01"),
      aMember().candidateSince("2026-05-20"),
      aMember().probationaryAdmittedOn("2026-08-31").asOf("2027-08-01"),
      aMember().fullMember({ convertedOn: "2028-03-31" })
    ]) {
      const { member, people } = builder.buildFile()
      expect(Schema.decodeUnknownEither(Member)(Schema.encodeSync(Member)(member))._tag).toBe("Right")
      expect(replayRefusal(member, people, "2030-12-31" as CivilDate)).toBeUndefined()
    }
  })

  it("refuses a file the rules refuse, quoting the rule", () => {
    const result = aMember({ birthDate: "2010-01-01" }).appliedOn("2025-03-15").tryBuildFile()
    expect(Either.isLeft(result)).toBe(true)
    const error = Either.getLeft(result).pipe((o) => (o._tag === "Some" ? o.value : undefined))!
    expect(error).toBeInstanceOf(MemberBuilderError)
    expect(error.refusal?.ruleId).toBe("member.application.minimumAge")
    expect(() => aMember().activistSince("2025-03-15").asOf("2025-01-01").build()).toThrow(MemberBuilderError)
    expect(() => aMember().fullMember({ convertedOn: "2024-02-29" }).build()).toThrow(/29 February/)
    expect(() => aMember().build()).toThrow(/give a date/)
  })

  it("is immutable: a base builder can be reused", () => {
    const base = aMember({ organizationId: "b1" })
    const one = base.withId("x1").appliedOn("2025-01-10").build()
    const two = base.withId("x2").activistSince("2025-01-10").build()
    expect([one.id, one.stage, two.id, two.stage]).toEqual(["x1", "applicant", "x2", "activist"])
  })
})
