import type { CivilDate } from "../calendar/civil-date.js"
import { checklistStandardsRule } from "../evaluation/rules-standards.js"
import type { Message } from "../i18n/message.js"
import { withCitation } from "../profile/citation.js"
import { ruleAt } from "../profile/profile.js"
import type { ResolvedRule } from "../profile/rule.js"
import { type EvidenceRecord, type InspectionRecords, type MissingEvidence, proofs } from "./inspection-proofs.js"
import { type EvidenceKind, type InspectionItem, inspectionChecklistRule } from "./rules.js"

/** One inspection item of the pack: the records that prove it and what is missing. */
export interface InspectionEntry {
  readonly itemId: string
  readonly title: Message
  readonly evidence: ReadonlyArray<EvidenceKind>
  /** Proof per kind of evidence, in the item's order. */
  readonly proofs: ReadonlyArray<{ readonly evidence: EvidenceKind; readonly records: ReadonlyArray<EvidenceRecord> }>
  /** The standardization checklist's score of this item and its evidence, when the item is one of the checklist's and was scored. */
  readonly score?: { readonly score: number; readonly maxScore: number; readonly evidence: ReadonlyArray<string> }
  readonly missing: ReadonlyArray<MissingEvidence>
  /** True when nothing is missing and every kind of evidence has at least one record. */
  readonly complete: boolean
}

/** 迎检材料 — a branch's evidence for every inspection item of a year, as known on `asOf`. */
export interface InspectionPack {
  readonly organizationId: string
  readonly year: number
  readonly asOf: CivilDate
  /** The checklist the pack follows (`report.inspection.checklist`), cited. */
  readonly rule: ResolvedRule<{ readonly items: ReadonlyArray<InspectionItem> }>
  readonly entries: ReadonlyArray<InspectionEntry>
}

/**
 * 迎检材料 — for each item of `items` (by default `report.inspection.checklist` on the year's last day,
 * whose items follow the standardization checklist `evaluation.checklist.standards`), the records that
 * prove it and what is missing, each missing piece citing its rule. An item of the standardization
 * checklist carries its title there and the score and evidence the branch entered for it. Pure.
 */
export const inspectionPack = (records: InspectionRecords, items?: ReadonlyArray<InspectionItem>): InspectionPack => {
  const end = `${records.year}-12-31` as CivilDate
  const rule = ruleAt(records.profile, inspectionChecklistRule, end)
  const standards = new Map(ruleAt(records.profile, checklistStandardsRule, end).parameters.items.map((i) => [i.id, i]))
  const scored = records.checklists.at(-1)
  const checklistRule = ruleAt(records.profile, checklistStandardsRule, end)
  const entries = (items ?? rule.parameters.items).map((item): InspectionEntry => {
    const standard = standards.get(item.id)
    const byKind = item.evidence.map((evidence) => ({ evidence, ...proofs[evidence](records) }))
    const missing = byKind.flatMap((p) => p.missing)
    const itemScore = scored?.items.find((s) => s.itemId === item.id)
    if (standard !== undefined && item.evidence.includes("checklistScore") && scored !== undefined) {
      if (itemScore === undefined || itemScore.evidence.length === 0) {
        missing.push({
          ruleId: checklistRule.id,
          message: withCitation(checklistRule, { zh: `${standard.title.zh}未评分或无佐证材料`, en: `${standard.title.en}: not scored, or scored without evidence` })
        })
      }
    }
    const entry = {
      itemId: item.id,
      title: standard?.title ?? item.title,
      evidence: item.evidence,
      proofs: byKind.map(({ evidence, records: found }) => ({ evidence, records: found })),
      missing,
      complete: missing.length === 0 && byKind.every((p) => p.records.length > 0)
    }
    return standard !== undefined && itemScore !== undefined
      ? { ...entry, score: { score: itemScore.score, maxScore: standard.maxScore, evidence: itemScore.evidence } }
      : entry
  })
  return { organizationId: records.branch.id, year: records.year, asOf: records.asOf, rule, entries }
}
