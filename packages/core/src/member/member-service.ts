import * as Effect from "effect/Effect"
import type { Forbidden } from "../auth/errors.js"
import type { Finding } from "../profile/finding.js"
import type { CommandContext } from "../service/context.js"
import { serviceMethod } from "../service/method.js"
import { createRecord, expectVersion, loadOrganizationFor, saveRecord, todayOf, type WriteError } from "../service/support.js"
import { Store } from "../store/port.js"
import { enterExistingFile, openApplicantFile } from "./entry.js"
import { memberKind } from "./kinds.js"
import { recordStep as applyStep } from "./lifecycle.js"
import type { Member } from "./member.js"
import {
  ChangeStatusInput,
  EnterExistingMemberInput,
  ErasePersonalDataInput,
  GetMemberInput,
  ListMembersInput,
  MemberTimelineInput,
  RecordFlagDecisionInput,
  RecordSanctionInput,
  RecordStepInput,
  RegisterApplicantInput,
  UpdateContactInput
} from "./member-service-inputs.js"
import { loadFileFor, loadPeople } from "./member-service-support.js"
import { erasePersonalData, masked, updateContact, viewFile, viewFiles, viewHistory } from "./personal-data-service.js"
import { memberSignals } from "./signals.js"
import { addFlagDecision, addSanction, changeStatus as applyStatusChange } from "./status.js"
import type { StepId } from "./step.js"
import { type MemberTimeline, timeline } from "./timeline.js"

/** Errors every member command can return besides its own rule refusals (and `InvalidInput`). */
export type MemberCommandError = Forbidden | WriteError

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

/** Registering needs `member.register` at an organization that exists and that the actor can see. */
const guardRegistration = (ctx: CommandContext, organizationId: string) => loadOrganizationFor(ctx, organizationId, "member.register")

/**
 * 党员服务 — the member files. Every method is `(ctx, input) => Effect` needing the `Store`: the input
 * is typed and decoded at the boundary (`InvalidInput`), the actor is authorized (a file the actor
 * may not see is `NotFound`, as if it did not exist), the rules apply, and a failed command writes
 * nothing. Every file returned has its personal fields (ID number, phone) masked, unless a read
 * asks for `personalData: "full"` (`member.readPersonalData`, recorded in the audit log).
 */
