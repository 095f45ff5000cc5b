import { describe, expect, it } from "@effect/vitest"
import { civilDate, dayOfWeek } from "../../src/calendar/civil-date.js"
import type { WorkdayCalendar } from "../../src/calendar/workday-calendar.js"
import { recordStep } from "../../src/member/lifecycle.js"
import type { StepRecordInput } from "../../src/member/step.js"
import { expectAccepted, expectRejected } from "./assertions.js"
import { before, blank, ctx, fullMembers, path2014, path2026, person, recordOf, step, walk } from "./fixtures.js"

const T = "2030-12-31"

describe("member.application.minimumAge", () => {
  const minor = blank({ birthDate: "2008-05-12" })
  it("refuses an application the day before the 18th birthday, naming the birthday", () => {
    const error = expectRejected(recordStep(minor, step({ step: "application", date: "2026-05-11" }), ctx(T)), "member.application.minimumAge")
    expect(error.allowedFrom).toBe("2026-05-12")
    expect(error.text.zh).toContain("未满18周岁")
  })
  it("accepts it on the 18th birthday", () => {
    expect(expectAccepted(recordStep(minor, step({ step: "application", date: "2026-05-12" }), ctx(T))).stage).toBe("applicant")
  })
  it("a 29 February birthday is reached on 28 February in a common year", () => {
    const leap = blank({ birthDate: "2008-02-29" })
    expectRejected(recordStep(leap, step({ step: "application", date: "2026-02-27" }), ctx(T)), "member.application.minimumAge")
    expectAccepted(recordStep(leap, step({ step: "application", date: "2026-02-28" }), ctx(T)))
  })
})

describe("member.steps.order", () => {
  const applied = walk(before(path2026, "applicationTalk"))
  it("activistDesignation before the applicationTalk is refused, naming the talk", () => {
    const error = expectRejected(recordStep(applied, step({ step: "activistDesignation", date: "2026-05-20" }), ctx(T)), "member.steps.order")
    expect(error.missing).toBe("applicationTalk")
  })
  it("a date before the previous step is refused (the day before); the same day is accepted", () => {
    const error = expectRejected(recordStep(applied, step({ step: "applicationTalk", date: "2026-05-11" }), ctx(T)), "member.steps.order")
    expect(error.allowedFrom).toBe("2026-05-12")
    expectAccepted(recordStep(applied, step({ step: "applicationTalk", date: "2026-05-12" }), ctx(T)))
  })
  it("a date after today is refused; today is accepted", () => {
    const error = expectRejected(recordStep(applied, step({ step: "applicationTalk", date: "2026-05-21" }), ctx("2026-05-20")), "member.steps.order")
    expect(error.allowedUntil).toBe("2026-05-20")
    expectAccepted(recordStep(applied, step({ step: "applicationTalk", date: "2026-05-20" }), ctx("2026-05-20")))
  })
  it("only an active file takes steps", () => {
    const closed = { ...applied, status: "closed" as const }
    expect(expectRejected(recordStep(closed, step({ step: "applicationTalk", date: "2026-05-20" }), ctx(T)), "member.steps.order").missing).toBe("status active")
  })
  it("the candidate designation needs at least one activist assessment", () => {
    const contacts = walk(before(path2026, "activistAssessment"))
    expectRejected(recordStep(contacts, step({ step: "candidateDesignation", date: "2027-06-01" }), ctx(T)), "member.steps.order")
  })
  it("a file archived after conversion takes no further step", () => {
    expectRejected(recordStep(walk(path2026), step({ step: "probationAssessment", date: "2029-01-01" }), ctx(T)), "member.steps.order")
  })
})

describe("member.activist.contacts", () => {
  const filed = walk(before(path2026, "contactsAssigned"))
  const contacts = (people: ReadonlyArray<string>, extra = {}) =>
    recordStep(filed, step({ step: "contactsAssigned", date: "2026-06-05", people }), ctx(T, extra))
  it("accepts one or two full members", () => {
    expectAccepted(contacts(["m1"]))
    expectAccepted(contacts(["m1", "m2"]))
  })
  it("refuses none, three, or the same person twice", () => {
    expectRejected(contacts([]), "member.activist.contacts")
    expectRejected(contacts(["m1", "m2", "m3"]), "member.activist.contacts")
    expectRejected(contacts(["m1", "m1"]), "member.activist.contacts")
  })
  it("refuses a person not on file and a probationary member", () => {
    expect(expectRejected(contacts(["x9"]), "member.activist.contacts").missing).toBe("member x9")
    const probationary = person("p1", { stage: "probationary", convertedOn: null, joinedOn: "2026-01-10" })
    expectRejected(contacts(["p1"], { people: [...fullMembers, probationary] }), "member.activist.contacts")
  })
})

