import * as Schema from "effect/Schema"
import { recruitmentVersions } from "../member/recruitment-versions.js"
import { defineRule } from "../profile/rule.js"

/**
 * 转入预备党员推迟讨论转正 (rules.md 4.29; XZ2026 第三十五条, 2014: 第三十六条) — for a probationary
 * member transferred in, the receiving organization may postpone the discussion of the conversion by
 * at most `months` after the probation ends; a conversion then dates from the probation end.
 */
export const probationPostponementRule = defineRule({
  id: "transfer.probation.postponement",
  title: {
    zh: "对转入的预备党员，预备期满时如有必要可推迟讨论其转正问题，推迟时间不超过六个月；转正时间自预备期满之日算起",
    en: "For a probationary member transferred in, the conversion may be discussed up to 6 months after probation ends; a conversion dates from the probation end"
  },
  strength: "hard",
  parameters: Schema.Struct({ months: Schema.Int.pipe(Schema.positive()) }),
  versions: recruitmentVersions(
    { parameters: { months: 6 }, article: "第三十六条", confidence: "likely" },
    { parameters: { months: 6 }, article: "第三十五条", confidence: "likely" }
  ),
  atLeastAsStrict: (c, b) => c.months <= b.months
})

/**
 * 转入预备党员身份的审查 (rules.md 4.29, second part; XZ2026 第三十五条) — when the receiving
 * organization cannot verify a transferred-in probationary member's file, the library decides
 * nothing: the review is a `flag`, the conversion is not discussed until a person records the
 * decision, and refusing recognition (不予承认) needs the approval of the county-level organization
 * department (`refusalNeedsCountyApproval`). A county may ask for that approval to recognize, too
 * (`recognitionNeedsCountyApproval`, stricter).
 */
export const probationRecognitionRule = defineRule({
  id: "transfer.probation.recognition",
  title: {
    zh: "对转入的预备党员，审查中无法核实其入党材料的，由党组织核实后作出决定；不予承认的须经县级以上党委组织部门批准",
    en: "A transferred-in probationary member whose file cannot be verified awaits a recorded decision; refusing recognition needs county-level approval"
  },
  strength: "hard",
  parameters: Schema.Struct({ refusalNeedsCountyApproval: Schema.Boolean, recognitionNeedsCountyApproval: Schema.Boolean }),
  versions: recruitmentVersions(
    { parameters: { refusalNeedsCountyApproval: true, recognitionNeedsCountyApproval: false }, article: "第三十六条", confidence: "unsure" },
    { parameters: { refusalNeedsCountyApproval: true, recognitionNeedsCountyApproval: false }, article: "第三十五条", confidence: "likely" }
  ),
  atLeastAsStrict: (c, b) =>
    (c.refusalNeedsCountyApproval || !b.refusalNeedsCountyApproval) && (c.recognitionNeedsCountyApproval || !b.recognitionNeedsCountyApproval)
})
