import * as Effect from "effect/Effect"
import { addMonths, type CivilDate } from "../calendar/civil-date.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import type { CommandContext } from "../service/context.js"
import { Store } from "../store/port.js"
import { derivedId } from "../tenant/derived-id.js"
import { stepDate } from "./democratic.js"
import { rectificationItemKind } from "./kinds.js"
import type { ChecklistScore, DemocraticEvaluation, RectificationItem } from "./records.js"
import { democraticFollowUpRule } from "./rules-democratic.js"
import { checklistStandardsRule, rectificationAutomaticRule } from "./rules-standards.js"

/** A rectification item as raised automatically (without `version`: the store sets it on create). */
export type RaisedItem = Omit<RectificationItem, "version">

/** The id of the item a source raises: one per evaluation and member, or per checklist and item. */
export const raisedItemId = (sourceId: string, subject: string): string => derivedId("rect", sourceId, subject)

const gradeText = { basicallyQualified: { zh: "基本合格", en: "basically qualified" }, unqualified: { zh: "不合格", en: "unqualified" } } as const

/**
 * 评议整改 — `evaluation.rectification.automatic`: once the branch has determined the grades, an item
 * for each member graded 基本合格 or 不合格 (as the follow-up rule lists), owned by the member or the
 * secretary, due `correctionMonths` after the determination and never later than the 限期改正 limit
 * of `evaluation.democratic.followUp`. Ids are derived from the evaluation and the member, so raising
 * twice gives the same items. Nothing before the determination.
 */
export const itemsFromEvaluation = (cycle: DemocraticEvaluation, secretaryId: string | null, profile: RuleProfile): ReadonlyArray<RaisedItem> => {
  const on = stepDate(cycle, "determination")
  if (on === undefined) return []
  const auto = ruleAt(profile, rectificationAutomaticRule, on).parameters
  if (!auto.fromDemocraticEvaluation) return []
  const followUp = ruleAt(profile, democraticFollowUpRule, on).parameters
  const deadline = addMonths(on, Math.min(auto.correctionMonths, followUp.maxCorrectionMonths))
  return cycle.grades
    .filter((g): g is typeof g & { grade: "basicallyQualified" | "unqualified" } => (followUp.grades as ReadonlyArray<string>).includes(g.grade))
    .map((g) => ({
      tenantId: cycle.tenantId,
      id: raisedItemId(cycle.id, g.memberId),
      organizationId: cycle.organizationId,
      raisedOn: on,
      origin: "evaluation" as const,
      issue: `${cycle.year} 年民主评议：${g.memberId} 评为${gradeText[g.grade].zh}，限期改正 / ${g.memberId} graded ${gradeText[g.grade].en} in the ${cycle.year} evaluation: correction by ${deadline}`,
      measure: null,
      ownerId: (auto.evaluationOwner === "member" ? g.memberId : secretaryId) as RectificationItem["ownerId"],
      deadline,
      recheck: null,
      closedOn: null,
      evidence: [cycle.id]
    }))
}

/**
 * 标准化建设整改 — `evaluation.rectification.automatic`: an item for each checklist item scored below
 * `checklistBelowPercent` of its maximum, owned by the branch secretary, due `checklistDeadlineMonths`
 * after the scoring. Ids are derived from the scoring and the checklist item, so scoring again keeps
 * one item per standard.
 */
export const itemsFromChecklist = (score: ChecklistScore, secretaryId: string | null, profile: RuleProfile): ReadonlyArray<RaisedItem> => {
  const auto = ruleAt(profile, rectificationAutomaticRule, score.scoredOn).parameters
  const standards = new Map(ruleAt(profile, checklistStandardsRule, score.scoredOn).parameters.items.map((i) => [i.id, i]))
  const deadline: CivilDate = addMonths(score.scoredOn, auto.checklistDeadlineMonths)
  return score.items.flatMap((s) => {
    const standard = standards.get(s.itemId)
    if (standard === undefined || s.score * 100 >= auto.checklistBelowPercent * standard.maxScore) return []
    return [
      {
        tenantId: score.tenantId,
        id: raisedItemId(score.id, s.itemId),
        organizationId: score.organizationId,
        raisedOn: score.scoredOn,
        origin: "inspection" as const,
        issue: `${score.year} 年标准化建设“${standard.title.zh}”得分 ${s.score}/${standard.maxScore}，未达标 / "${standard.title.en}" scored ${s.score} of ${standard.maxScore} in ${score.year}: below standard`,
        measure: null,
        ownerId: secretaryId as RectificationItem["ownerId"],
        deadline,
        recheck: null,
        closedOn: null,
        evidence: [score.id, ...s.evidence]
      }
    ]
  })
}

/** The items of `items` not on file yet (by id, among the organization's items of the same origin): what raising writes. */
export const newItems = (ctx: CommandContext, organizationId: string, items: ReadonlyArray<RaisedItem>) =>
  Effect.gen(function* () {
    if (items.length === 0) return items
    const origins = [...new Set(items.map((i) => i.origin))]
    const stored = yield* (yield* Store).list(rectificationItemKind, ctx.tenantId, { organizationId, origin: origins })
    const known = new Set(stored.map((i) => i.id as string))
    return items.filter((i) => !known.has(i.id))
  })
