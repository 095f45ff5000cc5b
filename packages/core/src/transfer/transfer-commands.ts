import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { memberKind } from "../member/kinds.js"
import type { Member } from "../member/member.js"
import { loadFileFor } from "../member/member-service-support.js"
import { maskMember } from "../member/personal-data.js"
import { serviceMethod } from "../service/method.js"
import { auditOf, expectVersion, loadOrganizationFor, loadOrganizations, todayOf } from "../service/support.js"
import { createWrite, Store, updateWrite } from "../store/port.js"
import { TransferRejected } from "./errors.js"
import { transferLetterKind } from "./kinds.js"
import type { TransferLetter } from "./letter.js"
import { checkReceipt, issueLetter, placeMember, receivedFile, requireOnRoll, transferredOut } from "./letters.js"
import {
  AcknowledgeReceiptInput,
  ImportLetterInput,
  LetterPacketInput,
  MoveInput,
  ReceiveInput,
  TransferOutInput,
  TransferPacket
} from "./transfer-service-inputs.js"
import {
  destinationParty,
  getMember,
  guardTransferAt,
  knownOrganization,
  noPendingLetter,
  notAfter,
  receivingOrganization,
  unusedLetterId
} from "./transfer-support.js"

const audit = (ctx: Parameters<typeof auditOf>[0]) => auditOf(ctx, "member.transfer")

/**
 * 转出 — issues a letter (see {@link TransferOutInput}). Returns the letter and the file as stored.
 * Refused: a file not on the roll, a member with a letter already waiting, an unknown receiving
 * organization (`NotFound`), a receiving organization that holds no members or is the member's own.
 */
export const transferOut = serviceMethod("transfer.out", TransferOutInput, (ctx, input) =>
  Effect.gen(function* () {
    const operation = "transfer.out"
    yield* notAfter(ctx, operation, "issuedOn", input.issuedOn)
    const { member, organizations } = yield* loadFileFor(ctx, input.memberId, "member.transfer")
    yield* expectVersion(memberKind, member, input.expectedVersion)
    yield* requireOnRoll(operation, member)
    const { party, organization: to } = yield* destinationParty(ctx, organizations, input.to)
    if (to !== null) yield* receivingOrganization(ctx, operation, member, organizations, to.id)
    yield* noPendingLetter(ctx, operation, member)
    yield* unusedLetterId(ctx, operation, member.id, input.letterId)
    const from = yield* knownOrganization(ctx, organizations, member.organizationId)
    const letter = issueLetter(member, from, party, to === null ? "out" : "within", { ...input, id: input.letterId }, ctx.profile)
    const store = yield* Store
    if (to !== null) {
      const [stored] = yield* store.write(ctx.tenantId, [createWrite(transferLetterKind, letter)], audit(ctx))
      return { letter: stored as TransferLetter, member: maskMember(member) }
    }
    const left = yield* transferredOut(member, letter, input.decidedBy, todayOf(ctx))
    const [storedLetter, storedMember] = yield* store.write(
      ctx.tenantId,
      [createWrite(transferLetterKind, letter), updateWrite(memberKind, left, input.expectedVersion)],
      audit(ctx)
    )
    return { letter: storedLetter as TransferLetter, member: maskMember(storedMember as Member) }
  })
)

/**
 * 接收 — the receiving organization of this tenant receives a letter issued to it: the letter gets
 * its receipt date and the file moves, in one atomic write (two audit entries). Refused: a letter
 * received before, past its validity, dated before its issue or after today; a file no longer on
 * the sending roll.
 */
export const receive = serviceMethod("transfer.receive", ReceiveInput, (ctx, input) =>
  Effect.gen(function* () {
    const operation = "transfer.receive"
    const store = yield* Store
    const organizations = yield* loadOrganizations(ctx)
    const letter = yield* store.get(transferLetterKind, ctx.tenantId, input.letterId)
    const toId = letter.to.organizationId
    if (letter.direction !== "within" || toId === null) {
      return yield* new TransferRejected({
        operation,
        memberId: letter.memberId,
        problem: "wrongDirection",
        text: { zh: "只有转往本单位党组织的介绍信在此接收", en: "only a letter to an organization of this tenant is received here" }
      })
    }
    yield* guardTransferAt(ctx, organizations, toId)
    yield* checkReceipt(operation, letter, input.receivedOn, todayOf(ctx), ctx.profile)
    const member = yield* getMember(ctx, letter.memberId)
    yield* requireOnRoll(operation, member)
    if (member.organizationId !== letter.organizationId) {
      return yield* new TransferRejected({
        operation,
        memberId: member.id,
        problem: "notOnRoll",
        text: { zh: `${member.name}已不在开具介绍信的组织`, en: `${member.name} is no longer in the organization that issued the letter` }
      })
    }
    const to = yield* receivingOrganization(ctx, operation, member, organizations, toId)
    const [storedLetter, storedMember] = yield* store.write(
      ctx.tenantId,
      [updateWrite(transferLetterKind, { ...letter, receivedOn: input.receivedOn }), updateWrite(memberKind, placeMember(member, to, input.receivedOn))],
      audit(ctx)
    )
    return { letter: storedLetter as TransferLetter, member: maskMember(storedMember as Member) }
  })
)