describe("member.activist.minimumCultivation", () => {
  const assessed = walk(before(path2026, "candidateDesignation"))
  it("refuses the candidate designation the day before one year as activist, naming the date", () => {
    const error = expectRejected(recordStep(assessed, step({ step: "candidateDesignation", date: "2027-05-31" }), ctx(T)), "member.activist.minimumCultivation")
    expect(error.allowedFrom).toBe("2027-06-01")
  })
  it("accepts it on the anniversary", () => {
    expectAccepted(recordStep(assessed, step({ step: "candidateDesignation", date: "2027-06-01" }), ctx(T)))
  })
})

describe("member.candidate.approval and member.candidate.publicity (2026: consent, then ≥5 working days of 公示)", () => {
  const designated = walk(before(path2026, "candidateApproval"))
  const approval = (over: Partial<StepRecordInput>, today = T, workdays?: WorkdayCalendar) =>
    recordStep(designated, recordOf(path2026, "candidateApproval", over), ctx(today, workdays === undefined ? {} : { workdays }))

  it("after the committee's designation the person is still an activist; the approved, posted step makes a candidate", () => {
    expect(designated.stage).toBe("activist")
    expect(expectAccepted(approval({})).stage).toBe("candidate")
  })
  it("refuses a 2026 approval with no decision of the higher committee", () => {
    expect(expectRejected(approval({ decision: undefined }), "member.candidate.approval").missing).toBe("decision")
  })
  it("refuses an approval with no 公示", () => {
    expect(expectRejected(approval({ publicity: undefined }), "member.candidate.publicity").missing).toBe("publicity")
  })
  it("4 working days (Tue–Fri) are refused, naming the day the 5th ends; 5 (Tue–Mon) are accepted", () => {
    const error = expectRejected(approval({ publicity: { from: "2027-06-08", to: "2027-06-11" } }), "member.candidate.publicity")
    expect(error.allowedFrom).toBe("2027-06-14")
    expectAccepted(approval({ publicity: { from: "2027-06-08", to: "2027-06-14" } }))
  })
  it("counts working days with the calendar passed in: a holiday on Monday leaves only 4", () => {
    const holiday: WorkdayCalendar = { isWorkday: (d) => dayOfWeek(d) <= 5 && d !== civilDate("2027-06-14") }
    expectRejected(approval({}, T, holiday), "member.candidate.publicity")
  })
  it("the 公示 starts after the consent: starting the day before it is refused", () => {
    expect(expectRejected(approval({ publicity: { from: "2027-06-06", to: "2027-06-14" } }), "member.candidate.publicity").allowedFrom).toBe("2027-06-07")
    expectAccepted(approval({ publicity: { from: "2027-06-07", to: "2027-06-14" } }))
  })
  it("a 公示 not yet finished is refused until its last day", () => {
    expect(expectRejected(approval({}, "2027-06-13"), "member.steps.order").allowedFrom).toBe("2027-06-14")
    expectAccepted(approval({}, "2027-06-14"))
  })
  it("the candidate is effective when the 公示 ends: the next step the day before is refused", () => {
    const candidate = expectAccepted(approval({}))
    const introducers = (date: string) => recordStep(candidate, step({ step: "introducersAssigned", date, people: ["m1", "m2"] }), ctx(T))
    expect(expectRejected(introducers("2027-06-13"), "member.steps.order").allowedFrom).toBe("2027-06-14")
    expectAccepted(introducers("2027-06-14"))
  })
  it("a refusal by the higher committee leaves an activist, who may be designated again", () => {
    const refused = expectAccepted(approval({ decision: { decidedBy: "上级党委", outcome: "rejected" }, publicity: undefined }))
    expect(refused.stage).toBe("activist")
    expectAccepted(recordStep(refused, step({ step: "candidateDesignation", date: "2027-09-01" }), ctx(T)))
  })
})

