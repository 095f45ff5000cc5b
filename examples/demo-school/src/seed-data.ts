import { Actor, addDays, addMonths, type CivilDate, type RecordElectionInput } from "@zhibu/core"
import type { StepRecordInput } from "@zhibu/core/rules"
import * as Schema from "effect/Schema"

/**
 * The demo county: fictional schools and people (no real names, no ID numbers). Every date is
 * counted back from `today`, so that whatever day the demo runs on it shows the same picture: a
 * term about to end, a probation about to end, an activist about to qualify, a talk due soon and
 * one overdue, and a retired member out of contact.
 */

export const TENANT = "demo-county"

export const ORG = {
  county: "county-edu",
  primary: "chengguan-primary",
  middle: "chengguan-middle",
  grade7: "chengguan-middle-g7",
  grade8: "chengguan-middle-g8"
} as const

/**
 * The organizations, parents first, as `createOrganization` takes them (founding years ago). The
 * 教育工委 is appointed by the county committee, not elected: it has no term and no size threshold.
 */
export const organizations = [
  { id: ORG.county, kind: "committee", formation: "appointed", name: "县委教育工委", parentId: null, units: ["县教育局"], basis: "other", canApproveAdmissions: true, foundedYearsAgo: 15 },
  { id: ORG.primary, kind: "branch", name: "城关第一小学党支部", parentId: ORG.county, units: ["城关第一小学"], basis: "school", foundedYearsAgo: 12 },
  { id: ORG.middle, kind: "branch", name: "城关中学党支部", parentId: ORG.county, units: ["城关中学"], basis: "school", foundedYearsAgo: 12 },
  { id: ORG.grade7, kind: "partyGroup", name: "七年级组党小组", parentId: ORG.middle, units: ["城关中学"], basis: "grade", foundedYearsAgo: 3 },
  { id: ORG.grade8, kind: "partyGroup", name: "八年级组党小组", parentId: ORG.middle, units: ["城关中学"], basis: "grade", foundedYearsAgo: 3 }
] as const

interface Person {
  readonly id: string
  readonly name: string
  readonly gender: "female" | "male"
  readonly age: number
  readonly category: "teacher" | "retired"
  readonly organizationId: string
  readonly partyGroupId: string | null
}

const teacher = (id: string, name: string, gender: Person["gender"], age: number, organizationId: string, partyGroupId: string | null = null): Person => ({
  id,
  name,
  gender,
  age,
  category: "teacher",
  organizationId,
  partyGroupId
})

/** Members who joined before the records began: 入党 `joinedYearsAgo`, converted a year later. */
export interface ExistingMember extends Person {
  readonly joinedYearsAgo: number
  /** For the member out of contact: the last time the branch reached them. */
  readonly lastContactMonthsAgo?: number
}

export const existingMembers: ReadonlyArray<ExistingMember> = [
  { ...teacher("p-sun", "孙老师", "female", 50, ORG.primary), joinedYearsAgo: 22 },
  { ...teacher("p-zhu", "朱老师", "female", 44, ORG.primary), joinedYearsAgo: 14 },
  { ...teacher("p-gao", "高老师", "male", 41, ORG.primary), joinedYearsAgo: 10 },
  { ...teacher("p-lin", "林老师", "female", 35, ORG.primary), joinedYearsAgo: 5 },
  { ...teacher("m-li", "李老师", "female", 47, ORG.middle, ORG.grade7), joinedYearsAgo: 20 },
  { ...teacher("m-wang", "王老师", "male", 45, ORG.middle, ORG.grade7), joinedYearsAgo: 15 },
  { ...teacher("m-zhang", "张老师", "female", 42, ORG.middle, ORG.grade8), joinedYearsAgo: 12 },
  { ...teacher("m-liu", "刘老师", "male", 39, ORG.middle, ORG.grade7), joinedYearsAgo: 9 },
  { ...teacher("m-chen", "陈老师", "female", 36, ORG.middle, ORG.grade8), joinedYearsAgo: 7 },
  { ...teacher("m-yang", "杨老师", "male", 33, ORG.middle, ORG.grade8), joinedYearsAgo: 6 },
  { ...teacher("m-zhao", "赵老师", "female", 30, ORG.middle, ORG.grade7), joinedYearsAgo: 4 },
  // A retired teacher who moved away to live with family and has not been reached since.
  { ...teacher("m-huang", "黄老师", "male", 68, ORG.middle), category: "retired", joinedYearsAgo: 40, lastContactMonthsAgo: 7 }
]