/**
 * 调动 — a move inside the tenant with both ends at once: the letter issued and received on
 * `movedOn` and the file placed, in one atomic write (two audit entries). The actor needs
 * `member.transfer` at both organizations.
 */
export const move = serviceMethod("transfer.move", MoveInput, (ctx, input) =>
  Effect.gen(function* () {
    const operation = "transfer.move"
    yield* notAfter(ctx, operation, "movedOn", input.movedOn)
    const { member, organizations } = yield* loadFileFor(ctx, input.memberId, "member.transfer")
    if (input.expectedVersion !== undefined) yield* expectVersion(memberKind, member, input.expectedVersion)
    yield* requireOnRoll(operation, member)
    const to = yield* receivingOrganization(ctx, operation, member, organizations, input.toOrganizationId)
    yield* guardTransferAt(ctx, organizations, to.id)
    yield* noPendingLetter(ctx, operation, member)
    yield* unusedLetterId(ctx, operation, member.id, input.letterId)
    const from = yield* knownOrganization(ctx, organizations, member.organizationId)
    const letter = issueLetter(member, from, { organizationId: to.id, name: to.name, tenantId: null }, "within", { ...input, id: input.letterId, issuedOn: input.movedOn }, ctx.profile)
    const store = yield* Store
    const [storedLetter, storedMember] = yield* store.write(
      ctx.tenantId,
      [createWrite(transferLetterKind, { ...letter, receivedOn: input.movedOn }), updateWrite(memberKind, placeMember(member, to, input.movedOn))],
      audit(ctx)
    )
    return { letter: storedLetter as TransferLetter, member: maskMember(storedMember as Member) }
  })
)

/**
 * 回执 — records the receipt that came back for a letter sent elsewhere: from its date the member is
 * off the sending roll. Refused: a letter received before, a receipt dated before the issue or after today.
 */
export const acknowledgeReceipt = serviceMethod("transfer.acknowledgeReceipt", AcknowledgeReceiptInput, (ctx, input) =>
  Effect.gen(function* () {
    const operation = "transfer.acknowledgeReceipt"
    const store = yield* Store
    const letter = yield* store.get(transferLetterKind, ctx.tenantId, input.letterId)
    yield* loadOrganizationFor(ctx, letter.organizationId, "member.transfer")
    yield* expectVersion(transferLetterKind, letter, input.expectedVersion)
    if (letter.direction !== "out") {
      return yield* new TransferRejected({
        operation,
        memberId: letter.memberId,
        problem: "wrongDirection",
        text: { zh: "只有转往外单位的介绍信记录回执", en: "only a letter sent elsewhere takes a receipt" }
      })
    }
    if (letter.receivedOn !== null) {
      return yield* new TransferRejected({
        operation,
        memberId: letter.memberId,
        problem: "alreadyReceived",
        text: { zh: `介绍信 ${letter.letterNumber} 已于${letter.receivedOn}回执`, en: `letter ${letter.letterNumber} was acknowledged on ${letter.receivedOn}` }
      })
    }
    if (input.receivedOn < letter.issuedOn || input.receivedOn > todayOf(ctx)) {
      return yield* new TransferRejected({
        operation,
        memberId: letter.memberId,
        problem: "dateOrder",
        text: {
          zh: `回执日期${input.receivedOn}应在开具日期${letter.issuedOn}与今天之间`,
          en: `the receipt date ${input.receivedOn} must lie between the issue date ${letter.issuedOn} and today`
        }
      })
    }
    const [stored] = yield* store.write(ctx.tenantId, [updateWrite(transferLetterKind, { ...letter, receivedOn: input.receivedOn }, input.expectedVersion)], audit(ctx))
    return stored as TransferLetter
  })
)

