import * as Schema from "effect/Schema"
import { Action } from "./action.js"
import { Role } from "./actor.js"

const roleNames: Readonly<Record<Role, string>> = {
  branchSecretary: "支部书记",
  deputySecretary: "副书记",
  committeeMember: "支部委员",
  groupLeader: "党小组长",
  member: "党员（仅本人）",
  higherOrganizer: "上级党委组织员",
  countyViewer: "县级查看者"
}

/**
 * 无权操作 — the actor holds no role that allows the action in the organization or above it.
 * Nothing was read or written. `allowedRoles` are the roles that would allow it.
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()("ZhibuForbidden", {
  actorId: Schema.String,
  action: Action,
  organizationId: Schema.String,
  personId: Schema.optional(Schema.String),
  allowedRoles: Schema.Array(Role)
}) {
  override get message(): string {
    const whom = this.personId === undefined ? "" : `, person "${this.personId}"`
    const whomZh = this.personId === undefined ? "" : `（对象 ${this.personId}）`
    const en =
      this.allowedRoles.length === 0
        ? "no role allows it"
        : `it needs one of the roles ${this.allowedRoles.join(", ")} held in "${this.organizationId}" or an organization above it`
    const zh =
      this.allowedRoles.length === 0
        ? "任何角色均无此权限"
        : `需要在该组织或其上级组织担任：${this.allowedRoles.map((r) => roleNames[r]).join("、")}`
    return (
      `操作人 ${this.actorId} 无权在党组织 ${this.organizationId}${whomZh} 执行 ${this.action}：${zh} — ` +
      `actor "${this.actorId}" may not ${this.action} in organization "${this.organizationId}"${whom}: ${en}`
    )
  }
}
