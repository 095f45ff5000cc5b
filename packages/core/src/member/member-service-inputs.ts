import * as Schema from "effect/Schema"
import { FreeText, Label } from "../text/free-text.js"
import { CivilDate } from "../calendar/civil-date.js"
import { OrganizationId, PersonId } from "../tenant/ids.js"
import { FlagDecision, Member, MemberCategory, Sanction, StatusChange } from "./member.js"
import { IdNumberInput, PersonalDataView, PhoneNumberInput } from "./personal-data.js"
import { idNumberMatchesBirthDate } from "./personal-data-check.js"
import { SignalEvidence } from "./signals.js"
import { StepRecord } from "./step.js"

/** Inputs of the member service, decoded from `unknown` at the boundary. */

const PersonFields = {
  id: PersonId,
  organizationId: OrganizationId,
  partyGroupId: Schema.optionalWith(Schema.NullOr(OrganizationId), { default: () => null }),
  // the stored record's own rule, so a control character is InvalidInput here, not InvalidRecord from the store
  name: Member.fields.name,
  gender: Schema.Literal("female", "male"),
  birthDate: CivilDate,
  category: MemberCategory,
  /** 居民身份证号, if recorded: checked (GB 11643) and its birth date must be `birthDate`. */
  idNumber: Schema.optionalWith(IdNumberInput, { exact: true, nullable: true }),
  /** 联系电话, if recorded: a mainland mobile or landline number. */
  phone: Schema.optionalWith(PhoneNumberInput, { exact: true, nullable: true })
}

/** 登记入党申请人 — the person and the date the application was received. */
export const RegisterApplicantInput = Schema.Struct({
  ...PersonFields,
  applicationDate: CivilDate,
  materials: Schema.optionalWith(Schema.Array(Label), { default: () => [] }),
  note: Schema.optional(FreeText)
}).pipe(idNumberMatchesBirthDate)
export type RegisterApplicantInput = typeof RegisterApplicantInput.Encoded

/** 录入已有党员 — `convertedOn` absent or null for a member still on probation. */
export const EnterExistingMemberInput = Schema.Struct({
  ...PersonFields,
  joinedOn: CivilDate,
  convertedOn: Schema.optionalWith(Schema.NullOr(CivilDate), { default: () => null }),
  lastContactOn: Schema.optionalWith(Schema.NullOr(CivilDate), { default: () => null })
}).pipe(idNumberMatchesBirthDate)
export type EnterExistingMemberInput = typeof EnterExistingMemberInput.Encoded

/** Every change to a file names the version the caller read (optimistic concurrency). */
const Versioned = { memberId: PersonId, expectedVersion: Schema.Int.pipe(Schema.positive()) }

/** 记录发展步骤 — the step to record on a file, for the version the caller read. */
export const RecordStepInput = Schema.Struct({ ...Versioned, record: StepRecord })
export type RecordStepInput = typeof RecordStepInput.Encoded

/** 党籍状态变更 — the change of status (with its date and who decided), for the version the caller read. */
export const ChangeStatusInput = Schema.Struct({ ...Versioned, change: StatusChange })
export type ChangeStatusInput = typeof ChangeStatusInput.Encoded

/** 记录处分 — the sanction to add to a file, for the version the caller read. */
export const RecordSanctionInput = Schema.Struct({ ...Versioned, sanction: Sanction })
export type RecordSanctionInput = typeof RecordSanctionInput.Encoded

/** 记录对提示的判断 — a human decision on a flag, for the version the caller read. */
export const RecordFlagDecisionInput = Schema.Struct({ ...Versioned, decision: FlagDecision })
export type RecordFlagDecisionInput = typeof RecordFlagDecisionInput.Encoded

/** The timeline of one member; `evidence` feeds the six-month and abroad signals. */
export const MemberTimelineInput = Schema.Struct({
  memberId: PersonId,
  evidence: Schema.optionalWith(SignalEvidence, { default: () => ({}) })
})
export type MemberTimelineInput = typeof MemberTimelineInput.Encoded

/**
 * Which form of the personal fields (ID number, phone) a read returns: masked unless `"full"` is
 * asked for, which needs `member.readPersonalData` and is recorded in the audit log.
 */
const PersonalDataOption = { personalData: Schema.optionalWith(PersonalDataView, { default: () => "masked" as const }) }

/** One member's file (or its history), by id; `personalData: "full"` for the unmasked values (audited). */
export const GetMemberInput = Schema.Struct({ memberId: PersonId, ...PersonalDataOption })
export type GetMemberInput = typeof GetMemberInput.Encoded

/** The files of one branch (or 党小组), with paging by id. */
export const ListMembersInput = Schema.Struct({
  organizationId: OrganizationId,
  afterId: Schema.optional(PersonId),
  limit: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 1000)), { default: () => 200 }),
  ...PersonalDataOption
})
export type ListMembersInput = typeof ListMembersInput.Encoded

/**
 * 更正联系信息 — sets or clears the personal fields of a file: a field left out is unchanged, `null`
 * clears it. The ID number's birth date must be the file's `birthDate`.
 */
export const UpdateContactInput = Schema.Struct({
  ...Versioned,
  idNumber: Schema.optionalWith(Schema.NullOr(IdNumberInput), { exact: true }),
  phone: Schema.optionalWith(Schema.NullOr(PhoneNumberInput), { exact: true })
})
export type UpdateContactInput = typeof UpdateContactInput.Encoded

/** 删除个人信息 — blanks every personal field of a file (PIPL erasure), for the version the caller read. */
export const ErasePersonalDataInput = Schema.Struct(Versioned)
export type ErasePersonalDataInput = typeof ErasePersonalDataInput.Encoded
