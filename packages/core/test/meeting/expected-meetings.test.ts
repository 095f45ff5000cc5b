import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { civilDate } from "../../src/calendar/civil-date.js"
import { type ExpectedMeeting, expectedMeetings } from "../../src/meeting/expected-meetings.js"
import { meetingRuleDomain } from "../../src/meeting/rules.js"
import { applyOverride } from "../../src/profile/override.js"
import { composeProfile } from "../../src/profile/profile.js"
import { strictSchoolProfile } from "../profile/fixtures/strict-school-profile.js"

const d = civilDate
const baseline = composeProfile("national", { zh: "全国基线", en: "National baseline" }, [meetingRuleDomain])
const strict = Either.getOrThrow(applyOverride(baseline, strictSchoolProfile))

const summary = (list: ReadonlyArray<ExpectedMeeting>) =>
  list.map((m) => [m.kind, m.cadence, m.heldBy, m.speaker, m.quarter ?? null, m.rule.id])

describe("expectedMeetings", () => {
  it("lists the national obligations with their cadence, body, speaker and rule", () => {
    expect(summary(expectedMeetings(baseline, d("2026-03-01")))).toEqual([
      ["generalAssembly", "quarterly", "branch", "any", null, "meeting.generalAssembly.quarterly"],
      ["committee", "monthly", "committee", "any", null, "meeting.committee.monthly"],
      ["partyGroup", "monthly", "partyGroup", "any", null, "meeting.partyGroup.monthly"],
      ["lecture", "quarterly", "branch", "any", null, "meeting.lecture.cadence"],
      ["lecture", "yearly", "branch", "secretary", null, "meeting.lecture.secretaryYearly"],
      ["themeDay", "monthly", "branch", "any", null, "meeting.themeDay.monthly"],
      ["orgLifeMeeting", "yearly", "branch", "any", 4, "meeting.orgLifeMeeting.yearly"],
      ["democraticEvaluation", "yearly", "branch", "any", null, "meeting.democraticEvaluation.yearly"],
      // one rule, one obligation per 谈心谈话 pair type
      ["talksAmongCommittee", "yearly", "branch", "any", null, "meeting.talks.yearly"],
      ["talksCommitteeWithMembers", "yearly", "branch", "any", null, "meeting.talks.yearly"],
      ["talksAmongMembers", "yearly", "branch", "any", null, "meeting.talks.yearly"]
    ])
  })

  it("carries the resolved rule, so a finding can cite it", () => {
    const committee = expectedMeetings(baseline, d("2026-03-01")).find((m) => m.kind === "committee")!
    expect(committee.rule.source).toEqual({ regulation: "ZB2018", article: "第十二条" })
    expect(committee.name.zh).toBe("支部委员会会议")
  })

  it("the strict school profile changes nothing the day before its effective date", () => {
    expect(expectedMeetings(strict, d("2026-08-31"))).toEqual(expectedMeetings(baseline, d("2026-08-31")))
  })

  it("reflects the strict school profile from its effective date", () => {
    const list = expectedMeetings(strict, d("2026-09-01"))
    expect(summary(list)).toEqual([
      ["generalAssembly", "quarterly", "branch", "any", null, "meeting.generalAssembly.quarterly"],
      ["committee", "monthly", "committee", "any", null, "meeting.committee.monthly"],
      ["partyGroup", "monthly", "partyGroup", "any", null, "meeting.partyGroup.monthly"],
      // a monthly lecture by the secretary covers the secretary's yearly lecture
      ["lecture", "monthly", "branch", "secretary", null, "meeting.lecture.cadence"],
      ["themeDay", "monthly", "branch", "any", null, "meeting.themeDay.monthly"],
      ["orgLifeMeeting", "halfYearly", "branch", "any", null, "meeting.orgLifeMeeting.yearly"],
      ["democraticEvaluation", "yearly", "branch", "any", null, "meeting.democraticEvaluation.yearly"],
      // one rule, one obligation per 谈心谈话 pair type
      ["talksAmongCommittee", "halfYearly", "branch", "any", null, "meeting.talks.yearly"],
      ["talksCommitteeWithMembers", "halfYearly", "branch", "any", null, "meeting.talks.yearly"],
      ["talksAmongMembers", "halfYearly", "branch", "any", null, "meeting.talks.yearly"],
      ["partyBuildingWeekly", "weekly", "committee", "any", null, "meeting.local.partyBuildingWeekly"],
      ["ideologyClass", "monthly", "branch", "any", null, "meeting.local.ideologyClass"]
    ])
    const lecture = list.find((m) => m.kind === "lecture")!
    expect(lecture.rule.overriddenBy).toBe("example-strict-school")
    expect(lecture.rule.source).toEqual({ regulation: "LOCAL", document: strictSchoolProfile.document })
    const ideology = list.find((m) => m.kind === "ideologyClass")!
    expect(ideology).toMatchObject({ origin: "local", studyHours: 1, countsTowardStudy: false })
    expect(ideology.rule).toMatchObject({ strength: "local", effectiveFrom: "2026-09-01", source: { regulation: "LOCAL" } })
  })

  it("keeps the secretary's yearly lecture when lectures are monthly but by anyone", () => {
    const monthlyAny = Either.getOrThrow(
      applyOverride(baseline, {
        id: "monthly-any",
        name: { zh: "每月党课", en: "Monthly lectures" },
        document: "本地制度",
        effectiveFrom: "2026-01-01",
        rules: { "meeting.lecture.cadence": { cadence: "monthly" } }
      })
    )
    const lectures = expectedMeetings(monthlyAny, d("2026-03-01")).filter((m) => m.kind === "lecture")
    expect(lectures.map((m) => [m.cadence, m.speaker])).toEqual([
      ["monthly", "any"],
      ["yearly", "secretary"]
    ])
  })
})
