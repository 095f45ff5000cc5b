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
 *   records the higher committee's decisions (预审, 审批, 备案) and approves an extension of a term.
 * - A county viewer sees aggregates only, never a person's file.
 */
export const permissions: Readonly<Record<Role, ReadonlyArray<Action>>> = {
  branchSecretary: except("member.recordApproval", "organization.approveExtension"),
  deputySecretary: except("member.recordApproval", "organization.approveExtension"),
  committeeMember: ["member.register", "member.recordStep", "member.read", "organization.read", "meeting.record", "meeting.read"],
  groupLeader: ["member.read", "organization.read", "meeting.record", "meeting.read"],
  member: ["member.read"],
  higherOrganizer: actions,
  countyViewer: ["report.aggregate"]
}

/** Roles whose grant covers only the actor's own file (`target.personId === actor.personId`). */
export const selfOnlyRoles: ReadonlySet<Role> = new Set<Role>(["member"])

/** The roles whose permissions include `action`, in the order of {@link permissions}. */
export const rolesAllowing = (action: Action): ReadonlyArray<Role> =>
  (Object.keys(permissions) as Array<Role>).filter((role) => permissions[role].includes(action))
