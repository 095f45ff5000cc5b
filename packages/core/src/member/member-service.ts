import * as Effect from "effect/Effect"
import type { Forbidden } from "../auth/errors.js"
import type { Finding } from "../profile/finding.js"
import type { CommandContext } from "../service/context.js"
import { decodeInput } from "../service/decode-input.js"
import type { InvalidInput } from "../service/errors.js"
import { Store } from "../store/port.js"
import { enterExistingFile, openApplicantFile } from "./entry.js"
import type { MemberRecordRejected, StatusChangeRejected, StepRejected } from "./errors.js"
import { recordStep as recordStepRule } from "./lifecycle.js"
import type { Member } from "./member.js"
import {
  ChangeStatusInput,
  EnterExistingMemberInput,
  MemberTimelineInput,
  RecordFlagDecisionInput,
  RecordSanctionInput,
  RecordStepInput,
  RegisterApplicantInput
} from "./member-service-inputs.js"
import {
  authorized,
  createFile,
  expectVersion,
  loadFile,
  loadPeople,
  type MemberStoreError,
  saveFile,
  targetOf,
  todayOf
} from "./member-service-support.js"
import { memberSignals } from "./signals.js"
import { addFlagDecision, addSanction, changeStatus as changeStatusRule } from "./status.js"
import type { StepId } from "./step.js"
import { type MemberTimeline, timeline } from "./timeline.js"

/** Errors every member command can return besides its own rule refusals. */
export type MemberCommandError = InvalidInput | Forbidden | MemberStoreError

/** Steps that record a decision of the higher committee: they need `member.recordApproval`. */
export const higherCommitteeSteps: ReadonlySet<StepId> = new Set<StepId>([
  "activistFiling",
  "candidateApproval",
  "preliminaryReview",
  "admissionApproval",
  "admissionFiling",
  "conversionApproval"
])

/** 党员档案时间线 with the signals (six-month lapse, lost contact, abroad) raised for a human decision. */
export interface MemberTimelineReport extends MemberTimeline {
  readonly signals: ReadonlyArray<Finding>
}

/** 登记入党申请人 — creates the file with its `application` step (`member.register`). */
const registerApplicant = (ctx: CommandContext, raw: unknown): Effect.Effect<Member, MemberCommandError | StepRejected, Store> =>
  Effect.gen(function* () {
    const input = yield* decodeInput(RegisterApplicantInput, "member.registerApplicant")(raw)
    const store = yield* Store
    yield* store.get("organization", ctx.tenantId, input.organizationId)
    const organizations = yield* store.list("organization", ctx.tenantId)
    yield* authorized(ctx, "member.register", { organizationId: input.organizationId, personId: input.id }, organizations)
    const { applicationDate, materials, note, ...person } = input
    const member = yield* openApplicantFile(
      { ...person, tenantId: ctx.tenantId },
      { step: "application", date: applicationDate, people: [], materials, ...(note === undefined ? {} : { note }) },
      { profile: ctx.profile, today: todayOf(ctx), workdays: ctx.workdays, people: [] }
    )
    return yield* createFile(ctx, store, member, "member.register")
  })

/** 录入已有党员 — a probationary or full member who joined before records began (`member.register`). */
const enterExistingMember = (ctx: CommandContext, raw: unknown): Effect.Effect<Member, MemberCommandError | MemberRecordRejected, Store> =>
  Effect.gen(function* () {
    const input = yield* decodeInput(EnterExistingMemberInput, "member.enterExistingMember")(raw)
    const store = yield* Store
    yield* store.get("organization", ctx.tenantId, input.organizationId)
    const organizations = yield* store.list("organization", ctx.tenantId)
    yield* authorized(ctx, "member.register", { organizationId: input.organizationId, personId: input.id }, organizations)
    const { joinedOn, convertedOn, lastContactOn, ...person } = input
    const member = yield* enterExistingFile({ ...person, tenantId: ctx.tenantId }, joinedOn, convertedOn, { profile: ctx.profile, today: todayOf(ctx) })
    return yield* createFile(ctx, store, { ...member, lastContactOn }, "member.register")
  })

/**
 * 记录发展步骤 — loads the file and the people it names, authorizes `member.recordStep` (or
 * `member.recordApproval` for the higher committee's steps), applies the rules, and writes the file
 * based on `expectedVersion`.
 */
