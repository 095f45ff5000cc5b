import * as Schema from "effect/Schema"
import { civilDate } from "../calendar/civil-date.js"
import { defineRule } from "../profile/rule.js"

/**
 * 撤销党组织 — every member must belong to a branch (JG2019 第二十五条: 每个党员都必须编入党的一个
 * 支部、小组或者其他特定组织), so an organization is dissolved only once every file in it has been
 * moved, and every organization below it dissolved or moved.
 */
export const dissolutionMembersPlacedRule = defineRule({
  id: "org.dissolution.membersPlaced",
  title: {
    zh: "每个党员都必须编入党的一个支部：撤销党组织前，其党员须全部转出或编入其他支部",
    en: "Every member belongs to a branch: an organization is dissolved only after all its members are moved"
  },
  strength: "hard",
  parameters: Schema.Struct({}),
  versions: [
    {
      effectiveFrom: civilDate("2019-05-06"),
      parameters: {},
      source: { regulation: "JG2019", article: "第二十五条" },
      confidence: "certain"
    }
  ]
})
