import * as Either from "effect/Either"
import type { CivilDate } from "../calendar/civil-date.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import { EvaluationRejected } from "./errors.js"
import { checklistStandardsRule } from "./rules-standards.js"

/** One scored item as entered. */
export interface ItemScore {
  readonly itemId: string
  readonly score: number
  readonly evidence: ReadonlyArray<string>
}

/** 标准化评分 — the scores checked against the profile's checklist, with the total and the maximum. */
export interface ScoredChecklist {
  readonly items: ReadonlyArray<ItemScore>
  readonly total: number
  readonly maximum: number
  /** Items of the checklist not scored yet. */
  readonly unscored: ReadonlyArray<string>
}

/**
 * Scores a branch against `evaluation.checklist.standards` as it applies on `on`: an item the
 * checklist does not have, an item scored twice or above its maximum, or a positive score without
 * evidence is refused.
 */
export const scoreChecklist = (subjectId: string, scores: ReadonlyArray<ItemScore>, profile: RuleProfile, on: CivilDate): Either.Either<ScoredChecklist, EvaluationRejected> => {
  const rule = ruleAt(profile, checklistStandardsRule, on)
  const byId = new Map(rule.parameters.items.map((i) => [i.id, i]))
  const refuse = (zh: string, en: string, missing?: string) =>
    Either.left(new EvaluationRejected({ subjectId, ...refusedBy(rule, { zh, en }, missing === undefined ? {} : { missing }) }))
  const seen = new Set<string>()
  for (const s of scores) {
    const item = byId.get(s.itemId)
    if (item === undefined) return refuse(`清单中没有 ${s.itemId} 项`, `the checklist has no item ${s.itemId}`)
    if (seen.has(s.itemId)) return refuse(`${s.itemId} 项评分两次`, `${s.itemId} is scored twice`)
    seen.add(s.itemId)
    if (s.score > item.maxScore) return refuse(`${item.title.zh} 最高 ${item.maxScore} 分`, `${item.title.en} scores at most ${item.maxScore}`)
    if (s.score > 0 && s.evidence.length === 0) return refuse(`${item.title.zh} 的得分须附佐证材料`, `${item.title.en} needs evidence for its score`, `evidence ${s.itemId}`)
  }
  return Either.right({
    items: scores,
    total: scores.reduce((t, s) => t + s.score, 0),
    maximum: rule.parameters.items.reduce((t, i) => t + i.maxScore, 0),
    unscored: rule.parameters.items.filter((i) => !seen.has(i.id)).map((i) => i.id)
  })
}
