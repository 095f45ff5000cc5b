import * as Either from "effect/Either"
import { addMonths, type CivilDate } from "../calendar/civil-date.js"
import { democraticEvaluationExcellentCapRule } from "../meeting/rules-conduct.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { type RefusalDetail, refusedBy } from "../profile/refusal.js"
import type { ResolvedRule } from "../profile/rule.js"
import { mobileHostRule } from "../transfer/rules-mobile.js"
import { mostNotExceeding } from "../vote/share.js"
import { EvaluationRejected } from "./errors.js"
import type { EvaluationGrade } from "./excellent-cap.js"
import type { DemocraticEvaluation, FollowUp, GradeRecord, StepDone } from "./records.js"
import { type DeterminingBody, democraticFollowUpRule, democraticProcedureRule, type EvaluationStep } from "./rules-democratic.js"

type Result = Either.Either<DemocraticEvaluation, EvaluationRejected>

const refuse = (cycle: DemocraticEvaluation, rule: ResolvedRule | undefined, zh: string, en: string, detail: RefusalDetail = {}): Result =>
  Either.left(new EvaluationRejected({ subjectId: cycle.id, ...(rule === undefined ? { text: { zh, en }, ...detail } : refusedBy(rule, { zh, en }, detail)) }))

/** The date of a step done, if it was. */
export const stepDate = (cycle: DemocraticEvaluation, step: EvaluationStep): CivilDate | undefined => cycle.steps.find((s) => s.step === step)?.date

/** Counts of each grade. */
export const gradeCounts = (grades: ReadonlyArray<{ readonly grade: EvaluationGrade }>): Readonly<Record<EvaluationGrade, number>> => {
  const out = { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0 }
  for (const g of grades) out[g.grade]++
  return out
}

/**
 * 评议步骤 — rules.md 1.9: records the next step of the procedure, in order and on or after the
 * previous one; the determination names the body (支委会 or 党员大会) and needs the grades.
 */
export const recordEvaluationStep = (cycle: DemocraticEvaluation, done: StepDone, profile: RuleProfile): Either.Either<DemocraticEvaluation, EvaluationRejected> => {
  const rule = ruleAt(profile, democraticProcedureRule, done.date)
  const { steps, determinedBy } = rule.parameters
  const next = steps[cycle.steps.length]
  if (next === undefined) return refuse(cycle, rule, "评议各步骤均已完成", "every step of the evaluation is done")
  if (done.step !== next) return refuse(cycle, rule, `下一步应为 ${next}，不是 ${done.step}`, `the next step is ${next}, not ${done.step}`, { missing: next })
  const last = cycle.steps.at(-1)
  if (last !== undefined && done.date < last.date) return refuse(cycle, rule, `日期早于上一步（${last.date}）`, `the date is before the previous step (${last.date})`, { allowedFrom: last.date })
  if (done.step === "determination") {
    if (done.by === undefined || !determinedBy.includes(done.by as DeterminingBody))
      return refuse(cycle, rule, "评定须由支委会或党员大会作出", "the grades are determined by the committee or the general meeting", { missing: "by" })
    if (cycle.grades.length === 0) return refuse(cycle, rule, "评定前须先记录民主测评等次", "record the grades of the rating before the determination", { missing: "grades" })
  }
  return Either.right({ ...cycle, steps: [...cycle.steps, done] })
}

/**
 * 流动党员参评 — rules.md 8.4: who of a branch's evaluation are mobile members. `visitors`: members
 * attached to this branch as their host on the grading day (they may be graded here, marked
 * `atHost`); `away`: members of this branch's roll attached to a host that day (they may be graded
 * at the host instead, so they are not required here); `gradedElsewhere`: members already graded in
 * another branch's evaluation of the year, by that branch's id (a member is evaluated in one place),
 * looked up across every attachment of the year, also one ended before the grading day.
 */
export interface MobileParticipation {
  readonly visitors: ReadonlySet<string>
  readonly away: ReadonlySet<string>
  readonly gradedElsewhere: ReadonlyMap<string, string>
}

/**
 * 民主测评等次 — records the grades after self- and mutual assessment and before the determination.
 * Every member on the roll `onRoll` is graded once, and only they (mobile members evaluated here are
 * marked `atHost`); more 优秀 than `meeting.democraticEvaluation.excellentCap` allows is refused.
 * With `mobile` (rule `transfer.mobile.host`): a member marked `atHost` must be a visitor, a member
 * away at a host need not be graded at home, and a member graded in another branch's evaluation of
 * the year is refused here (and, being evaluated, is not missing here).
 */
