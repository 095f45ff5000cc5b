import * as Schema from "effect/Schema"
import { refusalFields, refusalMessage, ruleRefusalFields } from "../profile/refusal.js"

/** Why an organization cannot sit where it was put in the tree. */
export const TreeProblem = Schema.Literal("parentMissing", "parentKind", "parentDissolved", "tenantMismatch", "cycle")
export type TreeProblem = typeof TreeProblem.Type

/**
 * 组织隶属关系无效 — an organization placed under a parent it cannot have: a party group outside a
 * branch, a branch under a branch, a parent of another tenant, a cycle. Nothing was written. A
 * refusal in the shared shape (`Refusal`); `problem` says which check failed.
 */
export class InvalidOrganizationTree extends Schema.TaggedError<InvalidOrganizationTree>()("ZhibuInvalidOrganizationTree", {
  organizationId: Schema.String,
  parentId: Schema.NullOr(Schema.String),
  problem: TreeProblem,
  ...refusalFields
}) {
  override get message(): string {
    const parent = this.parentId ?? "(root)"
    return refusalMessage(this, {
      zh: `党组织 ${this.organizationId} 不能设在 ${parent} 之下`,
      en: `organization "${this.organizationId}" cannot be placed under "${parent}"`
    })
  }
}

/**
 * 不符合规则 — a command on an organization that a hard rule forbids (an election without quorum,
 * an extension longer than a year), in the shared refusal shape: the rule and its source, the text,
 * and when there is one, the last date the rule allows (`allowedUntil`). Nothing was written.
 */
export class OrganizationRuleBroken extends Schema.TaggedError<OrganizationRuleBroken>()("ZhibuOrganizationRuleBroken", {
  operation: Schema.String,
  organizationId: Schema.String,
  ...ruleRefusalFields
}) {
  override get message(): string {
    return refusalMessage(this, {
      zh: `党组织 ${this.organizationId} 的操作 ${this.operation}`,
      en: `${this.operation} for organization "${this.organizationId}"`
    })
  }
}
