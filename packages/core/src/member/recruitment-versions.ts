import { civilDate } from "../calendar/civil-date.js"
import type { Confidence, RuleVersion } from "../profile/rule.js"

/** 2014年《发展党员工作细则》施行日 — the 2014 recruitment rules took effect on 2014-05-28. */
export const XZ2014_EFFECTIVE = civilDate("2014-05-28")
/** 2026年修订《发展党员工作细则》施行日 — the revised rules took effect on 2026-05-11. */
export const XZ2026_EFFECTIVE = civilDate("2026-05-11")

/** One side of a recruitment rule: its parameters, the article it sits in, how sure we are. */
export interface RecruitmentVersion<P> {
  readonly parameters: P
  /** Absent when the article was not seen (the 2014 text survives only in partial reprints). */
  readonly article?: string
  readonly confidence: Confidence
}

/**
 * The two dated versions of a recruitment rule: the 2014 细则 (from 2014-05-28) and the 2026
 * revision (from 2026-05-11). Articles 1–17 have the same numbers in both; from 预审 on the 2014
 * text is one article further on (rules.md §0.3), which is why each side names its own article.
 */
export const recruitmentVersions = <P>(
  v2014: RecruitmentVersion<P>,
  v2026: RecruitmentVersion<P>
): readonly [RuleVersion<P>, RuleVersion<P>] => [
  {
    effectiveFrom: XZ2014_EFFECTIVE,
    parameters: v2014.parameters,
    source: v2014.article === undefined ? { regulation: "XZ2014" } : { regulation: "XZ2014", article: v2014.article },
    confidence: v2014.confidence
  },
  {
    effectiveFrom: XZ2026_EFFECTIVE,
    parameters: v2026.parameters,
    source: v2026.article === undefined ? { regulation: "XZ2026" } : { regulation: "XZ2026", article: v2026.article },
    confidence: v2026.confidence
  }
]
