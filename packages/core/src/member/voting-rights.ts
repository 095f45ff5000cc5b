import type { CivilDate } from "../calendar/civil-date.js"
import type { Message } from "../i18n/message.js"
import { withCitation } from "../profile/citation.js"
import { makeProfile, ruleAt, type RuleProfile } from "../profile/profile.js"
import type { Member } from "./member.js"
import { votingRightsRule } from "./rules-status.js"
import { sanctionsInForce, statusOn } from "./sanctions.js"
import { stageOn } from "./stage.js"
import { memberStatusNames } from "./status-names.js"

/** Why a member has no vote on a date. */
export type NoVoteReason = "notFullMember" | "notActive" | "probationWithinParty" | "detention"

/** 表决权 — whether the member may vote on a date, and if not, every reason, each citing the rule. */
export interface VotingRights {
  readonly votes: boolean
  readonly reasons: ReadonlyArray<{ readonly reason: NoVoteReason; readonly message: Message }>
}

/** Only the rule definitions: enough to resolve national rules when the caller passes no profile. */
const nationalRulesOnly = makeProfile("member.votingRights", { zh: "全国规则", en: "National rules" }, [])

/**
 * 有表决权 on `on` (rules.md §2.2): a full member (from the conversion approval, or `convertedOn`),
 * whose file is active that day, not under 留党察看 (probationWithinParty) nor 留置 (detention).
 * `profile` decides which recruitment rules derived the stage (defaults to the national rules).
 */
export const hasVotingRights = (member: Member, on: CivilDate, profile: RuleProfile = nationalRulesOnly): VotingRights => {
  const rule = ruleAt(profile, votingRightsRule, on)
  const reasons: Array<{ reason: NoVoteReason; message: Message }> = []
  const add = (reason: NoVoteReason, text: Message) => reasons.push({ reason, message: withCitation(rule, text) })
  const stage = stageOn(member, on, profile)
  if (stage !== "full") add("notFullMember", { zh: `${on}不是正式党员（${stage ?? "尚未入档"}）`, en: `not a full member on ${on} (${stage ?? "no file yet"})` })
  const status = statusOn(member, on)
  if (status !== "active") add("notActive", { zh: `${on}党籍状态为“${memberStatusNames[status].zh}”`, en: `membership status on ${on} is ${memberStatusNames[status].en}` })
  for (const sanction of sanctionsInForce(member, on, ["probationWithinParty", "detention"])) {
    if (sanction.kind === "probationWithinParty") {
      add("probationWithinParty", { zh: `${on}处于留党察看期间（自${sanction.from}）`, en: `under probation within the Party on ${on} (since ${sanction.from})` })
    } else {
      add("detention", { zh: `${on}被留置，权利中止（自${sanction.from}）`, en: `detained on ${on}, rights suspended (since ${sanction.from})` })
    }
  }
  return { votes: reasons.length === 0, reasons }
}