/** A recruitment file: the person and the steps taken so far, dated from `today`. */
export interface Recruit extends Person {
  readonly steps: (today: CivilDate) => ReadonlyArray<StepRecordInput>
}

const higher = { decidedBy: "县委教育工委" }
const approved = { ...higher, outcome: "approved" as const }

/** Application, talk, designation as activist, filing, contacts: the start of every file. */
const activistSteps = (activistOn: CivilDate, contacts: ReadonlyArray<string>): ReadonlyArray<StepRecordInput> => [
  { step: "application", date: addMonths(activistOn, -2) },
  { step: "applicationTalk", date: addDays(addMonths(activistOn, -2), 14) },
  { step: "activistDesignation", date: activistOn },
  { step: "activistFiling", date: addDays(activistOn, 7) },
  { step: "contactsAssigned", date: addDays(activistOn, 7), people: contacts }
]

/**
 * From activist to the 预审 (pre-review) on `reviewOn`: two half-yearly assessments, the candidate
 * designation a year after the activist one, the higher committee's consent (the 公示 is added by
 * the seeder from the rule), introducers, political review, training and the committee's review.
 */
const candidateSteps = (reviewOn: CivilDate, contacts: ReadonlyArray<string>, introducers: ReadonlyArray<string>): ReadonlyArray<StepRecordInput> => {
  const activistOn = addMonths(reviewOn, -25)
  return [
    ...activistSteps(activistOn, contacts),
    { step: "activistAssessment", date: addMonths(activistOn, 6) },
    { step: "activistAssessment", date: addMonths(activistOn, 12) },
    { step: "candidateDesignation", date: addMonths(activistOn, 13) },
    { step: "candidateApproval", date: addDays(addMonths(activistOn, 13), 7), decision: approved },
    { step: "introducersAssigned", date: addMonths(activistOn, 14), people: introducers },
    { step: "politicalReview", date: addMonths(activistOn, 18), decision: { ...higher, outcome: "passed" } },
    { step: "intensiveTraining", date: addMonths(activistOn, 21), training: { days: 3, hours: 24 } },
    { step: "committeeReview", date: addMonths(reviewOn, -1) },
    { step: "preliminaryReview", date: reviewOn, decision: approved }
  ]
}

/** A probationary member admitted by the branch meeting on `meetingOn`, sworn in and assessed once. */
const probationSteps = (meetingOn: CivilDate, contacts: ReadonlyArray<string>, introducers: ReadonlyArray<string>): ReadonlyArray<StepRecordInput> => [
  ...candidateSteps(addDays(meetingOn, -25), contacts, introducers),
  { step: "applicationFormIssued", date: addDays(meetingOn, -20) },
  { step: "admissionMeeting", date: meetingOn, vote: { dueVoting: 8, presentVoting: 7, yes: 7, no: 0, abstain: 0 } },
  { step: "approvalTalk", date: addDays(meetingOn, 14) },
  { step: "admissionApproval", date: addMonths(meetingOn, 1), decision: approved },
  { step: "admissionFiling", date: addDays(addMonths(meetingOn, 1), 10) },
  { step: "placement", date: addDays(addMonths(meetingOn, 1), 10) },
  { step: "oath", date: addDays(addMonths(meetingOn, 1), 20) },
  { step: "probationAssessment", date: addMonths(meetingOn, 6) }
]

