import * as Effect from "effect/Effect"
import { memberKind } from "../member/kinds.js"
import type { Member } from "../member/member.js"
import { loadFileFor } from "../member/member-service-support.js"
import { maskMember } from "../member/personal-data.js"
import { serviceMethod } from "../service/method.js"
import { expectVersion, saveRecord, todayOf } from "../service/support.js"
import { Store } from "../store/port.js"
import { transferLetterKind } from "./kinds.js"
import { decideReview as decide, raiseReview as raise } from "./recognition.js"
import { DecideReviewInput, RaiseReviewInput } from "./transfer-service-inputs.js"

/**
 * 提出转入审查 (rules.md 4.29) — the receiving branch records that a transferred-in probationary
 * member's file cannot be verified. The review is a `flag` in `transferService.findings` and the
 * conversion steps are refused until `transferService.decideReview` records the decision. Returns the file
 * as stored (masked).
 */
export const raiseReview = serviceMethod("transfer.raiseReview", RaiseReviewInput, (ctx, input) =>
  Effect.gen(function* () {
    const { member } = yield* loadFileFor(ctx, input.memberId, "member.transfer")
    yield* expectVersion(memberKind, member, input.expectedVersion)
    const store = yield* Store
    const letters = yield* store.list(transferLetterKind, ctx.tenantId, { memberId: member.id, status: "received" })
    const question = { raisedOn: input.raisedOn, raisedBy: input.raisedBy, concern: input.concern }
    const raised = yield* raise(member, letters, question, todayOf(ctx))
    return maskMember(yield* saveRecord(ctx, memberKind, raised, input.expectedVersion, "member.transfer"))
  })
)

/**
 * 记录审查结论 (rules.md 4.29) — records the human decision on the open review: `recognized` lets
 * the conversion go on; `notRecognized` (with the county-level approval the rule asks for) ends the
 * file as a cancelled probation. A decision carrying the county's approval needs
 * `member.recordApproval` (the higher committee's organizer records its decisions). Nothing is
 * written when refused.
 */
export const decideReview = serviceMethod("transfer.decideReview", DecideReviewInput, (ctx, input) =>
  Effect.gen(function* () {
    const action = input.decision.countyApproval === null ? "member.transfer" : "member.recordApproval"
    const { member } = yield* loadFileFor(ctx, input.memberId, action)
    yield* expectVersion(memberKind, member, input.expectedVersion)
    const decided: Member = yield* decide(member, input.decision, ctx.profile, todayOf(ctx))
    return maskMember(yield* saveRecord(ctx, memberKind, decided, input.expectedVersion, action))
  })
)
