import { addMonths, addYears, type CivilDate } from "../calendar/civil-date.js"
import type { WorkdayCalendar } from "../calendar/workday-calendar.js"
import type { Message } from "../i18n/message.js"
import { type Finding, finding, type Severity } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { Confidence, ResolvedRule, RuleSource } from "../profile/rule.js"
import { fileState, type FileState } from "./file-state.js"
import type { Member, MemberStage } from "./member.js"
import { publicityCoverageFindings } from "./publicity-coverage.js"
import { activistAssessmentIntervalRule, activistMinimumCultivationRule } from "./rules-activist.js"
import { admissionApprovalDeadlineRule, admissionMeetingDeadlineRule, oathDeadlineRule } from "./rules-admission.js"
import { applicationTalkDeadlineRule } from "./rules-application.js"
import { conversionApprovalDeadlineRule, probationExtensionRule, probationLengthRule } from "./rules-probation.js"
import type { StepId } from "./step.js"
import { stepNames } from "./step-names.js"

/**
 * 待办事项 — one step that is due or becomes possible: the earliest day it may happen, the day it is
 * due, and (for the admission approval) the latest day a special case allows.
 */
export interface MemberTimelineItem {
  readonly ruleId: string
  readonly step: StepId
  readonly label: Message
  readonly earliest?: CivilDate
  readonly due?: CivilDate
  readonly latest?: CivilDate
  /** True when `due` has passed (today is after it). */
  readonly overdue: boolean
  /** The source of the rule version that set this date (the one in force when its clock started). */
  readonly source: RuleSource
  readonly confidence: Confidence
}

/** 发展进度 — a member's stage, what comes next and by when, and the findings for overdue items. */
export interface MemberTimeline {
  readonly memberId: string
  readonly stage: MemberStage | undefined
  readonly items: ReadonlyArray<MemberTimelineItem>
  readonly findings: ReadonlyArray<Finding>
}

interface Dated {
  readonly item: MemberTimelineItem
  readonly finding?: Finding
}

// A literal of either shape, not `{ item, ...(f ? { finding: f } : {}) }`: V8 builds a spread that
// gains a key far more slowly, and a county's agenda builds thousands of these.
const dated = (item: MemberTimelineItem, found: Finding | undefined): Dated => (found === undefined ? { item } : { item, finding: found })

/** An item with a deadline; overdue → a finding (violation for hard rules, warning for defaults). */
const dueItem = (member: Member, rule: ResolvedRule<unknown>, step: StepId, due: CivilDate, today: CivilDate, since: CivilDate): Dated => {
  const overdue = today > due
  const label = stepNames[step]
  const severity: Severity = rule.strength === "hard" ? "violation" : "warning"
  return dated(
    { ruleId: rule.id, step, label, due, overdue, source: rule.source, confidence: rule.confidence },
    overdue
      ? finding(
          rule,
          severity,
          { kind: "member", id: member.id },
          { zh: `${member.name}：“${label.zh}”应在${due}前完成（自${since}起算），已逾期`, en: `${member.name}: ${label.en} was due by ${due} (counted from ${since}) and is overdue` },
          due
        )
      : undefined
  )
}

/** An item that becomes possible on `earliest`; once reached → a reminder. */
const earliestItem = (member: Member, rule: ResolvedRule<unknown>, step: StepId, earliest: CivilDate, today: CivilDate): Dated => {
  const label = stepNames[step]
  return dated(
    { ruleId: rule.id, step, label, earliest, overdue: false, source: rule.source, confidence: rule.confidence },
    today >= earliest
      ? finding(
          rule,
          "reminder",
          { kind: "member", id: member.id },
          { zh: `${member.name}：自${earliest}起可进行“${label.zh}”`, en: `${member.name}: ${label.en} is possible from ${earliest}` }
        )
      : undefined
  )
}

const admissionApprovalItem = (member: Member, profile: RuleProfile, meetingOn: CivilDate, today: CivilDate): Dated => {
  const rule = ruleAt(profile, admissionApprovalDeadlineRule, meetingOn)
  const due = addMonths(meetingOn, rule.parameters.months)
  const latest = addMonths(meetingOn, rule.parameters.specialCaseMonths)
  const label = stepNames.admissionApproval
  const overdue = today > due
  const text = today > latest
    ? { zh: `${member.name}：支部大会${meetingOn}通过，审批已超过最长期限${latest}`, en: `${member.name}: admitted by the branch meeting on ${meetingOn}; approval is past the latest date ${latest}` }
    : { zh: `${member.name}：支部大会${meetingOn}通过，应在${due}前审批，特殊情况最迟${latest}`, en: `${member.name}: admitted by the branch meeting on ${meetingOn}; approve by ${due}, in a special case by ${latest}` }
  return dated(
    { ruleId: rule.id, step: "admissionApproval", label, due, latest, overdue, source: rule.source, confidence: rule.confidence },
    overdue ? finding(rule, today > latest ? "violation" : "warning", { kind: "member", id: member.id }, text, today > latest ? latest : due) : undefined
  )
}

