import * as Schema from "effect/Schema"
import { defineRule } from "../profile/rule.js"
import { recruitmentVersions } from "./recruitment-versions.js"

/** Rules of stage three, 发展对象的确定和考察 (rules.md 4.8–4.12). */

/** How the higher 党委 takes part in choosing a 发展对象: a filing (2014) or its consent (2026). */
export const CandidateApprovalKind = Schema.Literal("filing", "consent")
export type CandidateApprovalKind = typeof CandidateApprovalKind.Type

/**
 * 确定发展对象 — 2014: the 支委会 decides and files with the higher 党委 (备案), and the person is a
 * 发展对象 from the committee's decision. 2026: the higher 党委 must agree (同意), then the person is
 * posted publicly and becomes a 发展对象 only when the posting closes without a bar.
 * The version is chosen by the date of the committee's decision (`candidateDesignation`).
 */
export const candidateApprovalRule = defineRule({
  id: "member.candidate.approval",
  title: {
    zh: "确定发展对象须报上级党委（2014年：备案；2026年：同意并公示）",
    en: "Candidates go to the higher committee (2014: filing; 2026: consent and publicity)"
  },
  strength: "hard",
  parameters: Schema.Struct({ requires: CandidateApprovalKind }),
  versions: recruitmentVersions<{ readonly requires: CandidateApprovalKind }>(
    { parameters: { requires: "filing" }, article: "第十三条", confidence: "likely" },
    { parameters: { requires: "consent" }, article: "第十三条", confidence: "likely" }
  ),
  atLeastAsStrict: (c, b) => c.requires === "consent" || b.requires === "filing"
})

/**
 * 公示 — the 2026 rules post a prospective 发展对象 for at least 5 working days. The 2014 national
 * text fixed no period (0 here; provincial 规程 used 5–7 days, which a local profile may set).
 */
export const candidatePublicityRule = defineRule({
  id: "member.candidate.publicity",
  title: { zh: "发展对象公示不少于5个工作日", en: "A candidate is posted publicly for at least 5 working days" },
  strength: "hard",
  parameters: Schema.Struct({ minimumWorkdays: Schema.Int.pipe(Schema.nonNegative()) }),
  versions: recruitmentVersions(
    { parameters: { minimumWorkdays: 0 }, article: "第十三条", confidence: "unsure" },
    { parameters: { minimumWorkdays: 5 }, article: "第十三条", confidence: "likely" }
  ),
  atLeastAsStrict: (c, b) => c.minimumWorkdays >= b.minimumWorkdays
})

/** 入党介绍人 — exactly two full members introduce a candidate (党章 第五条). */
export const introducersCountRule = defineRule({
  id: "member.introducers.count",
  title: { zh: "发展对象须有两名正式党员作入党介绍人", en: "Two full members introduce each candidate" },
  strength: "hard",
  parameters: Schema.Struct({ count: Schema.Int.pipe(Schema.positive()) }),
  versions: recruitmentVersions(
    { parameters: { count: 2 }, article: "第十四条", confidence: "likely" },
    { parameters: { count: 2 }, article: "第十四条", confidence: "certain" }
  )
})

/** A sanction that can bar a member from acting as introducer while it (or its 影响期) runs. */
export const DisqualifyingSanction = Schema.Literal(
  "warning",
  "seriousWarning",
  "removalFromPost",
  "probationWithinParty",
  "detention"
)

/**
 * 不能作入党介绍人 — members under 留党察看 whose rights are not restored cannot introduce; members in
 * the 影响期 of 警告, 严重警告 or 撤销党内职务 should not. Whether 2014 already barred the 影响期 cases
 * was not checked (hence `unsure` for 2014).
 */
export const introducersEligibilityRule = defineRule({
  id: "member.introducers.eligibility",
  title: {
    zh: "受留党察看处分或处于警告、严重警告、撤销党内职务影响期的党员不作入党介绍人",
    en: "Members under probation within the Party, or in the influence period of a warning, serious warning or removal from post, do not introduce"
  },
  strength: "hard",
  parameters: Schema.Struct({ disqualifying: Schema.Array(DisqualifyingSanction) }),
  versions: recruitmentVersions<{ readonly disqualifying: ReadonlyArray<typeof DisqualifyingSanction.Type> }>(
    {
      parameters: { disqualifying: ["probationWithinParty", "warning", "seriousWarning", "removalFromPost"] },
      article: "第十四条",
      confidence: "unsure"
    },
    {
      parameters: { disqualifying: ["probationWithinParty", "warning", "seriousWarning", "removalFromPost"] },
      article: "第十四条",
      confidence: "likely"
    }
  ),
  atLeastAsStrict: (c, b) => b.disqualifying.every((kind) => c.disqualifying.includes(kind))
})

/** 政治审查 — mandatory, with a written conclusion; without one, or failed, no admission. */
export const politicalReviewRequiredRule = defineRule({
  id: "member.politicalReview.required",
  title: {
    zh: "发展对象必须经过政治审查，未经政治审查或政治审查不合格的不能发展入党",
    en: "A political review with a conclusion is required; failing it bars admission"
  },
  strength: "hard",
  parameters: Schema.Struct({}),
  versions: recruitmentVersions(
    { parameters: {}, article: "第十六条", confidence: "likely" },
    { parameters: {}, article: "第十六条", confidence: "certain" }
  )
})

/** 集中培训 — a short centralized training of at least 3 days or 24 学时. */
export const candidateTrainingRule = defineRule({
  id: "member.candidate.training",
  title: {
    zh: "发展对象集中培训时间一般不少于3天（或不少于24个学时）",
    en: "Candidate training lasts at least 3 days or 24 class hours"
  },
  strength: "hard",
  parameters: Schema.Struct({
    minimumDays: Schema.Number.pipe(Schema.positive()),
    minimumHours: Schema.Number.pipe(Schema.positive())
  }),
  versions: recruitmentVersions(
    { parameters: { minimumDays: 3, minimumHours: 24 }, article: "第十七条", confidence: "certain" },
    { parameters: { minimumDays: 3, minimumHours: 24 }, article: "第十七条", confidence: "certain" }
  ),
  atLeastAsStrict: (c, b) => c.minimumDays >= b.minimumDays && c.minimumHours >= b.minimumHours
})
