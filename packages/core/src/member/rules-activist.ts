import * as Schema from "effect/Schema"
import { defineRule } from "../profile/rule.js"
import { recruitmentVersions } from "./recruitment-versions.js"

/** Rules of stage two, 入党积极分子的确定和培养教育 (rules.md 4.4–4.8). */

/**
 * 确定入党积极分子 — chosen by the 支委会 (the 党员大会 without a committee) from applicants who have
 * had the talk, then filed with the higher 党委 (备案).
 */
export const activistDesignationRule = defineRule({
  id: "member.activist.designation",
  title: {
    zh: "入党积极分子经支部委员会研究确定，并报上级党委备案",
    en: "Activists are chosen by the branch committee and filed with the higher committee"
  },
  strength: "hard",
  parameters: Schema.Struct({}),
  versions: recruitmentVersions(
    { parameters: {}, article: "第八条", confidence: "likely" },
    { parameters: {}, article: "第八条", confidence: "certain" }
  )
})

const ContactCount = Schema.Struct({
  minimum: Schema.Int.pipe(Schema.positive()),
  maximum: Schema.Int.pipe(Schema.positive())
})

/** 培养联系人 — one or two full members are named as each activist's contacts. */
export const activistContactsRule = defineRule({
  id: "member.activist.contacts",
  title: { zh: "指定一至两名正式党员作为培养联系人", en: "One or two full members are named as contacts" },
  strength: "hard",
  parameters: ContactCount,
  versions: recruitmentVersions(
    { parameters: { minimum: 1, maximum: 2 }, article: "第九条", confidence: "likely" },
    { parameters: { minimum: 1, maximum: 2 }, article: "第九条", confidence: "certain" }
  ),
  atLeastAsStrict: (c, b) => c.minimum >= b.minimum && c.maximum <= b.maximum && c.minimum <= c.maximum
})

/** 每半年考察一次 — the branch assesses each activist every six months (tracked, not a block). */
export const activistAssessmentIntervalRule = defineRule({
  id: "member.activist.assessmentInterval",
  title: { zh: "党支部每半年对入党积极分子进行一次考察", en: "The branch assesses each activist every 6 months" },
  strength: "hard",
  parameters: Schema.Struct({ months: Schema.Int.pipe(Schema.positive()) }),
  versions: recruitmentVersions(
    { parameters: { months: 6 }, article: "第十一条", confidence: "likely" },
    { parameters: { months: 6 }, article: "第十一条", confidence: "certain" }
  ),
  atLeastAsStrict: (c, b) => c.months <= b.months
})

/** 培养教育一年以上 — at least one year as an activist before becoming a 发展对象. */
export const activistMinimumCultivationRule = defineRule({
  id: "member.activist.minimumCultivation",
  title: {
    zh: "经过一年以上培养教育和考察方可列为发展对象",
    en: "At least 1 year as an activist before becoming a candidate"
  },
  strength: "hard",
  parameters: Schema.Struct({ years: Schema.Int.pipe(Schema.positive()) }),
  versions: recruitmentVersions(
    { parameters: { years: 1 }, article: "第十三条", confidence: "certain" },
    { parameters: { years: 1 }, article: "第十三条", confidence: "certain" }
  ),
  atLeastAsStrict: (c, b) => c.years >= b.years
})
