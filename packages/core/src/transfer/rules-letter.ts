import * as Schema from "effect/Schema"
import { civilDate } from "../calendar/civil-date.js"
import { defineRule } from "../profile/rule.js"

/**
 * Rules on the transfer letter (组织关系介绍信) and its receipt (回执), rules.md §8.2–8.3 and 8.7.
 * JG2019 第二十五条 requires the transfer and makes the sending organization responsible until the
 * member is received; the validity of a paper letter is local practice (8.7), so it is a profile
 * parameter a county sets, kept `unsure` until a county names its own.
 */

const days = Schema.Int.pipe(Schema.positive())

/**
 * 介绍信有效期 — the days a transfer letter stays valid after its issue date (the issue date plus
 * `days` is its last valid day). Sources vary (about 10 days within a city, 30 days, up to 3 months,
 * cross-province up to 6 months): 30 is a default a county overrides.
 */
export const letterValidityRule = defineRule({
  id: "transfer.letter.validity",
  title: {
    zh: "组织关系介绍信在有效期内持信报到（有效期各地规定不一，默认30天）",
    en: "A transfer letter is presented within its validity (local practice varies; 30 days by default)"
  },
  strength: "default",
  parameters: Schema.Struct({ days }),
  versions: [
    {
      effectiveFrom: civilDate("2019-05-06"),
      parameters: { days: 30 },
      source: { regulation: "JG2019", article: "第二十五条" },
      confidence: "unsure"
    }
  ]
})

/**
 * 回执 — the sending organization stays responsible until the member is received: a letter not
 * acknowledged by the end of its validity is flagged to the sending branch `graceDays` after it (the
 * days a paper receipt takes to come back; 0 by default).
 */
export const receiptDeadlineRule = defineRule({
  id: "transfer.receipt.deadline",
  title: {
    zh: "转出党组织在介绍信有效期届满时应收到回执，未收到的应及时联系接收党组织",
    en: "The sending organization expects the receipt by the end of the letter's validity, and follows up when it has none"
  },
  strength: "default",
  parameters: Schema.Struct({ graceDays: Schema.Int.pipe(Schema.nonNegative()) }),
  versions: [
    {
      effectiveFrom: civilDate("2019-05-06"),
      parameters: { graceDays: 0 },
      source: { regulation: "JG2019", article: "第二十五条" },
      confidence: "likely"
    }
  ]
})

/**
 * 口袋党员 — a member transferred out and not received anywhere `months` after the letter was
 * issued: a signal for the county, which clears up organizational relations (JG2019 第二十五条: no
 * member may be outside an organization). The six months follow rules.md 8.2 and 8.4.
 */
export const pocketMemberSignalRule = defineRule({
  id: "transfer.pocketMember.signal",
  title: {
    zh: "转出后满6个月仍未被任何党组织接收的（“口袋党员”），提请县级党组织清理",
    en: "A member transferred out and not received anywhere after 6 months (a 'pocket member') is raised to the county"
  },
  strength: "default",
  parameters: Schema.Struct({ months: Schema.Int.pipe(Schema.positive()) }),
  versions: [
    {
      effectiveFrom: civilDate("2019-05-06"),
      parameters: { months: 6 },
      source: { regulation: "JG2019", article: "第二十五条" },
      confidence: "unsure"
    }
  ]
})
