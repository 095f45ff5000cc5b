import * as Schema from "effect/Schema"
import { civilDate } from "../calendar/civil-date.js"
import { defineRule } from "../profile/rule.js"

/**
 * 流动党员 (rules.md 8.4; JG2019 第三十二条) — a member away for `minimumMonths` or more without
 * transferring the relation keeps one home organization (the file) and is attached to at most
 * `maximumHosts` host organizations at a time, which help with daily management ("one affiliation,
 * several organizational lives").
 */
export const mobileHostRule = defineRule({
  id: "transfer.mobile.host",
  title: {
    zh: "外出6个月以上未转组织关系的流动党员，由流入地党组织协助管理，一方隶属、参加多重组织生活",
    en: "A member away 6 months or more without transferring is helped by one host organization; the home organization keeps the file"
  },
  strength: "default",
  parameters: Schema.Struct({
    minimumMonths: Schema.Int.pipe(Schema.positive()),
    maximumHosts: Schema.Int.pipe(Schema.positive())
  }),
  versions: [
    {
      effectiveFrom: civilDate("2019-05-06"),
      parameters: { minimumMonths: 6, maximumHosts: 1 },
      source: { regulation: "JG2019", article: "第三十二条" },
      confidence: "certain"
    }
  ]
})
