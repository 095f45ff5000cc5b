import * as Effect from "effect/Effect"
import { authorize } from "../auth/authorize.js"
import type { Forbidden } from "../auth/errors.js"
import type { Organization } from "../org/organization.js"
import type { CommandContext } from "../service/context.js"
import { invalidInput } from "../service/errors.js"
import { auditOf, expectVersion, saveRecord, type WriteError } from "../service/support.js"
import { type AuditEntry, Store, updateWrite } from "../store/port.js"
import { memberKind } from "./kinds.js"
import type { Member } from "./member.js"
import type { ErasePersonalDataInput, UpdateContactInput } from "./member-service-inputs.js"
import { loadFileFor } from "./member-service-support.js"
import { maskMember, type PersonalDataView, personalFields } from "./personal-data.js"
import { maskAuditEntry } from "./personal-data-audit.js"
import { idNumberAgreesWith } from "./personal-data-check.js"

/** True when a file carries any personal field (ID number, phone). */
export const hasPersonalData = (member: Member): boolean => personalFields.some((f) => member[f] !== undefined)

/**
 * 个人信息披露记录 — records that `members` were read with full personal data: each file is written
 * again unchanged with the action `member.readPersonalData`, so the audit log (one entry per
 * written record) says who saw whose full values, and when, in the file's own history. The version
 * goes up by one; a file changed since it was read is a `Conflict` (read again). Returns the files
 * as stored.
 */
export const recordDisclosure = (
  ctx: CommandContext,
  members: ReadonlyArray<Member>
): Effect.Effect<ReadonlyArray<Member>, WriteError, Store> =>
  members.length === 0
    ? Effect.succeed([])
    : Effect.flatMap(Store, (store) =>
        store.write(
          ctx.tenantId,
          members.map((m) => updateWrite(memberKind, m)),
          auditOf(ctx, "member.readPersonalData")
        )
      ).pipe(Effect.map((written) => written as ReadonlyArray<Member>))

/**
 * A page of files as the caller asked for them: masked, or (`full`, after `member.readPersonalData`
 * was authorized at `organizationId`) unmasked with a disclosure recorded for each file that has
 * personal data.
 */
export const viewFiles = (
  ctx: CommandContext,
  members: ReadonlyArray<Member>,
  view: PersonalDataView,
  organizationId: string,
  organizations: ReadonlyArray<Organization>
): Effect.Effect<ReadonlyArray<Member>, Forbidden | WriteError, Store> =>
  view === "masked"
    ? Effect.succeed(members.map(maskMember))
    : Effect.gen(function* () {
        yield* authorize(ctx.actor, "member.readPersonalData", { organizationId }, organizations)
        const disclosed = new Map((yield* recordDisclosure(ctx, members.filter(hasPersonalData))).map((m) => [m.id, m]))
        return members.map((m) => disclosed.get(m.id) ?? m)
      })

/**
 * One file as the caller asked for it: masked after `member.read`, or unmasked after
 * `member.readPersonalData` with the disclosure recorded (when the file has personal data).
 */
export const viewFile = (ctx: CommandContext, memberId: string, view: PersonalDataView) =>
  Effect.gen(function* () {
    const { member } = yield* loadFileFor(ctx, memberId, view === "full" ? "member.readPersonalData" : "member.read")
    if (view === "masked") return maskMember(member)
    return hasPersonalData(member) ? (yield* recordDisclosure(ctx, [member]))[0]! : member
  })

/**
 * A file's history (its audit entries, oldest first) as the caller asked for it: every entry's
 * personal fields masked, or full after `member.readPersonalData`, the disclosure recorded first
 * (always: past entries may hold values the file no longer has), so the history returned ends with it.
 */
export const viewHistory = (ctx: CommandContext, memberId: string, view: PersonalDataView) =>
  Effect.gen(function* () {
    const { member } = yield* loadFileFor(ctx, memberId, view === "full" ? "member.readPersonalData" : "member.read")
    if (view === "full") yield* recordDisclosure(ctx, [member])
    const store = yield* Store
    const entries = (yield* store.auditLog(ctx.tenantId, { recordId: memberId })).filter((e) => e.kind === memberKind.name)
    return view === "full" ? entries : entries.map(maskAuditEntry)
  }) as Effect.Effect<ReadonlyArray<AuditEntry>, Forbidden | WriteError, Store>

const updateContactOperation = "member.updateContact"

/** What an ID number given to `updateContact` must be (its field is named by the refusal). */
const idNumberOfFile = {
  zh: "所含出生日期（第 7–14 位）与档案中出生日期一致的身份证号",
  en: "an ID number whose birth date (characters 7–14) is the file's birthDate"
}

/**
 * 更正联系信息 — sets or clears the personal fields of a file (`member.updateContact`), based on the
 * version the caller read; returns the file masked.
 */
export const updateContact = (ctx: CommandContext, input: typeof UpdateContactInput.Type) =>
  Effect.gen(function* () {
    const { member } = yield* loadFileFor(ctx, input.memberId, "member.updateContact")
    yield* expectVersion(memberKind, member, input.expectedVersion)
    if (!idNumberAgreesWith(input.idNumber, member.birthDate)) {
      return yield* invalidInput(updateContactOperation, "idNumber", idNumberOfFile)
    }
    const updated: Record<string, unknown> = { ...member }
    for (const f of personalFields) {
      const value = input[f]
      if (value === null) delete updated[f]
      else if (value !== undefined) updated[f] = value
    }
    const saved = yield* saveRecord(ctx, memberKind, updated as Member, input.expectedVersion, "member.updateContact")
    return maskMember(saved)
  })

/**
 * 删除个人信息 — blanks every personal field of a file (`member.erasePersonalData`), for an erasure
 * under PIPL 第四十七条. The audit log keeps the entries written before, with their values: see
 * `docs/personal-data.md` for what the application must do about them.
 */
export const erasePersonalData = (ctx: CommandContext, input: typeof ErasePersonalDataInput.Type) =>
  Effect.gen(function* () {
    const { member } = yield* loadFileFor(ctx, input.memberId, "member.erasePersonalData")
    yield* expectVersion(memberKind, member, input.expectedVersion)
    const { idNumber: _idNumber, phone: _phone, ...erased } = member
    return yield* saveRecord(ctx, memberKind, erased, input.expectedVersion, "member.erasePersonalData")
  })

/** Masks the file a command returns: writes hand back what the store holds, masked like every read. */
export const masked = <E, R>(effect: Effect.Effect<Member, E, R>): Effect.Effect<Member, E, R> => Effect.map(effect, maskMember)
