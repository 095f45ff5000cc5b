import * as Effect from "effect/Effect"
import { memberKind } from "../member/kinds.js"
import type { Member } from "../member/member.js"
import type { Organization } from "../org/organization.js"
import { checkOrganization } from "../org/setup-check.js"
import { subtreeIds } from "../org/tree.js"
import type { Finding } from "../profile/finding.js"
import type { CommandContext } from "../service/context.js"
import { serviceMethod } from "../service/method.js"
import { auditOf, expectVersion, guard, loadOrganizations, todayOf } from "../service/support.js"
import { NotFound } from "../store/errors.js"
import { createWrite, Store, updateWrite, type Write } from "../store/port.js"
import { TransferRejected } from "./errors.js"
import { issueLetter, placeMember, requireOnRoll } from "./letters.js"
import { transferLetterKind } from "./kinds.js"
import type { TransferLetter } from "./letter.js"
import { MoveBatchInput } from "./transfer-service-inputs.js"
import { guardTransferAt, knownOrganization, noPendingLetter, notAfter, receivingOrganization, unusedLetterId } from "./transfer-support.js"

/** The findings of one organization after a batch, judged on the batch day's members. */
export interface OrganizationFindings {
  readonly organizationId: string
  readonly findings: ReadonlyArray<Finding>
}

/** What a batch did: whether it was applied now, its letters, and the findings of every organization it touched. */
export interface MoveBatchResult {
  readonly applied: boolean
  readonly letters: ReadonlyArray<TransferLetter>
  readonly findings: ReadonlyArray<OrganizationFindings>
}

/**
 * The setup findings (`checkOrganization`) of each organization touched and of those above it, on
 * today, with the members as stored now: a branch falling below 3 full members, or now needing a committee.
 */
const findingsOf = (ctx: CommandContext, organizations: ReadonlyArray<Organization>, touched: ReadonlySet<string>) =>
  Effect.gen(function* () {
    const store = yield* Store
    const out: Array<OrganizationFindings> = []
    for (const id of [...touched].sort()) {
      const org = organizations.find((o) => o.id === id)
      if (org === undefined) continue
      const members = yield* store.list(memberKind, ctx.tenantId, { organizationId: subtreeIds(id, organizations) })
      out.push({ organizationId: id, findings: checkOrganization(org, members, ctx.profile, todayOf(ctx)) })
    }
    return out
  })

/**
 * 批量调动 — the summer rotation: every move checked first (each file on the roll, each receiving
 * organization known and able to hold members, no member twice, no letter id twice, `member.transfer`
 * at both ends), then written in one idempotent batch (`importBatch`): all moves or none. A batch
 * whose letters were written before under the same `batchId` writes nothing and answers
 * `applied: false` with its letters as they are. The findings of both sides of every move are
 * recomputed and returned.
 */
export const moveBatch = serviceMethod("transfer.moveBatch", MoveBatchInput, (ctx, input) =>
  Effect.gen(function* () {
    const operation = "transfer.moveBatch"
    yield* notAfter(ctx, operation, "movedOn", input.movedOn)
    const store = yield* Store
    const organizations = yield* loadOrganizations(ctx)
    const audit = auditOf(ctx, "member.transfer")
    const first = yield* Effect.option(store.get(transferLetterKind, ctx.tenantId, input.moves[0]!.letterId))
    if (first._tag === "Some" && first.value.batchId === input.batchId) {
      const replay = yield* store.importBatch(ctx.tenantId, input.batchId, [], audit)
      const letters = replay.records.filter((r): r is TransferLetter => "letterNumber" in r)
      const touched = new Set(letters.flatMap((l) => [l.organizationId, l.to.organizationId ?? l.organizationId]))
      return { applied: replay.applied, letters, findings: yield* findingsOf(ctx, organizations, touched) } satisfies MoveBatchResult
    }
    const seenMembers = new Set<string>()
    const seenLetters = new Set<string>()
    const writes: Array<Write> = []
    const touched = new Set<string>()
    for (const m of input.moves) {
      if (seenMembers.has(m.memberId) || seenLetters.has(m.letterId)) {
        return yield* new TransferRejected({
          operation,
          memberId: m.memberId,
          problem: "duplicate",
          text: { zh: "同一批次中同一党员或同一介绍信出现两次", en: "a member or a letter appears twice in the batch" }
        })
      }
      seenMembers.add(m.memberId)
      seenLetters.add(m.letterId)
      const member: Member = yield* store
        .get(memberKind, ctx.tenantId, m.memberId)
        .pipe(Effect.catchTag("ZhibuNotFound", () => Effect.fail(notOnRoll(operation, m.memberId))))
      const notFound = new NotFound({ kind: memberKind.name, id: member.id, tenantId: ctx.tenantId })
      yield* guard(ctx, "member.transfer", { organizationId: member.organizationId, personId: member.id }, organizations, notFound)
      if (m.expectedVersion !== undefined) yield* expectVersion(memberKind, member, m.expectedVersion)
      yield* requireOnRoll(operation, member)
      const to = yield* receivingOrganization(ctx, operation, member, organizations, m.toOrganizationId)
      yield* guardTransferAt(ctx, organizations, to.id)
      yield* noPendingLetter(ctx, operation, member)
      yield* unusedLetterId(ctx, operation, member.id, m.letterId)
      const from = yield* knownOrganization(ctx, organizations, member.organizationId)
      const letter = issueLetter(
        member,
        from,
        { organizationId: to.id, name: to.name, tenantId: null },
        "within",
        { ...m, id: m.letterId, issuedOn: input.movedOn },
        ctx.profile,
        input.batchId
      )
      writes.push(createWrite(transferLetterKind, { ...letter, receivedOn: input.movedOn }))
      writes.push(updateWrite(memberKind, placeMember(member, to, input.movedOn)))
      touched.add(from.id).add(to.id)
    }
    const result = yield* store.importBatch(ctx.tenantId, input.batchId, writes, audit)
    const letters = result.records.filter((r): r is TransferLetter => "letterNumber" in r)
    return { applied: result.applied, letters, findings: yield* findingsOf(ctx, organizations, touched) } satisfies MoveBatchResult
  })
)

/** A move of a file that is not on file at all: as refused as one that is not on the roll. */
const notOnRoll = (operation: string, memberId: string) =>
  new TransferRejected({
    operation,
    memberId,
    problem: "notOnRoll",
    text: { zh: `档案 ${memberId} 不在名册上`, en: `file ${memberId} is not on the roll` }
  })
