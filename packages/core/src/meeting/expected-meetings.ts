import { type Cadence, cadenceAtLeastAsOften } from "../calendar/cadence.js"
import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import { type RuleProfile, ruleAt } from "../profile/profile.js"
import type { ResolvedRule, RuleDefinition } from "../profile/rule.js"
import {
  type CadenceParameters,
  committeeMonthlyRule,
  democraticEvaluationYearlyRule,
  generalAssemblyQuarterlyRule,
  lectureCadenceRule,
  orgLifeMeetingYearlyRule,
  partyGroupMonthlyRule,
  lectureSecretaryYearlyRule,
  talksYearlyRule,
  themeDayMonthlyRule
} from "./rules-cadence.js"
import { type LectureSpeaker, type MeetingBody, type MeetingKind, meetingKindNames } from "./kind.js"
import { localMeetingKinds, type ProfileMeetingKind } from "./local-kind.js"
import { talkPairs } from "./talks.js"

/**
 * What every {@link ExpectedMeeting} carries, national or local: its name, cadence, the body that
 * holds it, who must speak, and the rule that asks for it.
 */
export interface ExpectedMeetingBase {
  readonly name: Message
  readonly cadence: Cadence
  readonly heldBy: MeetingBody
  /** Who must speak: `secretary` when the branch secretary must give it (党课 only); otherwise `any`. */
  readonly speaker: LectureSpeaker
  /** For a yearly cadence, the quarter it falls in by default (组织生活会: the fourth). */
  readonly quarter?: 1 | 2 | 3 | 4
  /** 学时 credited to each attendee (local kinds only, when the local rule says so). */
  readonly studyHours?: number
  readonly countsTowardStudy: boolean
  /** The rule that asks for the meeting, as it applies on the date asked about; findings cite it. */
  readonly rule: ResolvedRule
}

/**
 * 应开会议 — one meeting obligation of a branch: what kind, how often, who holds it and who must
 * speak, and the rule behind it. A kind may appear twice with different rules: 党课 at the lecture
 * cadence, and 党课 by the secretary at least once a year. One rule may ask for several kinds:
 * `meeting.talks.yearly` asks for each of the three 谈心谈话 pair types (`talkPairs`).
 */
export type ExpectedMeeting =
  | (ExpectedMeetingBase & { readonly origin: "national"; readonly kind: MeetingKind })
  | (ExpectedMeetingBase & { readonly origin: "local"; readonly kind: string })

interface NationalObligation {
  readonly kind: MeetingKind
  readonly heldBy: MeetingBody
  readonly rule: RuleDefinition<CadenceParameters>
}

const plainObligations: ReadonlyArray<NationalObligation> = [
  { kind: "generalAssembly", heldBy: "branch", rule: generalAssemblyQuarterlyRule },
  { kind: "committee", heldBy: "committee", rule: committeeMonthlyRule },
  { kind: "partyGroup", heldBy: "partyGroup", rule: partyGroupMonthlyRule }
]

const laterObligations: ReadonlyArray<NationalObligation> = [
  { kind: "democraticEvaluation", heldBy: "branch", rule: democraticEvaluationYearlyRule },
  ...talkPairs.map((kind): NationalObligation => ({ kind, heldBy: "branch", rule: talksYearlyRule }))
]

const national = (
  kind: MeetingKind,
  heldBy: MeetingBody,
  rule: ResolvedRule<CadenceParameters>,
  extra: { readonly speaker?: LectureSpeaker; readonly quarter?: 1 | 2 | 3 | 4 | null } = {}
): ExpectedMeeting => ({
  origin: "national",
  kind,
  name: meetingKindNames[kind],
  cadence: rule.parameters.cadence,
  heldBy,
  speaker: extra.speaker ?? "any",
  ...(extra.quarter == null ? {} : { quarter: extra.quarter }),
  countsTowardStudy: false,
  rule
})

/** A local kind as a rule: it has no national source, only the local document that added it. */
const localRule = (kind: ProfileMeetingKind): ResolvedRule => ({
  id: `meeting.local.${kind.id}`,
  title: kind.name,
  strength: "local",
  parameters: { cadence: kind.cadence, ...(kind.studyHours === undefined ? {} : { studyHours: kind.studyHours }) },
  source: kind.source,
  confidence: "certain",
  effectiveFrom: kind.effectiveFrom,
  overriddenBy: kind.profileId
})

const local = (kind: ProfileMeetingKind): ExpectedMeeting => ({
  origin: "local",
  kind: kind.id,
  name: kind.name,
  cadence: kind.cadence,
  heldBy: kind.heldBy,
  speaker: "any",
  ...(kind.studyHours === undefined ? {} : { studyHours: kind.studyHours }),
  countsTowardStudy: kind.countsTowardStudy,
  rule: localRule(kind)
})

/**
 * The meetings a branch must hold under `profile` on `on`: the national kinds with the cadence the
 * profile gives them that day, then the profile's local kinds in force that day. A year plan and a
 * compliance check start from this list.
 *
 * The secretary's yearly lecture is left out when the lecture cadence already requires the secretary
 * to lecture at least as often (a monthly 党课 by the secretary covers it).
 */
export const expectedMeetings = (profile: RuleProfile, on: CivilDate): ReadonlyArray<ExpectedMeeting> => {
  const lecture = ruleAt(profile, lectureCadenceRule, on)
  const bySecretary = ruleAt(profile, lectureSecretaryYearlyRule, on)
  const orgLife = ruleAt(profile, orgLifeMeetingYearlyRule, on)
  const covered =
    lecture.parameters.speaker === "secretary" && cadenceAtLeastAsOften(lecture.parameters.cadence, bySecretary.parameters.cadence)
  return [
    ...plainObligations.map((o) => national(o.kind, o.heldBy, ruleAt(profile, o.rule, on))),
    national("lecture", "branch", lecture, { speaker: lecture.parameters.speaker }),
    ...(covered ? [] : [national("lecture", "branch", bySecretary, { speaker: "secretary" })]),
    national("themeDay", "branch", ruleAt(profile, themeDayMonthlyRule, on)),
    national("orgLifeMeeting", "branch", orgLife, {
      quarter: orgLife.parameters.cadence === "yearly" ? orgLife.parameters.quarterWhenYearly : null
    }),
    ...laterObligations.map((o) => national(o.kind, o.heldBy, ruleAt(profile, o.rule, on))),
    ...localMeetingKinds(profile).filter((k) => k.effectiveFrom <= on).map(local)
  ]
}
