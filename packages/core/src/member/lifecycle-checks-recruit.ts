import { addWorkdaysChecked, countWorkdaysChecked } from "../calendar/workday-calendar.js"
import { addYears, ageOn } from "../calendar/civil-date.js"
import { type Checked, passes, reject, resolve, type StepCheck } from "./lifecycle-context.js"
import { checkPeople } from "./lifecycle-people.js"
import { activistContactsRule, activistMinimumCultivationRule } from "./rules-activist.js"
import { applicationMinimumAgeRule } from "./rules-application.js"
import {
  candidateApprovalRule,
  candidatePublicityRule,
  candidateTrainingRule,
  introducersCountRule,
  introducersEligibilityRule,
  politicalReviewRequiredRule
} from "./rules-candidate.js"

/** Checks of the steps of stages one to three (申请入党 to 发展对象的确定和考察). */

/** 年满十八岁 on the application date. */
export const checkApplication = (check: StepCheck): Checked => {
  const { record, member } = check
  const rule = resolve(check, applicationMinimumAgeRule, record.date)
  const age = ageOn(member.birthDate, record.date)
  if (age >= rule.parameters.minimumAge) return passes
  const from = addYears(member.birthDate, rule.parameters.minimumAge)
  return reject(
    check,
    rule,
    {
      zh: `申请日${record.date}申请人${age}周岁，未满${rule.parameters.minimumAge}周岁；${from}起可申请`,
      en: `the applicant is ${age} on ${record.date}, under ${rule.parameters.minimumAge}; may apply from ${from}`
    },
    { missing: `age ${rule.parameters.minimumAge}`, allowedFrom: from }
  )
}

/** 培养联系人: one or two full members. */
export const checkContacts = (check: StepCheck): Checked => {
  const rule = resolve(check, activistContactsRule, check.record.date)
  return checkPeople(check, rule, rule.parameters)
}

/** 确定发展对象 not before one year as an activist. */
export const checkCandidateDesignation = (check: StepCheck): Checked => {
  const { record, state } = check
  const activistOn = state.activistOn!
  const rule = resolve(check, activistMinimumCultivationRule, activistOn)
  const earliest = addYears(activistOn, rule.parameters.years)
  if (record.date >= earliest) return passes
  return reject(
    check,
    rule,
    {
      zh: `${activistOn}确定为入党积极分子，培养考察满${rule.parameters.years}年前不能列为发展对象，最早${earliest}`,
      en: `activist since ${activistOn}; a candidate only after ${rule.parameters.years} year(s), from ${earliest}`
    },
    { missing: "one year of cultivation", allowedFrom: earliest }
  )
}

/**
 * 报上级党委备案/同意 + 公示. The regime is the one in force on the committee's designation date:
 * 2014 files (a decision is optional); 2026 needs the higher committee's decision, and an approval
 * needs a 公示 that starts on or after the consent, is finished by today and lasts the minimum
 * number of working days. A rejection needs no 公示 and sends the person back to activist.
 */
