import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"

/** Why an organization cannot sit where it was put in the tree. */
export const TreeProblem = Schema.Literal("parentMissing", "parentKind", "parentDissolved", "tenantMismatch", "cycle")
export type TreeProblem = typeof TreeProblem.Type

/**
 * 组织隶属关系无效 — an organization placed under a parent it cannot have: a party group outside a
 * branch, a branch under a branch, a parent of another tenant, a cycle. Nothing was written.
 */
export class InvalidOrganizationTree extends Schema.TaggedError<InvalidOrganizationTree>()("InvalidOrganizationTree", {
  organizationId: Schema.String,
  parentId: Schema.NullOr(Schema.String),
  problem: TreeProblem,
  zh: Schema.String,
  en: Schema.String
}) {
  override get message(): string {
    return `organization "${this.organizationId}" cannot be placed under "${this.parentId ?? "(root)"}": ${this.en} (党组织隶属关系无效：${this.zh})`
  }
}

/**
 * 不符合规则 — a command on an organization that a hard rule forbids (an election without quorum,
 * an extension longer than a year). Names the rule, what is missing and, when there is one, the date
 * the rule allows. Nothing was written.
 */
export class OrganizationRuleBroken extends Schema.TaggedError<OrganizationRuleBroken>()("OrganizationRuleBroken", {
  operation: Schema.String,
  organizationId: Schema.String,
  ruleId: Schema.String,
  zh: Schema.String,
  en: Schema.String,
  /** The date by which (or until which) the rule allows the thing asked for. */
  allowedUntil: Schema.optional(CivilDate)
}) {
  override get message(): string {
    const until = this.allowedUntil === undefined ? "" : `; allowed until ${this.allowedUntil}`
    const untilZh = this.allowedUntil === undefined ? "" : `；最迟可至 ${this.allowedUntil}`
    return (
      `${this.operation} refused for organization "${this.organizationId}" by rule ${this.ruleId}: ${this.en}${until} ` +
      `(党组织 ${this.organizationId} 的操作 ${this.operation} 不符合规则 ${this.ruleId}：${this.zh}${untilZh})`
    )
  }
}