/** 转接材料 — the packet another tenant imports for a letter sent elsewhere (encoded, ready to send). */
export const letterPacket = serviceMethod("transfer.letterPacket", LetterPacketInput, (ctx, input) =>
  Effect.gen(function* () {
    const store = yield* Store
    const letter = yield* store.get(transferLetterKind, ctx.tenantId, input.letterId)
    yield* loadOrganizationFor(ctx, letter.organizationId, "member.transfer")
    if (letter.direction !== "out") {
      return yield* new TransferRejected({
        operation: "transfer.letterPacket",
        memberId: letter.memberId,
        problem: "wrongDirection",
        text: { zh: "只有转往外单位的介绍信有转接材料", en: "only a letter sent elsewhere has a packet" }
      })
    }
    const member = yield* store.get(memberKind, ctx.tenantId, letter.memberId)
    return Schema.encodeSync(TransferPacket)({ tenantId: ctx.tenantId, letter, member })
  })
)

/**
 * 接收外地转入 — imports a packet from another tenant: an `in` letter and the member's file, placed in
 * the receiving organization, in one atomic write. The file keeps its recruitment history, standing
 * and probation. Refused: an unknown receiving organization (`NotFound`), a letter past its validity,
 * a letter received before (by its sender's tenant and letter id), a letter addressed to another
 * tenant, a member already on a roll here.
 */
export const importLetter = serviceMethod("transfer.importLetter", ImportLetterInput, (ctx, input) =>
  Effect.gen(function* () {
    const operation = "transfer.importLetter"
    const { packet } = input
    const sent = packet.letter
    const { organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "member.transfer")
    const to = yield* knownOrganization(ctx, organizations, input.organizationId)
    const memberId = input.memberId ?? packet.member.id
    const refuse = (problem: TransferRejected["problem"], zh: string, en: string) =>
      new TransferRejected({ operation, memberId, problem, text: { zh, en } })
    if (sent.direction !== "out" || (sent.to.tenantId !== null && sent.to.tenantId !== ctx.tenantId) || packet.tenantId === ctx.tenantId) {
      return yield* refuse("wrongDirection", "该介绍信不是转往本单位的外地介绍信", "this letter is not a letter from elsewhere addressed here")
    }
    if (!(to.kind === "branch" || to.kind === "jointBranch") || to.dissolvedOn !== null) {
      return yield* refuse("notABranch", `${to.name}不是可以编入党员的党支部`, `${to.name} is not a branch that can hold members`)
    }
    yield* checkReceipt(operation, { ...sent, memberId, receivedOn: null }, input.receivedOn, todayOf(ctx), ctx.profile)
    const store = yield* Store
    const seen = yield* store.list(transferLetterKind, ctx.tenantId, { sourceTenantId: packet.tenantId, sourceLetterId: sent.id })
    if (seen.length > 0) {
      return yield* refuse("alreadyReceived", `介绍信 ${sent.letterNumber} 已于${seen[0]!.receivedOn}接收`, `letter ${sent.letterNumber} was received on ${seen[0]!.receivedOn}`)
    }
    const letterId = input.letterId ?? sent.id
    yield* unusedLetterId(ctx, operation, memberId, letterId)
    const existing = yield* Effect.option(store.get(memberKind, ctx.tenantId, memberId))
    if (existing._tag === "Some" && existing.value.status !== "transferredOut") {
      return yield* refuse("duplicate", `档案 ${memberId} 已在本单位名册上`, `file ${memberId} is on a roll here already`)
    }
    const file = receivedFile(packet.member, ctx.tenantId, memberId as Member["id"], to, sent.letterNumber, input.receivedOn, ctx.actor.personId)
    const inLetter = {
      ...sent,
      tenantId: ctx.tenantId,
      id: letterId as TransferLetter["id"],
      direction: "in" as const,
      memberId: memberId as Member["id"],
      organizationId: to.id,
      to: { organizationId: to.id, name: to.name, tenantId: null },
      receivedOn: input.receivedOn,
      batchId: null,
      source: { tenantId: packet.tenantId, letterId: sent.id }
    }
    const { version: _v, ...letterRecord } = inLetter
    const memberWrite =
      existing._tag === "Some" ? updateWrite(memberKind, { ...file, version: existing.value.version }) : createWrite(memberKind, file)
    const [storedLetter, storedMember] = yield* store.write(ctx.tenantId, [createWrite(transferLetterKind, letterRecord), memberWrite], audit(ctx))
    return { letter: storedLetter as TransferLetter, member: maskMember(storedMember as Member) }
  })
)
