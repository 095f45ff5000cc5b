import * as Schema from "effect/Schema"
import { civilDate } from "../calendar/civil-date.js"
import { defineRule } from "../profile/rule.js"

/**
 * Rules on how party organizations are set up (rules.md §3.1–3.6, §9.1). "Members" (党员) counts
 * probationary and full members; "full members" (正式党员) only full ones, both `active`.
 */

const count = Schema.Int.pipe(Schema.positive())

/** 正式党员3人以上成立党支部 — a branch needs at least 3 full members (PC2022 第三十条; ZXX2016 for schools). */
export const branchMinimumFullMembersRule = defineRule({
  id: "org.branch.minimumFullMembers",
  title: { zh: "党支部正式党员不少于3人", en: "A branch has at least 3 full members" },
  strength: "hard",
  parameters: Schema.Struct({ minimum: count }),
  versions: [
    {
      effectiveFrom: civilDate("2022-10-22"),
      parameters: { minimum: 3 },
      source: { regulation: "PC2022", article: "第三十条" },
      confidence: "certain"
    }
  ]
})

/** 党支部党员人数一般不超过50人 — a default; a larger branch is a warning, not a breach. */
export const branchMaximumMembersRule = defineRule({
  id: "org.branch.maximumMembers",
  title: { zh: "党支部党员人数一般不超过50人", en: "A branch generally has at most 50 members" },
  strength: "default",
  parameters: Schema.Struct({ maximum: count }),
  versions: [
    {
      effectiveFrom: civilDate("2018-10-28"),
      parameters: { maximum: 50 },
      source: { regulation: "ZB2018", article: "第二章" },
      confidence: "likely"
    }
  ]
})

/**
 * 支部委员会 — a branch with at least 7 full members must have a committee of 3 to 5, generally not
 * more than 7 (ZB2018: 由3至5人组成，一般不超过7人). Too small or missing is a breach; more than
 * `maximum` is a warning, because that bound is 一般.
 */
export const branchCommitteeSizeRule = defineRule({
  id: "org.branchCommittee.size",
  title: {
    zh: "正式党员7人以上的党支部设支部委员会，由3至5人组成，一般不超过7人",
    en: "A branch with 7 or more full members has a committee of 3 to 5, generally at most 7"
  },
  strength: "hard",
  parameters: Schema.Struct({ fullMembersForCommittee: count, minimum: count, maximum: count }),
  versions: [
    {
      effectiveFrom: civilDate("2018-10-28"),
      parameters: { fullMembersForCommittee: 7, minimum: 3, maximum: 7 },
      source: { regulation: "ZB2018", article: "第六章" },
      confidence: "certain"
    }
  ],
  atLeastAsStrict: (c, b) =>
    c.fullMembersForCommittee === b.fullMembersForCommittee && c.minimum >= b.minimum && c.maximum <= b.maximum && c.minimum <= c.maximum
})

/** 书记、副书记 — every branch has one secretary, and at most one deputy "if needed". */
export const branchSecretaryRule = defineRule({
  id: "org.branch.secretary",
  title: { zh: "党支部设书记1名，必要时设副书记1名", en: "A branch has one secretary and, if needed, one deputy" },
  strength: "hard",
  parameters: Schema.Struct({ maximumDeputies: Schema.Int.pipe(Schema.nonNegative()) }),
  versions: [
    {
      effectiveFrom: civilDate("2018-10-28"),
      parameters: { maximumDeputies: 1 },
      source: { regulation: "ZB2018", article: "第六章" },
      confidence: "certain"
    }
  ],
  atLeastAsStrict: (c, b) => c.maximumDeputies <= b.maximumDeputies
})

/** 联合党支部 — covers generally at most 5 units; a county may be stricter (e.g. Guigang: 3 schools). */
export const jointBranchMaximumUnitsRule = defineRule({
  id: "org.jointBranch.maximumUnits",
  title: { zh: "联合党支部覆盖单位一般不超过5个", en: "A joint branch generally covers at most 5 units" },
  strength: "default",
  parameters: Schema.Struct({ maximum: count }),
  versions: [
    {
      effectiveFrom: civilDate("2018-10-28"),
      parameters: { maximum: 5 },
      source: { regulation: "ZB2018", article: "第二章" },
      confidence: "likely"
    }
  ]
})

/** 党总支 — 50 members or more (below that only with higher approval); JGJC2019 gives the number for 机关. */
export const generalBranchThresholdRule = defineRule({
  id: "org.generalBranch.threshold",
  title: { zh: "党员50人以上的设立党总支", en: "A general branch is set up from 50 members" },
  strength: "default",
  parameters: Schema.Struct({ minimumMembers: count }),
  versions: [
    {
      effectiveFrom: civilDate("2019-11-01"),
      parameters: { minimumMembers: 50 },
      source: { regulation: "JGJC2019", article: "第六条" },
      confidence: "likely"
    }
  ]
})

/** 基层党委 — 100 members or more (below that only with higher approval). */
export const committeeThresholdRule = defineRule({
  id: "org.committee.threshold",
  title: { zh: "党员100人以上的设立党的基层委员会", en: "A grassroots committee is set up from 100 members" },
  strength: "default",
  parameters: Schema.Struct({ minimumMembers: count }),
  versions: [
    {
      effectiveFrom: civilDate("2019-11-01"),
      parameters: { minimumMembers: 100 },
      source: { regulation: "JGJC2019", article: "第五条" },
      confidence: "likely"
    }
  ]
})