/** Puts a dated item, and its finding when there is one, where the timeline keeps them. */
const put = (items: Array<MemberTimelineItem>, findings: Array<Finding>, d: Dated): void => {
  items.push(d.item)
  if (d.finding !== undefined) findings.push(d.finding)
}

// Into the timeline's own arrays: a province's files are mostly full members with nothing due, and an
// array per file for nothing was part of the timelines' garbage.
const collect = (member: Member, s: FileState, profile: RuleProfile, today: CivilDate, items: Array<MemberTimelineItem>, findings: Array<Finding>): void => {
  if (s.applicationOn !== undefined && s.talkOn === undefined) {
    const rule = ruleAt(profile, applicationTalkDeadlineRule, s.applicationOn)
    put(items, findings, dueItem(member, rule, "applicationTalk", addMonths(s.applicationOn, rule.parameters.months), today, s.applicationOn))
  }
  if (s.stage === "activist" && s.activistOn !== undefined) {
    const since = s.lastActivistAssessmentOn ?? s.activistOn
    const interval = ruleAt(profile, activistAssessmentIntervalRule, since)
    put(items, findings, dueItem(member, interval, "activistAssessment", addMonths(since, interval.parameters.months), today, since))
    if (s.candidateDesignatedOn === undefined || s.last?.step !== "candidateDesignation") {
      const cultivation = ruleAt(profile, activistMinimumCultivationRule, s.activistOn)
      put(items, findings, earliestItem(member, cultivation, "candidateDesignation", addYears(s.activistOn, cultivation.parameters.years), today))
    }
  }
  if (s.preliminaryReviewOn !== undefined && s.admissionMeetingOn === undefined) {
    const rule = ruleAt(profile, admissionMeetingDeadlineRule, s.preliminaryReviewOn)
    if (rule.parameters.months !== null) {
      put(items, findings, dueItem(member, rule, "admissionMeeting", addMonths(s.preliminaryReviewOn, rule.parameters.months), today, s.preliminaryReviewOn))
    }
  }
  if (s.admissionMeetingOn !== undefined && s.admissionApprovalOn === undefined) put(items, findings, admissionApprovalItem(member, profile, s.admissionMeetingOn, today))
  if (s.stage === "probationary" && s.admissionApprovalOn !== undefined && s.oathOn === undefined) {
    const rule = ruleAt(profile, oathDeadlineRule, s.admissionApprovalOn)
    if (rule.parameters.months !== null) put(items, findings, dueItem(member, rule, "oath", addMonths(s.admissionApprovalOn, rule.parameters.months), today, s.admissionApprovalOn))
  }
  if (s.stage === "probationary" && s.probationEnd !== undefined && s.pendingConversion === undefined) {
    const rule = s.extensions > 0 ? ruleAt(profile, probationExtensionRule, s.probationEnd) : ruleAt(profile, probationLengthRule, s.probationStart!)
    put(items, findings, earliestItem(member, rule, "conversionMeeting", s.probationEnd, today))
  }
  if (s.pendingConversion !== undefined) {
    const meetingOn = s.pendingConversion.meetingOn
    const rule = ruleAt(profile, conversionApprovalDeadlineRule, meetingOn)
    put(items, findings, dueItem(member, rule, "conversionApproval", addMonths(meetingOn, rule.parameters.months), today, meetingOn))
  }
}

/**
 * 时间线 — for an active file: the talk deadline (application + 1 month), the next half-yearly
 * activist assessment, the earliest candidate date (activist + 1 year), the admission-meeting
 * deadline (预审 + 1 month, 2026 rules), the approval deadline (+3 months, +6 in special cases),
 * the oath deadline, the probation end (earliest conversion meeting) and the conversion approval
 * deadline. Each deadline rule is taken in the version in force when its clock started.
 *
 * With `workdays` (the calendar the steps were checked with), the findings also warn of each 公示
 * whose working days were counted in years the calendar has no holiday data for
 * ({@link publicityCoverageFindings}).
 */
export const timeline = (member: Member, profile: RuleProfile, today: CivilDate, workdays?: WorkdayCalendar): MemberTimeline => {
  const state = fileState(member, profile)
  const items: Array<MemberTimelineItem> = []
  const findings: Array<Finding> = []
  if (member.status === "active") {
    collect(member, state, profile, today, items, findings)
    if (workdays !== undefined) findings.push(...publicityCoverageFindings(member, profile, workdays))
  }
  return { memberId: member.id, stage: state.stage, items, findings }
}
