import { addMonths } from "../calendar/civil-date.js"
import type { ResolvedRule } from "../profile/rule.js"
import { type Checked, passes, reject, resolve, type StepCheck } from "./lifecycle-context.js"
import { admissionApprovalDeadlineRule, admissionVoteRule, type MembershipVoteParameters, admissionPreliminaryReviewRule } from "./rules-admission.js"
import { conversionApprovalDeadlineRule, conversionVoteRule, probationExtensionRule, probationLengthRule } from "./rules-probation.js"
import { judgeMembershipVote } from "./vote.js"

/** Checks of the steps of stages four and five (预备党员的接收, 教育考察和转正). */

/** 预审: the higher committee's result, positive or negative. */
export const checkPreliminaryReview = (check: StepCheck): Checked => {
  const outcome = check.record.decision?.outcome
  if (outcome === "approved" || outcome === "rejected" || outcome === "passed" || outcome === "failed") return passes
  const rule = resolve(check, admissionPreliminaryReviewRule, check.record.date)
  return reject(
    check,
    rule,
    { zh: "预审须有书面结果（通过或不通过）", en: "the pre-review needs a result: decision approved or rejected" },
    { missing: "decision approved or rejected" }
  )
}

/** A vote that is present and passes §2.4 under `rule`. */
const checkVote = (check: StepCheck, rule: ResolvedRule<MembershipVoteParameters>): Checked => {
  const tally = check.record.vote
  if (tally === undefined) {
    return reject(check, rule, { zh: "缺少表决结果（应到、实到、赞成、反对、弃权人数）", en: "the vote tally (due, present, yes, no, abstain) is missing" }, { missing: "vote" })
  }
  const result = judgeMembershipVote(tally, rule.parameters)
  if (result.passed) return passes
  const problem = result.tallyProblem
  const why = {
    zh: [
      problem?.zh,
      result.failed.includes("attendance") ? `实到${tally.presentVoting}人，须至少${result.attendanceNeeded}人` : undefined,
      result.failed.includes("majority") ? `赞成${result.votesFor}票（含书面意见），须至少${result.votesNeeded}票` : undefined
    ].filter((s) => s !== undefined).join("；"),
    en: [
      problem?.en,
      result.failed.includes("attendance") ? `${tally.presentVoting} voting members present, at least ${result.attendanceNeeded} needed` : undefined,
      result.failed.includes("majority") ? `${result.votesFor} yes votes (written opinions included), at least ${result.votesNeeded} needed` : undefined
    ].filter((s) => s !== undefined).join("; ")
  }
  return reject(
    check,
    rule,
    { zh: `表决未通过：${why.zh}`, en: `the vote does not pass: ${why.en}` },
    { missing: `a vote that passes (${result.failed.join(", ")})` }
  )
}

/** 支部大会讨论接收: a passing vote. */
export const checkAdmissionMeeting = (check: StepCheck): Checked =>
  checkVote(check, resolve(check, admissionVoteRule, check.record.date))

/** 上级党委审批: approved or rejected, within 3 months of the meeting (6 when marked as a special case). */
export const checkAdmissionApproval = (check: StepCheck): Checked => {
  const { record, state } = check
  const meetingOn = state.admissionMeetingOn!
  const rule = resolve(check, admissionApprovalDeadlineRule, meetingOn)
  const decision = record.decision
  if (decision === undefined || (decision.outcome !== "approved" && decision.outcome !== "rejected")) {
    return reject(check, rule, { zh: "审批须有上级党委的决定（批准或不批准）", en: "the approval needs the higher committee's decision: approved or rejected" }, { missing: "decision approved or rejected" })
  }
  const { months, specialCaseMonths } = rule.parameters
  const due = addMonths(meetingOn, months)
  const latest = addMonths(meetingOn, specialCaseMonths)
  if (record.date > latest) {
    return reject(
      check,
      rule,
      {
        zh: `支部大会${meetingOn}通过，审批日期${record.date}超过${specialCaseMonths}个月的最长期限${latest}`,
        en: `the branch meeting was on ${meetingOn}; approval on ${record.date} is past the ${specialCaseMonths}-month limit ${latest}`
      },
      { missing: "approval in time", allowedUntil: latest }
    )
  }
  if (record.date > due && decision.specialCase !== true) {
    return reject(
      check,
      rule,
      {
        zh: `支部大会${meetingOn}通过，应在${due}前审批；特殊情况须注明（specialCase），最迟${latest}`,
        en: `the branch meeting was on ${meetingOn}; approve by ${due}, or mark decision.specialCase for a special case, until ${latest}`
      },
      { missing: "decision.specialCase", allowedUntil: due }
    )
  }
  return passes
}