describe("member.candidate.approval under 2014 (备案): the version is chosen by the designation date", () => {
  const early: ReadonlyArray<StepRecordInput> = [
    { step: "application", date: "2025-03-01" },
    { step: "applicationTalk", date: "2025-03-10" },
    { step: "activistDesignation", date: "2025-04-01" },
    { step: "activistFiling", date: "2025-04-05" },
    { step: "contactsAssigned", date: "2025-04-05", people: ["m1"] },
    { step: "activistAssessment", date: "2025-10-01" }
  ]
  it("designated on 2026-05-08 (2014 rules): a candidate at once; the filing on 2026-05-20 needs no decision and no 公示", () => {
    const designated = walk([...early, { step: "candidateDesignation", date: "2026-05-08" }])
    expect(designated.stage).toBe("candidate")
    expectAccepted(recordStep(designated, step({ step: "candidateApproval", date: "2026-05-20" }), ctx(T)))
  })
  it("designated on 2026-05-11 (2026 rules): the higher committee's consent is required", () => {
    const designated = walk([...early, { step: "candidateDesignation", date: "2026-05-11" }])
    expect(designated.stage).toBe("activist")
    expectRejected(recordStep(designated, step({ step: "candidateApproval", date: "2026-05-20" }), ctx(T)), "member.candidate.approval")
  })
  it("the 2014 path's candidate is a candidate from the committee's designation", () => {
    expect(walk(before(path2014, "candidateApproval")).stage).toBe("candidate")
  })
})

describe("member.introducers.count and member.introducers.eligibility", () => {
  const candidate = walk(before(path2026, "introducersAssigned"))
  const introduce = (people: ReadonlyArray<string>, date = "2027-06-15", others = fullMembers) =>
    recordStep(candidate, step({ step: "introducersAssigned", date, people }), ctx(T, { people: others }))

  it("refuses one or three introducers; accepts two full members", () => {
    expectRejected(introduce(["m1"]), "member.introducers.count")
    expectRejected(introduce(["m1", "m2", "m3"]), "member.introducers.count")
    expectAccepted(introduce(["m1", "m2"]))
  })
  it("refuses a probationary member as introducer", () => {
    const p = person("p1", { stage: "probationary", joinedOn: "2027-01-10", convertedOn: null })
    expectRejected(introduce(["m1", "p1"], "2027-06-15", [...fullMembers, p]), "member.introducers.count")
  })
  it("refuses a member under 留党察看 on the date, naming the day after it ends", () => {
    const sanctioned = person("s1", { sanctions: [{ kind: "probationWithinParty", from: "2027-01-01", until: "2028-01-01", decidedBy: "纪委" }] })
    const error = expectRejected(introduce(["m1", "s1"], "2027-06-15", [...fullMembers, sanctioned]), "member.introducers.eligibility")
    expect(error.allowedFrom).toBe("2028-01-02")
  })
  it("refuses a member on the last day of a 警告 影响期 and accepts them the day after", () => {
    const warned = person("w1", { sanctions: [{ kind: "warning", from: "2027-01-01", until: "2027-06-15", decidedBy: "纪委" }] })
    expectRejected(introduce(["m1", "w1"], "2027-06-15", [...fullMembers, warned]), "member.introducers.eligibility")
    expectAccepted(introduce(["m1", "w1"], "2027-06-16", [...fullMembers, warned]))
  })
})

describe("member.politicalReview.required", () => {
  const introduced = walk(before(path2026, "politicalReview"))
  const review = (decision?: StepRecordInput["decision"]) =>
    recordStep(introduced, step({ step: "politicalReview", date: "2027-07-01", ...(decision === undefined ? {} : { decision }) }), ctx(T))
  it("refuses a review without a conclusion", () => {
    expectRejected(review(), "member.politicalReview.required")
    expectRejected(review({ decidedBy: "支部", outcome: "approved" }), "member.politicalReview.required")
  })
  it("a failed review bars the way on; only a new conclusion can follow", () => {
    const failed = expectAccepted(review({ decidedBy: "支部", outcome: "failed" }))
    expectRejected(recordStep(failed, recordOf(path2026, "intensiveTraining"), ctx(T)), "member.steps.order")
    const passed = expectAccepted(recordStep(failed, step({ step: "politicalReview", date: "2027-07-05", decision: { decidedBy: "支部", outcome: "passed" } }), ctx(T)))
    expectAccepted(recordStep(passed, recordOf(path2026, "intensiveTraining"), ctx(T)))
  })
})

describe("member.candidate.training", () => {
  const reviewed = walk(before(path2026, "intensiveTraining"))
  const train = (training?: { days: number; hours: number }) =>
    recordStep(reviewed, step({ step: "intensiveTraining", date: "2027-07-10", ...(training === undefined ? {} : { training }) }), ctx(T))
  it("refuses 2 days and 23 hours, or no training", () => {
    expectRejected(train({ days: 2, hours: 23 }), "member.candidate.training")
    expectRejected(train(), "member.candidate.training")
  })
  it("accepts 3 days, or 24 hours", () => {
    expectAccepted(train({ days: 3, hours: 0 }))
    expectAccepted(train({ days: 0, hours: 24 }))
  })
})
