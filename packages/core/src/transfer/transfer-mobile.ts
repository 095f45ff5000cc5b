import * as Effect from "effect/Effect"
import { loadFileFor } from "../member/member-service-support.js"
import { serviceMethod } from "../service/method.js"
import { createRecord, expectVersion, loadOrganizationFor, saveRecord } from "../service/support.js"
import { Store } from "../store/port.js"
import { TransferRejected } from "./errors.js"
import { mobileAttachmentKind } from "./kinds.js"
import { type MobileAttachment, checkAttachment } from "./mobile.js"
import { AttachMobileInput, EndMobileInput } from "./transfer-service-inputs.js"
import { destinationParty, getMember, notAfter } from "./transfer-support.js"

/**
 * 流动党员登记 — attaches a member to a host organization (rule `transfer.mobile.host`: one home, at
 * most one host at a time). The home branch keeps the file; a host inside the tenant must exist
 * (`NotFound`).
 */
export const attachMobile = serviceMethod("transfer.attachMobile", AttachMobileInput, (ctx, input) =>
  Effect.gen(function* () {
    yield* notAfter(ctx, "transfer.attachMobile", "from", input.from)
    const { member, organizations } = yield* loadFileFor(ctx, input.memberId, "member.transfer")
    const { party } = yield* destinationParty(ctx, organizations, input.host)
    const store = yield* Store
    const existing = yield* store.list(mobileAttachmentKind, ctx.tenantId, { memberId: member.id })
    const attachment: Omit<MobileAttachment, "version"> = {
      tenantId: ctx.tenantId,
      id: input.id,
      memberId: member.id,
      homeOrganizationId: member.organizationId,
      host: party,
      leftOn: input.leftOn,
      from: input.from,
      until: input.until,
      reason: input.reason
    }
    yield* checkAttachment(member, attachment, existing, ctx.profile)
    return yield* createRecord(ctx, mobileAttachmentKind, attachment, "member.transfer")
  })
)

/** 流动党员返回 — ends an attachment on `until` (not before it began). */
export const endMobile = serviceMethod("transfer.endMobile", EndMobileInput, (ctx, input) =>
  Effect.gen(function* () {
    const store = yield* Store
    const attachment = yield* store.get(mobileAttachmentKind, ctx.tenantId, input.id)
    yield* loadOrganizationFor(ctx, attachment.homeOrganizationId, "member.transfer")
    yield* expectVersion(mobileAttachmentKind, attachment, input.expectedVersion)
    if (input.until < attachment.from || (attachment.until !== null && input.until > attachment.until)) {
      const member = yield* getMember(ctx, attachment.memberId)
      return yield* new TransferRejected({
        operation: "transfer.endMobile",
        memberId: member.id,
        problem: "dateOrder",
        text: {
          zh: `结束日期${input.until}应在登记期间内（自${attachment.from}起）`,
          en: `the end ${input.until} must lie within the attachment (from ${attachment.from})`
        }
      })
    }
    return yield* saveRecord(ctx, mobileAttachmentKind, { ...attachment, until: input.until }, input.expectedVersion, "member.transfer")
  })
)