export const memberService = {
  /** 登记入党申请人 — creates the file with its `application` step (`member.register`). */
  registerApplicant: serviceMethod("member.registerApplicant", RegisterApplicantInput, (ctx, input) =>
    Effect.gen(function* () {
      yield* guardRegistration(ctx, input.organizationId)
      const { applicationDate, materials, note, ...person } = input
      const member = yield* openApplicantFile(
        { ...person, tenantId: ctx.tenantId },
        { step: "application", date: applicationDate, people: [], materials, ...(note === undefined ? {} : { note }) },
        { profile: ctx.profile, today: todayOf(ctx), workdays: ctx.workdays, people: [] }
      )
      const { version: _version, ...record } = member
      return yield* masked(createRecord(ctx, memberKind, record, "member.register"))
    })
  ),

  /** 录入已有党员 — a probationary or full member who joined before records began (`member.register`). */
  enterExistingMember: serviceMethod("member.enterExistingMember", EnterExistingMemberInput, (ctx, input) =>
    Effect.gen(function* () {
      yield* guardRegistration(ctx, input.organizationId)
      const { joinedOn, convertedOn, lastContactOn, ...person } = input
      const member = yield* enterExistingFile({ ...person, tenantId: ctx.tenantId }, joinedOn, convertedOn, { profile: ctx.profile, today: todayOf(ctx) })
      const { version: _version, ...record } = { ...member, lastContactOn }
      return yield* masked(createRecord(ctx, memberKind, record, "member.register"))
    })
  ),

  /**
   * 记录发展步骤 — authorizes `member.recordStep` (or `member.recordApproval` for the higher
   * committee's steps), applies the rules with the people the step names, and saves the file based
   * on `expectedVersion`.
   */
  recordStep: serviceMethod("member.recordStep", RecordStepInput, (ctx, input) =>
    Effect.gen(function* () {
      const action = higherCommitteeSteps.has(input.record.step) ? "member.recordApproval" : "member.recordStep"
      const { member } = yield* loadFileFor(ctx, input.memberId, action)
      yield* expectVersion(memberKind, member, input.expectedVersion)
      const people = yield* loadPeople(ctx, input.record.people)
      const updated = yield* applyStep(member, input.record, { profile: ctx.profile, today: todayOf(ctx), workdays: ctx.workdays, people })
      return yield* masked(saveRecord(ctx, memberKind, updated, input.expectedVersion, action))
    })
  ),

  /** 党籍状态变更 (`member.recordStatus`). */
  changeStatus: serviceMethod("member.changeStatus", ChangeStatusInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, "member.recordStatus")
      yield* expectVersion(memberKind, member, input.expectedVersion)
      const updated = yield* applyStatusChange(member, input.change, todayOf(ctx), ctx.profile)
      return yield* masked(saveRecord(ctx, memberKind, updated, input.expectedVersion, "member.recordStatus"))
    })
  ),

  /** 记录处分 (`member.recordSanction`). */
  recordSanction: serviceMethod("member.recordSanction", RecordSanctionInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, "member.recordSanction")
      yield* expectVersion(memberKind, member, input.expectedVersion)
      const updated = yield* addSanction(member, input.sanction, todayOf(ctx))
      return yield* masked(saveRecord(ctx, memberKind, updated, input.expectedVersion, "member.recordSanction"))
    })
  ),

  /** 记录对提示的判断 (`member.recordFlagDecision`). */
  recordFlagDecision: serviceMethod("member.recordFlagDecision", RecordFlagDecisionInput, (ctx, input) =>
    Effect.gen(function* () {
      const { member } = yield* loadFileFor(ctx, input.memberId, "member.recordFlagDecision")
      yield* expectVersion(memberKind, member, input.expectedVersion)
      const updated = yield* addFlagDecision(member, input.decision, ctx.profile, todayOf(ctx))
      return yield* masked(saveRecord(ctx, memberKind, updated, input.expectedVersion, "member.recordFlagDecision"))
    })
  ),

  /**
   * 党员档案 — one member's file (`member.read`), personal fields masked; with
   * `personalData: "full"` unmasked (`member.readPersonalData`, and the disclosure is audited).
   */
  get: serviceMethod("member.get", GetMemberInput, (ctx, input): Effect.Effect<Member, MemberCommandError, Store> =>
    viewFile(ctx, input.memberId, input.personalData)
  ),

  /**
   * 支部党员名册 — the files of a branch or 党小组, by id, a page at a time (`organization.read`),
   * masked; with `personalData: "full"` unmasked (`member.readPersonalData` at the organization, each
   * disclosure audited).
   */
  list: serviceMethod("member.list", ListMembersInput, (ctx, input) =>
    Effect.gen(function* () {
      const { organization, organizations } = yield* loadOrganizationFor(ctx, input.organizationId, "organization.read")
      const store = yield* Store
      // Members of a 党小组 are filed under its branch with the group as `partyGroupId`.
      const filed = organization.kind === "partyGroup" && organization.parentId !== null ? organization.parentId : organization.id
      const page = yield* store.list(memberKind, ctx.tenantId, { organizationId: filed }, {
        ...(input.afterId === undefined ? {} : { afterId: input.afterId }),
        limit: input.limit
      })
      const files = organization.kind === "partyGroup" ? page.filter((m) => m.partyGroupId === organization.id) : page
      return yield* viewFiles(ctx, files, input.personalData, organization.id, organizations)
    })
  ),

  /**
   * 档案变更记录 — every change to one member's file, oldest first, from the audit log (`member.read`),
   * personal fields masked; with `personalData: "full"` unmasked (`member.readPersonalData`, the
   * disclosure recorded first).
   */
  history: serviceMethod("member.history", GetMemberInput, (ctx, input) => viewHistory(ctx, input.memberId, input.personalData)),

  /** 发展进度与提示 — the timeline and the signals of one member as of today (`member.read`); it carries no personal fields. */
  timeline: serviceMethod("member.timeline", MemberTimelineInput, (ctx, input) =>
    Effect.map(loadFileFor(ctx, input.memberId, "member.read"), ({ member }): MemberTimelineReport => {
      const today = todayOf(ctx)
      return { ...timeline(member, ctx.profile, today, ctx.workdays), signals: memberSignals(member, input.evidence, ctx.profile, today) }
    })
  ),

  /**
   * 更正联系信息 — sets (or with `null` clears) the ID number and phone of a file
   * (`member.updateContact`); the ID number's birth date must be the file's. Returns the file masked.
   */
  updateContact: serviceMethod("member.updateContact", UpdateContactInput, updateContact),

  /**
   * 删除个人信息 — blanks the ID number and phone of a file (`member.erasePersonalData`), e.g. for an
   * erasure request under PIPL. Past audit entries keep the old values: see `docs/personal-data.md`.
   */
  erasePersonalData: serviceMethod("member.erasePersonalData", ErasePersonalDataInput, erasePersonalData)
} as const