const recordStep = (ctx: CommandContext, raw: unknown): Effect.Effect<Member, MemberCommandError | StepRejected, Store> =>
  Effect.gen(function* () {
    const input = yield* decodeInput(RecordStepInput, "member.recordStep")(raw)
    const { store, member, organizations } = yield* loadFile(ctx, input.memberId)
    const action = higherCommitteeSteps.has(input.record.step) ? "member.recordApproval" : "member.recordStep"
    yield* authorized(ctx, action, targetOf(member), organizations)
    yield* expectVersion(member, input.expectedVersion)
    const people = yield* loadPeople(ctx, store, input.record.people)
    const updated = yield* recordStepRule(member, input.record, { profile: ctx.profile, today: todayOf(ctx), workdays: ctx.workdays, people })
    return yield* saveFile(ctx, store, updated, input.expectedVersion, action)
  })

/** 党籍状态变更 (`member.recordStatus`). */
const changeStatus = (ctx: CommandContext, raw: unknown): Effect.Effect<Member, MemberCommandError | StatusChangeRejected, Store> =>
  Effect.gen(function* () {
    const input = yield* decodeInput(ChangeStatusInput, "member.changeStatus")(raw)
    const { store, member, organizations } = yield* loadFile(ctx, input.memberId)
    yield* authorized(ctx, "member.recordStatus", targetOf(member), organizations)
    yield* expectVersion(member, input.expectedVersion)
    const updated = yield* changeStatusRule(member, input.change, todayOf(ctx), ctx.profile)
    return yield* saveFile(ctx, store, updated, input.expectedVersion, "member.recordStatus")
  })

/** 记录处分 (`member.recordSanction`). */
const recordSanction = (ctx: CommandContext, raw: unknown): Effect.Effect<Member, MemberCommandError | MemberRecordRejected, Store> =>
  Effect.gen(function* () {
    const input = yield* decodeInput(RecordSanctionInput, "member.recordSanction")(raw)
    const { store, member, organizations } = yield* loadFile(ctx, input.memberId)
    yield* authorized(ctx, "member.recordSanction", targetOf(member), organizations)
    yield* expectVersion(member, input.expectedVersion)
    const updated = yield* addSanction(member, input.sanction, todayOf(ctx))
    return yield* saveFile(ctx, store, updated, input.expectedVersion, "member.recordSanction")
  })

/** 记录对提示的判断 (`member.recordFlagDecision`). */
const recordFlagDecision = (ctx: CommandContext, raw: unknown): Effect.Effect<Member, MemberCommandError | MemberRecordRejected, Store> =>
  Effect.gen(function* () {
    const input = yield* decodeInput(RecordFlagDecisionInput, "member.recordFlagDecision")(raw)
    const { store, member, organizations } = yield* loadFile(ctx, input.memberId)
    yield* authorized(ctx, "member.recordFlagDecision", targetOf(member), organizations)
    yield* expectVersion(member, input.expectedVersion)
    const updated = yield* addFlagDecision(member, input.decision, ctx.profile, todayOf(ctx))
    return yield* saveFile(ctx, store, updated, input.expectedVersion, "member.recordFlagDecision")
  })

/** 发展进度与提示 — the timeline and the signals of one member as of today (`member.read`). */
const memberTimeline = (ctx: CommandContext, raw: unknown): Effect.Effect<MemberTimelineReport, MemberCommandError, Store> =>
  Effect.gen(function* () {
    const input = yield* decodeInput(MemberTimelineInput, "member.memberTimeline")(raw)
    const { member, organizations } = yield* loadFile(ctx, input.memberId)
    yield* authorized(ctx, "member.read", targetOf(member), organizations)
    const today = todayOf(ctx)
    return { ...timeline(member, ctx.profile, today), signals: memberSignals(member, input.evidence, ctx.profile, today) }
  })

/**
 * 党员服务 — the member commands. Each takes the command context and an `unknown` input (decoded
 * first: a malformed input is `InvalidInput`), needs the `Store`, authorizes, and writes nothing
 * when it fails.
 */
export const memberService = {
  registerApplicant,
  enterExistingMember,
  recordStep,
  changeStatus,
  recordSanction,
  recordFlagDecision,
  memberTimeline
} as const

export {
  registerApplicant,
  enterExistingMember,
  recordStep as recordMemberStep,
  changeStatus as changeMemberStatus,
  recordSanction,
  recordFlagDecision,
  memberTimeline
}
