import * as Schema from "effect/Schema"
import type { CivilDate } from "../calendar/civil-date.js"
import { type Finding, type FindingSubject, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { democraticEvaluationExcellentCapRule } from "../meeting/rules-conduct.js"
import { mostNotExceeding } from "../vote/share.js"

/** 评议等次 — the four grades of 民主评议党员: 优秀, 合格, 基本合格, 不合格. */
export const EvaluationGrade = Schema.Literal("excellent", "qualified", "basicallyQualified", "unqualified")
export type EvaluationGrade = typeof EvaluationGrade.Type

/** The most members of `evaluated` who may be graded 优秀 under the cap. */
export const maximumExcellent = (evaluated: number, profile: RuleProfile, on: CivilDate): number => {
  const { maxExcellentShare } = ruleAt(profile, democraticEvaluationExcellentCapRule, on).parameters
  return mostNotExceeding(maxExcellentShare, evaluated)
}

/**
 * 优秀比例 — rules.md 1.10: generally at most a third of the members evaluated are graded 优秀. As a
 * check over grades recorded elsewhere, exceeding it is a warning; `evaluationService.recordGrades`
 * refuses to record more.
 */
export const checkExcellentShare = (
  grades: ReadonlyArray<EvaluationGrade>,
  subject: FindingSubject,
  profile: RuleProfile,
  on: CivilDate
): ReadonlyArray<Finding> => {
  const excellent = grades.filter((g) => g === "excellent").length
  const maximum = maximumExcellent(grades.length, profile, on)
  if (excellent <= maximum) return []
  const rule = ruleAt(profile, democraticEvaluationExcellentCapRule, on)
  return [
    finding(rule, "warning", subject, {
      zh: `参评党员 ${grades.length} 人，评为优秀 ${excellent} 人，一般不超过 ${maximum} 人`,
      en: `${excellent} of ${grades.length} members graded excellent; as a rule at most ${maximum}`
    })
  ]
}
