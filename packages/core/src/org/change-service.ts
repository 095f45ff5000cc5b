import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { memberKind } from "../member/kinds.js"
import type { CommandContext } from "../service/context.js"
import { invalidInput, notAfterToday } from "../service/errors.js"
import { serviceMethod } from "../service/method.js"
import { auditOf, loadOrganizationFor, todayOf } from "../service/support.js"
import { createWrite, Store, updateWrite } from "../store/port.js"
import { OrganizationId, PersonId } from "../tenant/ids.js"
import { DisplayText } from "../text/display-text.js"
import { type ChangePlan, planCollapse, planDissolve, planMerge, planSplit } from "./change-plan.js"
import { organizationChangeKind } from "./change-record.js"
import { OrganizationRuleBroken } from "./errors.js"
import { organizationKind } from "./kinds.js"
import type { Organization } from "./organization.js"
import { subtreeIds } from "./tree.js"
import { treeOn } from "./tree-on.js"

const header = {
  /** The change's record id. */
  changeId: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/)),
  effectiveOn: CivilDate,
  /** The higher committee's decision, e.g. its document number. */
  basis: DisplayText(1, 200)
}

/** 分设支部 — split a branch into new branches (`organization.restructure` at the branch). */
export const SplitBranchInput = Schema.Struct({
  ...header,
  organizationId: OrganizationId,
  becomes: Schema.Literal("generalBranch", "dissolved"),
  into: Schema.Array(Schema.Struct({ id: OrganizationId, name: DisplayText(1, 200), memberIds: Schema.Array(PersonId) })).pipe(Schema.minItems(2))
})
export type SplitBranchInput = typeof SplitBranchInput.Encoded

/** 合并支部 — merge branches into the first (`organization.restructure` at each). */
export const MergeBranchesInput = Schema.Struct({
  ...header,
  organizationId: OrganizationId,
  merged: Schema.Array(OrganizationId).pipe(Schema.minItems(1))
})
export type MergeBranchesInput = typeof MergeBranchesInput.Encoded

/** 总支改支部 / 撤销 — one organization (`organization.restructure` at it). */
export const RestructureOneInput = Schema.Struct({ ...header, organizationId: OrganizationId })
export type RestructureOneInput = typeof RestructureOneInput.Encoded

/** 某日的组织树 — the tree under an organization on a date. */
export const TreeOnInput = Schema.Struct({ organizationId: OrganizationId, on: CivilDate })
export type TreeOnInput = typeof TreeOnInput.Encoded

const notABranchChange = (operation: string, org: Organization, zh: string, en: string) =>
  new OrganizationRuleBroken({
    operation,
    organizationId: org.id,
    ruleId: "org.dissolution.membersPlaced",
    source: { regulation: "JG2019", article: "第二十五条" },
    text: { zh, en }
  })

/** Loads the tree and the files of the organizations named, after checking the date. */
const prepare = (ctx: CommandContext, operation: string, organizationId: string, effectiveOn: CivilDate) =>
  Effect.gen(function* () {
    if (effectiveOn > todayOf(ctx)) return yield* invalidInput(operation, "effectiveOn", notAfterToday)
    const loaded = yield* loadOrganizationFor(ctx, organizationId, "organization.restructure")
    return loaded
  })

const filesOf = (ctx: CommandContext, ids: ReadonlyArray<string>) => Effect.flatMap(Store, (store) => store.list(memberKind, ctx.tenantId, { organizationId: ids }))

/** Writes a plan in one atomic write: the change record, the organizations, the files. */
const apply = (ctx: CommandContext, plan: ChangePlan) =>
  Effect.gen(function* () {
    const store = yield* Store
    yield* store.write(
      ctx.tenantId,
      [
        createWrite(organizationChangeKind, plan.record),
        ...plan.updated.map((o) => updateWrite(organizationKind, o)),
        ...plan.created.map((o) => createWrite(organizationKind, o)),
        ...plan.moved.map((m) => updateWrite(memberKind, m))
      ],
      auditOf(ctx, "organization.restructure")
    )
    return plan.record
  })

const decided = <A>(either: Either.Either<A, OrganizationRuleBroken>) => (Either.isLeft(either) ? Effect.fail(either.left) : Effect.succeed(either.right))

/**
 * 分设支部 — a branch past its size divided into new branches ({@link planSplit}); one atomic write
 * with the change record. Returns the record.
 */
