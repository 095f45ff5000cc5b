import * as Either from "effect/Either"
import type { CivilDate } from "../calendar/civil-date.js"
import type { Member } from "../member/member.js"
import { openTransferReview, type RecognitionDecision, type TransferReview } from "../member/transfer-review.js"
import { type Finding, finding } from "../profile/finding.js"
import { ruleAt, type RuleProfile } from "../profile/profile.js"
import { refusedBy } from "../profile/refusal.js"
import { TransferRejected } from "./errors.js"
import type { TransferLetter } from "./letter.js"
import { probationRecognitionRule } from "./rules-probation.js"

const raise = "transfer.raiseReview"
const decide = "transfer.decideReview"

const rejected = (operation: string, member: Member, problem: TransferRejected["problem"], zh: string, en: string) =>
  Either.left(new TransferRejected({ operation, memberId: member.id, problem, text: { zh, en } }))

/**
 * The letter that received `member` on probation (`within` or `in`, received, the member
 * probationary when it was issued), the latest if several; undefined for anyone else.
 */
export const receivedOnProbation = (member: Member, letters: ReadonlyArray<TransferLetter>): TransferLetter | undefined =>
  letters
    .filter((l) => l.memberId === member.id && l.direction !== "out" && l.receivedOn !== null && l.stage === "probationary")
    .sort((a, b) => (a.receivedOn! < b.receivedOn! ? -1 : a.receivedOn! > b.receivedOn! ? 1 : 0))
    .at(-1)

/** What the receiving branch writes when it cannot verify a file (see {@link raiseReview}). */
export interface ReviewQuestion {
  readonly raisedOn: CivilDate
  readonly raisedBy: string
  readonly concern: string
}

/**
 * 提出转入审查 (rules.md 4.29) — records that a transferred-in probationary member's file cannot be
 * verified: the file gets an open {@link TransferReview}, which is a `flag` and holds the conversion
 * back until a person decides. Refused: a file that is not an active probationary member received by
 * a letter (`notReceivedOnProbation`), a review already open (`reviewOpen`), a date before the
 * receipt or after `today` (`dateOrder`).
 */
export const raiseReview = (
  member: Member,
  letters: ReadonlyArray<TransferLetter>,
  question: ReviewQuestion,
  today: CivilDate
): Either.Either<Member, TransferRejected> => {
  const letter = receivedOnProbation(member, letters)
  if (letter === undefined || member.status !== "active" || member.stage !== "probationary") {
    return rejected(
      raise,
      member,
      "notReceivedOnProbation",
      `${member.name}不是持介绍信转入的在册预备党员`,
      `${member.name} is not an active probationary member received by a letter`
    )
  }
  const open = openTransferReview(member)
  if (open !== undefined) {
    return rejected(raise, member, "reviewOpen", `${member.name}的转入审查自${open.raisedOn}起尚无结论`, `${member.name}'s review, open since ${open.raisedOn}, has no decision yet`)
  }
  if (question.raisedOn < letter.receivedOn! || question.raisedOn > today) {
    return rejected(
      raise,
      member,
      "dateOrder",
      `审查日期${question.raisedOn}应在接收日期${letter.receivedOn}与今天${today}之间`,
      `the review date ${question.raisedOn} must lie between the receipt ${letter.receivedOn} and today ${today}`
    )
  }
  const review: TransferReview = { letterNumber: letter.letterNumber, ...question, decision: null }
  return Either.right({ ...member, transferReviews: [...(member.transferReviews ?? []), review] })
}

/**
 * 记录审查结论 (rules.md 4.29) — records the human decision on the open review. The profile's rule
 * `transfer.probation.recognition` says which outcomes need the county-level organization
 * department's approval (nationally: refusing recognition); approved on or before the decision and
 * not before the review. `notRecognized` ends the file as a cancelled probation on the decision day
 * (re-joining starts a new file); `recognized` lets the conversion go on. Refused: no open review
 * (`noOpenReview`), a missing approval (`approvalRequired`, citing the rule), dates out of order.
 */
