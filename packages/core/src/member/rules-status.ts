import * as Schema from "effect/Schema"
import { civilDate } from "../calendar/civil-date.js"
import { defineRule } from "../profile/rule.js"

/** Rules on rights, lapse, suspension and restoration (rules.md §2.2, §6.1, §6.3–6.5). */

const PC2022_EFFECTIVE = civilDate("2022-10-22")
const JG2019_EFFECTIVE = civilDate("2019-05-06")

/**
 * 表决权 — only full members vote; 预备党员 do not, nor members under 留党察看 during the sanction;
 * members under 留置 or arrest have their rights suspended.
 */
export const votingRightsRule = defineRule({
  id: "member.votingRights",
  title: {
    zh: "正式党员有表决权；预备党员、受留党察看处分期间及被留置的党员没有表决权",
    en: "Only full members vote; not probationary members, nor members under probation within the Party or detention"
  },
  strength: "hard",
  parameters: Schema.Struct({}),
  versions: [{ effectiveFrom: PC2022_EFFECTIVE, parameters: {}, source: { regulation: "PC2022", article: "第七条" }, confidence: "certain" }]
})

/**
 * 自行脱党 — six consecutive months without organizational life, without paying dues, or without
 * doing assigned work, with no legitimate reason. Each condition alone is enough. 正当理由 is a human
 * judgement: zhibu raises a flag and never changes the status itself.
 */
export const lapseSixMonthsRule = defineRule({
  id: "member.lapse.sixMonths",
  title: {
    zh: "连续六个月不参加党的组织生活、不交纳党费或不做党所分配的工作，又无正当理由的，按自行脱党处理",
    en: "Six consecutive months without organizational life, dues or assigned work, without good reason, counts as leaving the Party"
  },
  strength: "hard",
  parameters: Schema.Struct({ months: Schema.Int.pipe(Schema.positive()) }),
  versions: [
    { effectiveFrom: JG2019_EFFECTIVE, parameters: { months: 6 }, source: { regulation: "JG2019", article: "第三十一条(六)" }, confidence: "certain" }
  ]
})

/** 失联党员 — 6 months out of contact despite searching → 停止党籍; still lost 2 years later → removal. */
export const lostContactSuspensionRule = defineRule({
  id: "member.lostContact.suspension",
  title: {
    zh: "失去联系满六个月的党员停止党籍；停止党籍满二年仍无法取得联系的按自行脱党予以除名",
    en: "After 6 months out of contact, suspend membership; 2 years after suspension, remove"
  },
  strength: "hard",
  parameters: Schema.Struct({
    suspendAfterMonths: Schema.Int.pipe(Schema.positive()),
    removeAfterYears: Schema.Int.pipe(Schema.positive())
  }),
  versions: [
    {
      effectiveFrom: JG2019_EFFECTIVE,
      parameters: { suspendAfterMonths: 6, removeAfterYears: 2 },
      source: { regulation: "JG2019", article: "第二十四条" },
      confidence: "certain"
    }
  ]
})

/** 出国（境）— studying or researching abroad for more than 5 years without returning → generally 停止党籍. */
export const abroadSuspensionRule = defineRule({
  id: "member.abroad.suspension",
  title: {
    zh: "出国（境）学习研究超过五年仍未回国的，一般予以停止党籍",
    en: "Abroad for study or research more than 5 years without returning: membership is generally suspended"
  },
  strength: "default",
  parameters: Schema.Struct({ years: Schema.Int.pipe(Schema.positive()) }),
  versions: [
    { effectiveFrom: JG2019_EFFECTIVE, parameters: { years: 5 }, source: { regulation: "JG2019", article: "第二十四条" }, confidence: "certain" }
  ]
})

/**
 * 恢复党籍 — 停止党籍 can be restored by the prescribed procedure; 劝退, 除名 and 开除 cannot (the person
 * may apply again, which opens a new file).
 */
export const statusRestorationRule = defineRule({
  id: "member.status.restoration",
  title: {
    zh: "停止党籍的可按规定恢复党籍；除名、自行脱党除名、取消预备党员资格的不能恢复，可重新申请入党",
    en: "Suspended membership can be restored; removal, lapse and cancelled probation cannot (apply again instead)"
  },
  strength: "hard",
  parameters: Schema.Struct({}),
  versions: [
    { effectiveFrom: JG2019_EFFECTIVE, parameters: {}, source: { regulation: "JG2019", article: "第二十四条" }, confidence: "certain" }
  ]
})
