import * as Schema from "effect/Schema"

/**
 * 操作 — what an actor asks to do. `organization.*` act on a party organization, `member.*` on one
 * person's file (`member.transfer`: transfer letters, their receipt and mobile attachments;
 * `organization.restructure`: a change of kind, a split, a merge or a dissolution), `dues.*`, `study.*` and `evaluation.*` on a member's dues, study hours and
 * evaluations (a member's income is personal data: only `dues.assess` and `dues.recordHardship`
 * write it, and no read returns it outside the member's own assessment), `meeting.*` on the meetings
 * of an organization (`meeting.read` includes each member's attendance). `member.read` returns the
 * personal fields (ID number, phone) masked; `member.readPersonalData` returns them in full and is
 * audited; `member.updateContact` sets them and `member.erasePersonalData` blanks them. `report.aggregate` reads
 * counts and totals only (no personal data).
 */
export const Action = Schema.Literal(
  "organization.create",
  "organization.update",
  "organization.recordElection",
  "organization.approveExtension",
  "organization.read",
  "organization.restructure",
  "member.register",
  "member.recordStep",
  "member.recordApproval",
  "member.recordStatus",
  "member.recordSanction",
  "member.recordFlagDecision",
  "member.read",
  "member.readPersonalData",
  "member.updateContact",
  "member.erasePersonalData",
  "member.transfer",
  "dues.assess",
  "dues.recordHardship",
  "dues.recordPayment",
  "dues.read",
  "study.record",
  "study.read",
  "evaluation.record",
  "evaluation.read",
  "meeting.record",
  "meeting.read",
  "report.aggregate"
)
export type Action = typeof Action.Type

/** Every action, in declaration order. */
export const actions: ReadonlyArray<Action> = Action.literals

/**
 * 授权对象 — where an action applies: the organization, and for `member.*` the person.
 * `partyGroupId` is the person's 党小组, so that a group leader's role reaches the members placed in
 * the group although their `organizationId` is the branch.
 */
export interface AuthTarget {
  readonly organizationId: string
  readonly personId?: string
  readonly partyGroupId?: string
}
