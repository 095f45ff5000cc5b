import * as Schema from "effect/Schema"
import { regulations } from "../profile/regulation.js"
import { defineRule } from "../profile/rule.js"
import { MajorMatter } from "./meeting.js"

/**
 * 党组织领导的校长负责制 (rules.md §2.10, §9): major matters (三重一大) go to the principal's office
 * meeting only after the school's party organization has discussed them.
 */

/** Parameters: the 三重一大 list, the matters that need prior discussion, and those that need the ⅔ quorum. */
export const MajorMattersParameters = Schema.Struct({
  /** Matters the 党组织会议 must discuss before the 校长办公会议 decides them. */
  matters: Schema.Array(MajorMatter),
  /** Matters for which the 党组织会议 needs its key-matters quorum (two thirds). */
  keyMatters: Schema.Array(MajorMatter)
})
export type MajorMattersParameters = typeof MajorMattersParameters.Type

const includesAll = (candidate: ReadonlyArray<string>, baseline: ReadonlyArray<string>) => baseline.every((m) => candidate.includes(m))

/**
 * 三重一大 — development plans, cadre appointments, awards and penalties, professional titles,
 * building projects and large expenses are discussed by the party organization before the principal's
 * office meeting decides them; cadre matters need two thirds of the party organization present
 * (ZXX2022 三(五)(六)(七); the list as seed 004's school documents give it). A profile may add
 * matters, never remove one.
 */
export const majorMattersPriorDiscussionRule = defineRule({
  id: "meeting.majorMatters.priorDiscussion",
  title: {
    zh: "“三重一大”事项须经学校党组织会议研究讨论后，再由校长办公会议决定",
    en: "Major matters are discussed by the school's party organization before the principal's office meeting decides them"
  },
  strength: "hard",
  parameters: MajorMattersParameters,
  versions: [
    {
      effectiveFrom: regulations.ZXX2022.effectiveFrom,
      parameters: {
        matters: ["developmentPlan", "cadreAppointment", "awardsAndPenalties", "professionalTitles", "buildingProject", "largeExpense"],
        keyMatters: ["cadreAppointment"]
      },
      source: { regulation: "ZXX2022", article: "三（五）（六）（七）" },
      confidence: "likely"
    }
  ],
  atLeastAsStrict: (c, b) => includesAll(c.matters, b.matters) && includesAll(c.keyMatters, b.keyMatters)
})

/** Parameters of the silent-branch signal. */
export const SilentBranchParameters = Schema.Struct({ days: Schema.Int.pipe(Schema.between(1, 366)) })
export type SilentBranchParameters = typeof SilentBranchParameters.Type

/**
 * 组织生活停滞 — a branch with no organizational life recorded for `days` days (30 by default) is
 * flagged for the higher committee. Not a national number: JG2019 第十六条 asks for regular
 * organizational life and a monthly 主题党日, so a month of silence means something was missed.
 */
export const silentBranchRule = defineRule({
  id: "meeting.silentBranch",
  title: {
    zh: "党支部连续30天未开展组织生活，提示上级党组织关注",
    en: "A branch with no organizational life for 30 days is flagged to the higher committee"
  },
  strength: "default",
  parameters: SilentBranchParameters,
  versions: [{ effectiveFrom: regulations.JG2019.effectiveFrom, parameters: { days: 30 }, source: { regulation: "JG2019", article: "第十六条" }, confidence: "unsure" }]
})
