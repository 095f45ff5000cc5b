import * as Schema from "effect/Schema"
import { civilDate } from "../calendar/civil-date.js"
import { defineRule } from "../profile/rule.js"

/** Rules on terms of office and elections falling due (rules.md §3.7–3.9). */

/** 党章: 基层委员会、总支、支部委员会 each serve 3 to 5 years. The Schema keeps overrides inside it. */
const termYears = Schema.Int.pipe(Schema.between(3, 5))

/**
 * 任期 — the default term by kind: 基层党委 5 years; 总支 and 支部 (and a branch secretary without a
 * committee) 3 years. A local profile may choose another length, but only within the 党章's 3–5 years.
 */
export const termLengthRule = defineRule({
  id: "org.term.length",
  title: {
    zh: "任期：基层党委一般5年，党总支、党支部一般3年（党章规定3至5年）",
    en: "Term: committee generally 5 years, general branch and branch 3 years (3 to 5 by the Constitution)"
  },
  strength: "default",
  parameters: Schema.Struct({ committee: termYears, generalBranch: termYears, branch: termYears, jointBranch: termYears }),
  versions: [
    {
      effectiveFrom: civilDate("2019-11-01"),
      parameters: { committee: 5, generalBranch: 3, branch: 3, jointBranch: 3 },
      source: { regulation: "JGJC2019", article: "第五条至第七条" },
      confidence: "likely"
    }
  ]
})

/** 党章 — grassroots committees, general branches and branch committees serve 3 to 5 years. */
export const termBoundsRule = defineRule({
  id: "org.term.bounds",
  title: { zh: "基层组织每届任期3年至5年", en: "A grassroots organization's term is 3 to 5 years" },
  strength: "hard",
  parameters: Schema.Struct({ minimumYears: Schema.Int, maximumYears: Schema.Int }),
  versions: [
    {
      effectiveFrom: civilDate("2022-10-22"),
      parameters: { minimumYears: 3, maximumYears: 5 },
      source: { regulation: "PC2022", article: "第三十一条" },
      confidence: "certain"
    }
  ]
})

/** 按期换届 — the election is due when the term ends; postponing it needs higher approval. */
export const termElectionDueRule = defineRule({
  id: "org.term.electionDue",
  title: { zh: "任期届满应当按期进行换届选举", en: "An election is due when the term ends" },
  strength: "hard",
  parameters: Schema.Struct({}),
  versions: [
    {
      effectiveFrom: civilDate("2020-07-13"),
      parameters: {},
      source: { regulation: "XJ2020", article: "第三条" },
      confidence: "certain"
    }
  ]
})

/** 延期换届 — with higher approval an election may be postponed, by at most one year. */
export const termExtensionRule = defineRule({
  id: "org.term.extension",
  title: { zh: "延期换届须经上级批准，延长期限一般不超过1年", en: "A postponed election needs higher approval, at most 1 year" },
  strength: "hard",
  parameters: Schema.Struct({ maximumMonths: Schema.Int.pipe(Schema.between(1, 12)) }),
  versions: [
    {
      effectiveFrom: civilDate("2020-07-13"),
      parameters: { maximumMonths: 12 },
      source: { regulation: "XJ2020", article: "第三条" },
      confidence: "certain"
    }
  ],
  atLeastAsStrict: (c, b) => c.maximumMonths <= b.maximumMonths
})

/**
 * 换届提醒 — how long before the term ends zhibu starts reminding. The 6 months are zhibu's own
 * default (no regulation fixes a window); the duty it reminds of is XJ2020 第三条.
 */
export const termReminderWindowRule = defineRule({
  id: "org.term.reminderWindow",
  title: { zh: "换届提醒：届满前6个月开始（zhibu 约定）", en: "Election reminder from 6 months before the term ends (a zhibu convention)" },
  strength: "default",
  parameters: Schema.Struct({ months: Schema.Int.pipe(Schema.between(0, 24)) }),
  versions: [
    {
      effectiveFrom: civilDate("2020-07-13"),
      parameters: { months: 6 },
      source: { regulation: "XJ2020", article: "第三条" },
      confidence: "likely"
    }
  ]
})
