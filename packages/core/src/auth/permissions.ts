import type { Role } from "./actor.js"
import { type Action, actions } from "./action.js"

const except = (...excluded: ReadonlyArray<Action>): ReadonlyArray<Action> => actions.filter((a) => !excluded.includes(a))

/**
 * 权限表 — what each role may do in the organization where it is held and everywhere below it.
 *
 * - Secretary and deputy run the branch: everything except the decisions the regulations reserve for
 *   the higher committee (审批 of members, approval of a postponed election; XZ2026 第二十二条, XJ2020 第三条).
 * - A committee member does the recruitment paperwork (register, record steps), records meetings and reads.
 * - A group leader reads the files of the members of the group and the group itself, and records and
 *   reads the group's meetings (the leader chairs the 党小组会).
 * - A member reads only their own file (see {@link selfOnlyRoles}).
 * - The higher committee's organizer may do everything in its subtree, and is the only role that
 *   records the higher committee's decisions (预审, 审批, 备案), approves an extension of a term and
 *   restructures organizations (a change of kind, split, merge or dissolution is the higher
 *   committee's decision). Transfers are kept by the branch officers at each end.
 * - Dues, study and evaluations: the branch officers keep them; a committee member assesses and
 *   collects dues and records study; a member reads their own dues and study ledger. A reduction or
 *   exemption of dues is the higher committee's decision (DF2008), recorded by its organizer.
 * - Personal data (ID number, phone): whoever registers a file may correct its contact details; only
 *   the branch secretary and the higher committee's organizer may read the full values (each
 *   disclosure is audited) or erase them.
 * - A county viewer sees aggregates only, never a person's file or pay base.
 */
export const permissions: Readonly<Record<Role, ReadonlyArray<Action>>> = {
  branchSecretary: except("member.recordApproval", "organization.approveExtension", "organization.restructure", "dues.recordHardship"),
  deputySecretary: except(
    "member.recordApproval",
    "organization.approveExtension",
    "organization.restructure",
    "dues.recordHardship",
    "member.readPersonalData",
    "member.erasePersonalData"
  ),
  committeeMember: [
    "member.register",
    "member.recordStep",
    "member.read",
    "member.updateContact",
    "organization.read",
    "dues.assess",
    "dues.recordPayment",
    "dues.read",
    "study.record",
    "study.read",
    "evaluation.read",
    "meeting.record",
    "meeting.read"
  ],
  groupLeader: ["member.read", "organization.read", "study.read", "meeting.record", "meeting.read"],
  member: ["member.read", "dues.read", "study.read"],
  higherOrganizer: actions,
  countyViewer: ["report.aggregate"]
}

/** Roles whose grant covers only the actor's own file (`target.personId === actor.personId`). */
export const selfOnlyRoles: ReadonlySet<Role> = new Set<Role>(["member"])

/** The roles whose permissions include `action`, in the order of {@link permissions}. */
export const rolesAllowing = (action: Action): ReadonlyArray<Role> =>
  (Object.keys(permissions) as Array<Role>).filter((role) => permissions[role].includes(action))