/** 支部大会讨论转正: on or after the probation end, a decision, a passing vote, an extension only once. */
export const checkConversionMeeting = (check: StepCheck): Checked => {
  const { record, state } = check
  const end = state.probationEnd!
  const lengthRule = state.extensions > 0 ? resolve(check, probationExtensionRule, record.date) : resolve(check, probationLengthRule, state.probationStart!)
  if (record.date < end) {
    return reject(
      check,
      lengthRule,
      { zh: `预备期${end}期满，此前不能讨论转正`, en: `probation ends on ${end}; the conversion cannot be discussed before then` },
      { missing: "probation end", allowedFrom: end }
    )
  }
  const extension = resolve(check, probationExtensionRule, record.date)
  const outcome = record.decision?.outcome
  if (outcome !== "convert" && outcome !== "extend" && outcome !== "cancel") {
    return reject(
      check,
      extension,
      { zh: "转正讨论须有决议：按期转正、延长预备期或取消预备党员资格", en: "the meeting's resolution is missing: decision convert, extend or cancel" },
      { missing: "decision convert, extend or cancel" }
    )
  }
  if (outcome === "extend") {
    const { minimumMonths, maximumMonths, maximumTimes } = extension.parameters
    if (state.extensions >= maximumTimes) {
      return reject(check, extension, { zh: `预备期已延长${state.extensions}次，不能再延长`, en: `probation was already extended ${state.extensions} time(s); it cannot be extended again` }, { missing: "convert or cancel" })
    }
    const months = record.decision?.extensionMonths
    if (months === undefined || months < minimumMonths || months > maximumMonths) {
      return reject(
        check,
        extension,
        { zh: `延长预备期须为${minimumMonths}至${maximumMonths}个月`, en: `an extension is ${minimumMonths} to ${maximumMonths} months (decision.extensionMonths)` },
        { missing: "decision.extensionMonths" }
      )
    }
  }
  return checkVote(check, resolve(check, conversionVoteRule, record.date))
}

/** 上级党委审批转正: approved or rejected, within 3 months of the meeting. */
export const checkConversionApproval = (check: StepCheck): Checked => {
  const { record, state } = check
  const meetingOn = state.pendingConversion?.meetingOn ?? record.date
  const rule = resolve(check, conversionApprovalDeadlineRule, meetingOn)
  const outcome = record.decision?.outcome
  if (outcome !== "approved" && outcome !== "rejected") {
    return reject(
      check,
      rule,
      { zh: "审批须有上级党委的决定（批准或不批准支部大会决议）", en: "the approval needs the higher committee's decision on the branch resolution: approved or rejected" },
      { missing: "decision approved or rejected" }
    )
  }
  const due = addMonths(meetingOn, rule.parameters.months)
  if (record.date <= due) return passes
  return reject(
    check,
    rule,
    {
      zh: `支部大会${meetingOn}讨论转正，应在${due}前审批`,
      en: `the branch meeting on the conversion was on ${meetingOn}; approve by ${due}`
    },
    { missing: "approval in time", allowedUntil: due }
  )
}