export const recordEvaluationGrades = (
  cycle: DemocraticEvaluation,
  grades: ReadonlyArray<GradeRecord>,
  onRoll: ReadonlySet<string>,
  profile: RuleProfile,
  on: CivilDate,
  mobile?: MobileParticipation
): Either.Either<DemocraticEvaluation, EvaluationRejected> => {
  const procedure = ruleAt(profile, democraticProcedureRule, on)
  const done = cycle.steps.map((s) => s.step)
  if (!done.includes("selfAndMutual") || done.includes("determination"))
    return refuse(cycle, procedure, "等次在自评互评之后、支部评定之前记录", "grades are recorded after self- and mutual assessment and before the determination")
  const ids = grades.map((g) => g.memberId as string)
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i)
  if (twice.length > 0) return refuse(cycle, undefined, `${twice[0]} 的等次记录了两次`, `${twice[0]} is graded twice`)
  const strangers = grades.filter((g) => !g.atHost && !onRoll.has(g.memberId)).map((g) => g.memberId)
  if (strangers.length > 0) return refuse(cycle, undefined, `${strangers.join("、")} 不在本支部党员名册中`, `${strangers.join(", ")} are not on the branch's roll`, { missing: `member ${strangers[0]}` })
  if (mobile !== undefined) {
    const host = ruleAt(profile, mobileHostRule, on)
    const notVisiting = grades.filter((g) => g.atHost && !onRoll.has(g.memberId) && !mobile.visitors.has(g.memberId)).map((g) => g.memberId)
    if (notVisiting.length > 0)
      return refuse(cycle, host, `${notVisiting.join("、")} 在 ${on} 不是本组织的流动党员`, `${notVisiting.join(", ")} are not mobile members attached here on ${on}`, { missing: `member ${notVisiting[0]}` })
    const twiceOver = ids.filter((id) => mobile.gradedElsewhere.has(id))
    if (twiceOver.length > 0) {
      const where = mobile.gradedElsewhere.get(twiceOver[0]!)!
      return refuse(cycle, host, `${twiceOver.join("、")} 已在 ${where} 参加本年度民主评议，不能重复参评`, `${twiceOver.join(", ")} already took part in the year's evaluation at ${where}; a member is evaluated in one place`)
    }
  }
  const missing = [...onRoll].filter((id) => !ids.includes(id) && !(mobile?.away.has(id) ?? false) && !(mobile?.gradedElsewhere.has(id) ?? false))
  if (missing.length > 0) return refuse(cycle, procedure, `${missing.join("、")} 尚无等次`, `${missing.join(", ")} have no grade`, { missing: `member ${missing[0]}` })
  const cap = ruleAt(profile, democraticEvaluationExcellentCapRule, on)
  const maximum = mostNotExceeding(cap.parameters.maxExcellentShare, grades.length)
  const excellent = gradeCounts(grades).excellent
  if (excellent > maximum)
    return refuse(cycle, cap, `参评 ${grades.length} 人，评为优秀 ${excellent} 人，超过 ${maximum} 人`, `${excellent} of ${grades.length} graded excellent; at most ${maximum}`)
  return Either.right({ ...cycle, grades, followUps: grades.filter((g) => g.grade === "basicallyQualified" || g.grade === "unqualified").map((g) => ({ memberId: g.memberId, talkOn: null, correctionUntil: null, decision: null })) })
}

/**
 * 后续处置 — rules.md 6.6: the talk, the correction deadline (at most `maxCorrectionMonths` after the
 * determination) and the branch's decision, for a member the follow-up covers.
 */
export const recordEvaluationFollowUp = (cycle: DemocraticEvaluation, followUp: FollowUp, profile: RuleProfile): Either.Either<DemocraticEvaluation, EvaluationRejected> => {
  const determinedOn = stepDate(cycle, "determination")
  const rule = ruleAt(profile, democraticFollowUpRule, determinedOn ?? followUp.talkOn ?? ("2019-05-06" as CivilDate))
  const index = cycle.followUps.findIndex((f) => f.memberId === followUp.memberId)
  if (index < 0) return refuse(cycle, rule, `${followUp.memberId} 未被评为基本合格或不合格`, `${followUp.memberId} was not graded basically qualified or unqualified`)
  if (determinedOn === undefined) return refuse(cycle, rule, "支部评定之后才能安排后续处置", "the follow-up comes after the branch's determination", { missing: "determination" })
  const latest = addMonths(determinedOn, rule.parameters.maxCorrectionMonths)
  if (followUp.correctionUntil !== null && (followUp.correctionUntil > latest || followUp.correctionUntil < determinedOn))
    return refuse(cycle, rule, `限期改正应在 ${determinedOn} 至 ${latest} 之间`, `the correction deadline must fall between ${determinedOn} and ${latest}`, { allowedFrom: determinedOn, allowedUntil: latest })
  return Either.right({ ...cycle, followUps: cycle.followUps.map((f, i) => (i === index ? followUp : f)) })
}

/**
 * 评议提示 — as of `today`: a flag for every follow-up still awaiting the branch's decision (with its
 * correction deadline as `due`), and a flag when a correction deadline has passed without a
 * decision; a reminder while the result is not yet told to the members.
 */
export const evaluationFindings = (cycle: DemocraticEvaluation, profile: RuleProfile, today: CivilDate): ReadonlyArray<Finding> => {
  const subject = { kind: "organization" as const, id: cycle.organizationId }
  const out: Array<Finding> = []
  const determinedOn = stepDate(cycle, "determination")
  if (determinedOn !== undefined && stepDate(cycle, "notification") === undefined) {
    out.push(finding(ruleAt(profile, democraticProcedureRule, determinedOn), "reminder", subject, { zh: `${cycle.year} 年民主评议结果尚未通知本人`, en: `the ${cycle.year} evaluation results are not yet told to the members` }))
  }
  for (const f of cycle.followUps) {
    if (f.decision !== null) continue
    const rule = ruleAt(profile, democraticFollowUpRule, determinedOn ?? today)
    const overdue = f.correctionUntil !== null && today > f.correctionUntil
    out.push(
      finding(
        rule,
        "flag",
        { kind: "member", id: f.memberId },
        overdue
          ? { zh: `${f.memberId}：限期改正已于 ${f.correctionUntil} 到期，请支部作出处置决定`, en: `${f.memberId}: the correction period ended on ${f.correctionUntil}; the branch decides what follows` }
          : { zh: `${f.memberId}：评议为基本合格或不合格，须谈话、限期改正并由支部决定`, en: `${f.memberId}: graded basically qualified or unqualified; a talk, a correction period and the branch's decision are due` },
        f.correctionUntil ?? undefined
      )
    )
  }
  return out
}