export const splitBranch = serviceMethod("organization.split", SplitBranchInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organization } = yield* prepare(ctx, "organization.split", input.organizationId, input.effectiveOn)
    if (organization.kind !== "branch" && organization.kind !== "jointBranch") {
      return yield* notABranchChange("organization.split", organization, "只有党支部可以分设", "only a branch can be split")
    }
    const files = yield* filesOf(ctx, [organization.id])
    const plan = yield* decided(planSplit({ id: input.changeId, ...input }, organization, files, input.into, input.becomes, ctx.profile))
    return yield* apply(ctx, plan)
  })
)

/** 合并支部 — branches joined into `organizationId` ({@link planMerge}). */
export const mergeBranches = serviceMethod("organization.merge", MergeBranchesInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations, organization } = yield* prepare(ctx, "organization.merge", input.organizationId, input.effectiveOn)
    const others: Array<Organization> = []
    for (const id of input.merged) {
      const { organization: other } = yield* loadOrganizationFor(ctx, id, "organization.restructure")
      others.push(other)
    }
    const all = [organization, ...others]
    const bad = all.find((o) => (o.kind !== "branch" && o.kind !== "jointBranch") || o.dissolvedOn !== null)
    if (bad !== undefined || new Set(all.map((o) => o.id)).size !== all.length) {
      return yield* notABranchChange("organization.merge", bad ?? organization, "只有不同的、未撤销的党支部可以合并", "only distinct branches not dissolved can be merged")
    }
    const ids = all.map((o) => o.id as string)
    const groups = organizations.filter((o) => o.kind === "partyGroup" && o.parentId !== null && ids.includes(o.parentId))
    const files = yield* filesOf(ctx, ids)
    const plan = yield* decided(planMerge({ id: input.changeId, ...input }, organization, others, files, groups, ctx.profile))
    return yield* apply(ctx, plan)
  })
)

/** 总支改支部 — a general branch whose branches shrank becomes a branch ({@link planCollapse}). */
export const collapseGeneralBranch = serviceMethod("organization.changeKind", RestructureOneInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations, organization } = yield* prepare(ctx, "organization.changeKind", input.organizationId, input.effectiveOn)
    if (organization.kind !== "generalBranch") {
      return yield* notABranchChange("organization.changeKind", organization, "只有党总支可以改设为党支部", "only a general branch becomes a branch")
    }
    const branches = organizations.filter((o) => o.parentId === organization.id && o.dissolvedOn === null)
    if (branches.some((b) => b.kind !== "branch" && b.kind !== "jointBranch")) {
      return yield* notABranchChange("organization.changeKind", organization, "党总支下只能有党支部才能改设", "only a general branch over branches becomes a branch")
    }
    const ids = branches.map((b) => b.id as string)
    const groups = organizations.filter((o) => o.kind === "partyGroup" && o.parentId !== null && ids.includes(o.parentId))
    const files = yield* filesOf(ctx, [organization.id, ...ids])
    const plan = yield* decided(planCollapse({ id: input.changeId, ...input }, organization, branches, files, groups, ctx.profile))
    return yield* apply(ctx, plan)
  })
)

/** 撤销 — an organization dissolved once empty ({@link planDissolve}). */
export const dissolve = serviceMethod("organization.dissolve", RestructureOneInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations, organization } = yield* prepare(ctx, "organization.dissolve", input.organizationId, input.effectiveOn)
    if (organization.dissolvedOn !== null) {
      return yield* notABranchChange("organization.dissolve", organization, `${organization.name}已于${organization.dissolvedOn}撤销`, `${organization.name} was dissolved on ${organization.dissolvedOn}`)
    }
    const files = yield* filesOf(ctx, [organization.id])
    const children = organizations.filter((o) => o.parentId === organization.id)
    const plan = yield* decided(planDissolve({ id: input.changeId, ...input }, organization, files, children, ctx.profile))
    return yield* apply(ctx, plan)
  })
)

/**
 * 某日的组织树 — the organizations under one as they stood on a date (`organization.read`), rebuilt
 * from the change history ({@link treeOn}): a past year's reports count on that year's tree.
 */
export const organizationsOn = serviceMethod("organization.treeOn", TreeOnInput, (ctx, input) =>
  Effect.gen(function* () {
    const { organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "organization.read")
    const store = yield* Store
    const changes = yield* store.list(organizationChangeKind, ctx.tenantId, { effectiveOn: { gte: input.on } })
    const then = treeOn(organizations, changes, input.on)
    const below = new Set(subtreeIds(input.organizationId, then))
    return then.filter((o) => below.has(o.id))
  })
)
