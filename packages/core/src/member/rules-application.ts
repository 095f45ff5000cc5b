import * as Schema from "effect/Schema"
import { defineRule } from "../profile/rule.js"
import { recruitmentVersions } from "./recruitment-versions.js"

/** Rules of stage one, 申请入党 (rules.md §4.1, 4.1, 4.3), and the order of the 25 steps. */

/** 年满十八岁 — an applicant must be at least 18 on the application date. */
export const applicationMinimumAgeRule = defineRule({
  id: "member.application.minimumAge",
  title: { zh: "年满十八岁方可申请入党", en: "An applicant must be at least 18 years old" },
  strength: "hard",
  parameters: Schema.Struct({ minimumAge: Schema.Int.pipe(Schema.positive()) }),
  versions: recruitmentVersions(
    { parameters: { minimumAge: 18 }, article: "第五条", confidence: "certain" },
    { parameters: { minimumAge: 18 }, article: "第五条", confidence: "certain" }
  ),
  atLeastAsStrict: (c, b) => c.minimumAge >= b.minimumAge
})

/** 派人谈话 — the organization talks with the applicant within one month of receiving the application. */
export const applicationTalkDeadlineRule = defineRule({
  id: "member.applicationTalk.deadline",
  title: {
    zh: "党组织收到入党申请书后一个月内派人同申请人谈话",
    en: "Talk with the applicant within 1 month of receiving the application"
  },
  strength: "hard",
  parameters: Schema.Struct({ months: Schema.Int.pipe(Schema.positive()) }),
  versions: recruitmentVersions(
    { parameters: { months: 1 }, article: "第七条", confidence: "certain" },
    { parameters: { months: 1 }, article: "第七条", confidence: "certain" }
  ),
  atLeastAsStrict: (c, b) => c.months <= b.months
})

/**
 * 发展党员流程 — the 25 steps are taken in the order of the 中组部 flow chart used with the 细则
 * (the chart itself is not article text, hence no article and `likely`). Dates never go backwards
 * and never lie after today; only an active file takes steps.
 */
export const stepsOrderRule = defineRule({
  id: "member.steps.order",
  title: { zh: "发展党员按二十五个步骤依次进行", en: "The 25 recruitment steps are taken in order" },
  strength: "hard",
  parameters: Schema.Struct({}),
  versions: recruitmentVersions(
    { parameters: {}, confidence: "likely" },
    { parameters: {}, confidence: "likely" }
  )
})