export const checkCandidateApproval = (check: StepCheck): Checked => {
  const { record, state, context } = check
  const designatedOn = state.candidateDesignatedOn!
  const approval = resolve(check, candidateApprovalRule, designatedOn)
  const decision = record.decision
  if (decision !== undefined && !["approved", "rejected"].includes(decision.outcome)) {
    return reject(check, approval, { zh: "上级党委的决定应为同意或不同意", en: "the higher committee's decision is approved or rejected" }, { missing: "decision approved or rejected" })
  }
  if (approval.parameters.requires === "consent" && decision === undefined) {
    return reject(
      check,
      approval,
      { zh: "确定发展对象须经上级党委同意，缺少上级党委的决定", en: "the higher committee must consent; its decision is missing" },
      { missing: "decision" }
    )
  }
  if (decision?.outcome === "rejected") return passes
  const publicityRule = resolve(check, candidatePublicityRule, designatedOn)
  const minimum = publicityRule.parameters.minimumWorkdays
  if (minimum === 0 && record.publicity === undefined) return passes
  const publicity = record.publicity
  if (publicity === undefined) {
    return reject(
      check,
      publicityRule,
      { zh: `缺少公示（不少于${minimum}个工作日）`, en: `a public posting of at least ${minimum} working days is missing` },
      { missing: "publicity" }
    )
  }
  const postedAfter = approval.parameters.requires === "consent" ? record.date : designatedOn
  if (publicity.from < postedAfter || publicity.to < publicity.from) {
    return reject(
      check,
      publicityRule,
      {
        zh: `公示应在${postedAfter}（${approval.parameters.requires === "consent" ? "上级党委同意" : "支部委员会确定"}）当日或之后开始，且结束日不早于开始日`,
        en: `the posting starts on or after ${postedAfter} (the ${approval.parameters.requires === "consent" ? "higher committee's consent" : "committee's designation"}) and ends no earlier than it starts`
      },
      { missing: "publicity after consent", allowedFrom: postedAfter }
    )
  }
  // A count that runs into years without holiday data passes on the calendar's guess; the file then
  // carries a warning finding (publicityCoverageFindings), and a refusal says so in its text.
  const counted = countWorkdaysChecked(context.workdays, publicity.from, publicity.to)
  const days = counted.value
  if (days >= minimum) return passes
  const end = addWorkdaysChecked(context.workdays, publicity.from, minimum)
  const until = end.value
  const gap = end.outsideCoverage ?? counted.outsideCoverage
  const note = gap === undefined ? { zh: "", en: "" } : { zh: `（${gap.message.zh}）`, en: ` (${gap.message.en})` }
  return reject(
    check,
    publicityRule,
    {
      zh: `公示${publicity.from}至${publicity.to}仅${days}个工作日，应不少于${minimum}个工作日，最早${until}期满${note.zh}`,
      en: `the posting ${publicity.from}–${publicity.to} lasts ${days} working days, fewer than ${minimum}; it can end on ${until} at the earliest${note.en}`
    },
    { missing: `${minimum - days} more working day(s) of publicity`, allowedFrom: until }
  )
}

/** 入党介绍人: two full members, none under a barring sanction on the date. */
export const checkIntroducers = (check: StepCheck): Checked => {
  const date = check.record.date
  const count = resolve(check, introducersCountRule, date)
  const eligibility = resolve(check, introducersEligibilityRule, date)
  return checkPeople(check, count, {
    minimum: count.parameters.count,
    maximum: count.parameters.count,
    disqualifying: eligibility.parameters.disqualifying,
    disqualifyingRule: eligibility
  })
}

/** 政治审查: a written conclusion, passed or failed. */
export const checkPoliticalReview = (check: StepCheck): Checked => {
  const outcome = check.record.decision?.outcome
  if (outcome === "passed" || outcome === "failed") return passes
  const rule = resolve(check, politicalReviewRequiredRule, check.record.date)
  return reject(
    check,
    rule,
    { zh: "政治审查须有结论（合格或不合格）", en: "a political review needs a conclusion: decision passed or failed" },
    { missing: "decision passed or failed" }
  )
}

/** 集中培训: at least 3 days or 24 学时. */
export const checkTraining = (check: StepCheck): Checked => {
  const rule = resolve(check, candidateTrainingRule, check.record.date)
  const { minimumDays, minimumHours } = rule.parameters
  const training = check.record.training
  if (training !== undefined && (training.days >= minimumDays || training.hours >= minimumHours)) return passes
  const had = training === undefined ? { zh: "未记录培训", en: "no training recorded" } : { zh: `${training.days}天、${training.hours}学时`, en: `${training.days} days, ${training.hours} hours` }
  return reject(
    check,
    rule,
    {
      zh: `集中培训不少于${minimumDays}天或${minimumHours}学时（${had.zh}）`,
      en: `centralized training lasts at least ${minimumDays} days or ${minimumHours} hours (${had.en})`
    },
    { missing: `training of ${minimumDays} days or ${minimumHours} hours` }
  )
}