export const decideReview = (
  member: Member,
  decision: RecognitionDecision,
  profile: RuleProfile,
  today: CivilDate
): Either.Either<Member, TransferRejected> => {
  const open = openTransferReview(member)
  if (open === undefined || member.status !== "active") {
    return rejected(decide, member, "noOpenReview", `${member.name}没有待结论的转入审查`, `${member.name} has no review waiting for a decision`)
  }
  const { decidedOn, countyApproval } = decision
  if (decidedOn < open.raisedOn || decidedOn > today) {
    return rejected(
      decide,
      member,
      "dateOrder",
      `结论日期${decidedOn}应在审查提出日${open.raisedOn}与今天${today}之间`,
      `the decision date ${decidedOn} must lie between the review ${open.raisedOn} and today ${today}`
    )
  }
  if (countyApproval !== null && (countyApproval.approvedOn < open.raisedOn || countyApproval.approvedOn > decidedOn)) {
    return rejected(
      decide,
      member,
      "dateOrder",
      `批准日期${countyApproval.approvedOn}应在审查提出日${open.raisedOn}与结论日期${decidedOn}之间`,
      `the approval date ${countyApproval.approvedOn} must lie between the review ${open.raisedOn} and the decision ${decidedOn}`
    )
  }
  const rule = ruleAt(profile, probationRecognitionRule, decidedOn)
  const refusing = decision.outcome === "notRecognized"
  const needsApproval = refusing ? rule.parameters.refusalNeedsCountyApproval : rule.parameters.recognitionNeedsCountyApproval
  if (needsApproval && countyApproval === null) {
    return Either.left(
      new TransferRejected({
        operation: decide,
        memberId: member.id,
        problem: "approvalRequired",
        ...refusedBy(
          rule,
          refusing
            ? { zh: `不予承认${member.name}的预备党员身份须经县级以上党委组织部门批准（countyApproval）`, en: `refusing to recognize ${member.name} needs the county-level organization department's approval (countyApproval)` }
            : { zh: `按本地规定，承认${member.name}的预备党员身份须经县级以上党委组织部门批准（countyApproval）`, en: `under the local rules, recognizing ${member.name} needs the county-level organization department's approval (countyApproval)` },
          { missing: "countyApproval" }
        )
      })
    )
  }
  const lastChange = member.statusHistory.at(-1)?.date
  if (refusing && lastChange !== undefined && decidedOn < lastChange) {
    return rejected(decide, member, "dateOrder", `结论日期${decidedOn}早于上次状态变更${lastChange}`, `the decision date ${decidedOn} is before the last status change on ${lastChange}`)
  }
  const reviews = (member.transferReviews ?? []).map((r) => (r === open ? { ...r, decision } : r))
  const decided: Member = { ...member, transferReviews: reviews }
  if (!refusing) return Either.right(decided)
  const approvedBy = countyApproval === null ? "" : `，经${countyApproval.approvedBy}批准`
  return Either.right({
    ...decided,
    status: "probationCancelled",
    statusHistory: [
      ...member.statusHistory,
      { status: "probationCancelled", date: decidedOn, decidedBy: decision.decidedBy, reason: `转入审查不予承认预备党员身份（介绍信 ${open.letterNumber}${approvedBy}）` }
    ]
  })
}

/**
 * 转入审查提示 — an open review is a `flag` on the member (rule `transfer.probation.recognition`): the
 * receiving branch verifies the file with the sending organization and records a decision; the
 * conversion waits for it. Nothing once decided.
 */
export const reviewFindings = (member: Member, profile: RuleProfile): ReadonlyArray<Finding> => {
  const open = openTransferReview(member)
  if (open === undefined || member.status !== "active") return []
  const rule = ruleAt(profile, probationRecognitionRule, open.raisedOn)
  const approval = rule.parameters.refusalNeedsCountyApproval ? "；不予承认须经县级以上党委组织部门批准" : ""
  const approvalEn = rule.parameters.refusalNeedsCountyApproval ? "; refusing recognition needs the county-level organization department's approval" : ""
  return [
    finding(rule, "flag", { kind: "member", id: member.id }, {
      zh: `${member.name}转入（介绍信 ${open.letterNumber}）后材料无法核实（${open.raisedOn}提出）：请向转出党组织核实并记录是否承认其预备党员身份，转正讨论待结论后进行${approval}`,
      en: `${member.name}'s file, received with letter ${open.letterNumber}, could not be verified (raised ${open.raisedOn}): verify it with the sending organization and record whether the probation is recognized; the conversion waits for that decision${approvalEn}`
    })
  ]
}