export const recruits: ReadonlyArray<Recruit> = [
  // Admitted ten months ago: the probation ends in two months.
  { ...teacher("m-zhou", "周老师", "female", 29, ORG.middle, ORG.grade7), steps: (t) => probationSteps(addMonths(t, -10), ["m-wang"], ["m-wang", "m-liu"]) },
  // Passed the 预审 ten days ago: the branch meeting is due within the month.
  {
    ...teacher("m-wu", "吴老师", "male", 27, ORG.middle, ORG.grade8),
    steps: (t) => [...candidateSteps(addDays(t, -10), ["m-chen"], ["m-chen", "m-yang"]), { step: "applicationFormIssued", date: addDays(t, -5) }]
  },
  // Activist for nine months: assessed once, may become a candidate in three months.
  {
    ...teacher("m-xu", "徐老师", "female", 26, ORG.middle, ORG.grade7),
    steps: (t) => [...activistSteps(addMonths(t, -9), ["m-zhang"]), { step: "activistAssessment", date: addMonths(t, -3) }]
  },
  // Applied twenty days ago: the talk is due within the month.
  { ...teacher("m-hu", "胡老师", "male", 24, ORG.middle, ORG.grade8), steps: (t) => [{ step: "application", date: addDays(t, -20) }] },
  // Applied forty-five days ago and nobody has talked with her: overdue.
  { ...teacher("p-ma", "马老师", "female", 25, ORG.primary), steps: (t) => [{ step: "application", date: addDays(t, -45) }] },
  // Activist for two months.
  { ...teacher("p-he", "何老师", "male", 28, ORG.primary), steps: (t) => activistSteps(addMonths(t, -2), ["p-zhu"]) }
]

/**
 * The elections: the middle-school branch elected a committee of three 2 years 8 months ago (its
 * three-year term ends in four months); the primary-school branch, below seven full members, elected
 * its secretary a year ago.
 */
export const elections = (today: CivilDate): ReadonlyArray<Omit<RecordElectionInput, "expectedVersion">> => [
  {
    organizationId: ORG.middle,
    electedOn: addMonths(today, -32),
    elects: "committee",
    eligibleVoters: 8,
    tally: { seats: 3, presentVoters: 7, ballotsIssued: 7, ballotsReturned: 7, votes: { "m-li": 7, "m-wang": 6, "m-zhang": 6, "m-liu": 2 } },
    secretaryId: "m-li"
  },
  {
    organizationId: ORG.primary,
    electedOn: addMonths(today, -12),
    elects: "secretary",
    eligibleVoters: 4,
    tally: { seats: 1, presentVoters: 4, ballotsIssued: 4, ballotsReturned: 4, votes: { "p-sun": 4 } },
    secretaryId: "p-sun"
  }
]

/**
 * What the branch knows from its dues book, which zhibu does not keep yet: the retired teacher's
 * dues were last paid seven months ago. Passed to the agenda as evidence for the six-month signal.
 */
export const evidence = (today: CivilDate) => ({ "m-huang": { lastDuesPaidMonth: addMonths(today, -7).slice(0, 7) } })

const actor = (personId: string, role: "higherOrganizer" | "branchSecretary", organizationId: string): Actor =>
  Schema.decodeSync(Actor)({ personId, roles: [{ role, organizationId }] })

/** 县委教育工委组织员 — the higher committee's organizer: creates the tree and records its decisions. */
export const organizer: Actor = actor("edu-organizer", "higherOrganizer", ORG.county)

/** Each branch's secretary records the branch's own steps and elections. */
export const secretaries: Readonly<Record<string, Actor>> = {
  [ORG.primary]: actor("p-sun", "branchSecretary", ORG.primary),
  [ORG.middle]: actor("m-li", "branchSecretary", ORG.middle)
}
