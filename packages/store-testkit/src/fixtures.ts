import type { Member, Organization } from "@zhibu/core"
import { type AnyRecordKind, type AuditContext, memberKind, organizationKind, type Write } from "@zhibu/core/store"
import { widgetKind } from "./widget-kind.js"

/** A record as callers hand it to the store: everything but the version the store sets. */
export type Draft<A> = Omit<A, "version">

/** The encoded (plain-string) fields of a record, for overrides that may be deliberately invalid. */
type Overrides = { readonly [key: string]: unknown }

const randomSuffix = (): string => crypto.randomUUID().replaceAll("-", "").slice(0, 12)

/** 租户 — a tenant id no other test uses, so every test isolates itself without truncating anything. */
export const freshTenant = (): string => `t-${crypto.randomUUID()}`

/** A fresh id for a record, unique within a fresh tenant (`prefix-xxxxxxxxxxxx`). */
export const freshId = (prefix = "r"): string => `${prefix}-${randomSuffix()}`

/** Drops the version from a stored record, giving the draft a caller would write. */
export const withoutVersion = <A extends { readonly version: number }>(record: A): Draft<A> => {
  const { version: _version, ...draft } = record
  return draft
}

/** 党支部 — a valid branch of `tenantId` with a fresh id; `overrides` replace fields as given. */
export const makeOrganization = (tenantId: string, overrides: Overrides = {}): Draft<Organization> =>
  ({
    tenantId,
    id: freshId("org"),
    kind: "branch",
    formation: "elected",
    name: "第一党支部",
    parentId: null,
    units: ["示范小学"],
    basis: "school",
    canApproveAdmissions: false,
    foundedOn: "2020-09-01",
    leadership: { secretaryId: null, deputySecretaryIds: [], committeeMemberIds: [] },
    term: { electedOn: "2024-06-28", years: 3 },
    dissolvedOn: null,
    ...overrides
  }) as unknown as Draft<Organization>

/** 入党申请人 — a valid applicant of `tenantId` with a fresh id; `overrides` replace fields as given. */
export const makeMember = (tenantId: string, overrides: Overrides = {}): Draft<Member> =>
  ({
    tenantId,
    id: freshId("m"),
    organizationId: "org-1",
    partyGroupId: null,
    name: "张老师",
    gender: "female",
    birthDate: "1990-05-04",
    category: "teacher",
    stage: "applicant",
    status: "active",
    steps: [
      { step: "application", date: "2025-03-10", people: [], materials: ["入党申请书"] },
      { step: "applicationTalk", date: "2025-04-02", people: ["p-secretary"], materials: [], note: "谈话" }
    ],
    joinedOn: null,
    convertedOn: null,
    statusHistory: [],
    sanctions: [],
    flagDecisions: [],
    lastContactOn: "2025-11-20",
    ...overrides
  }) as unknown as Draft<Member>

/** Who, when and why for test writes; `at` is fixed (with milliseconds) so it can be compared exactly. */
export const auditContext = (overrides: Partial<AuditContext> = {}): AuditContext => ({
  actorId: "p-tester",
  at: new Date("2026-03-02T08:15:30.123Z"),
  action: "test.write",
  ...overrides
})

/** The kinds the contracts name for short: core's two and the testkit's made-up `widget`. */
const byName = {
  organization: organizationKind,
  member: memberKind,
  widget: widgetKind
} as const

/**
 * The kind a write names: `"organization"`, `"member"` or `"widget"` for short, a descriptor, or any
 * `{ name }` at all, so a test can write a kind no store serves (`{ name: "nonsense" }`).
 */
export type KindRef = keyof typeof byName | AnyRecordKind | { readonly name: string }

/** The descriptor a {@link KindRef} stands for (a `{ name }` the testkit does not know is passed on as it is). */
export const kindOf = (kind: KindRef): AnyRecordKind =>
  (typeof kind === "string" ? byName[kind] : kind) as AnyRecordKind

/**
 * A record to write, typed loosely: tests change fields freely (other tenants' ids, invalid
 * dates), and it is the store's job to refuse what does not decode.
 */
export type WriteRecord = { readonly [key: string]: unknown }

/** A `create` write of a draft, with the kind's descriptor (see {@link KindRef}). */
export const createWrite = (kind: KindRef, record: WriteRecord | object): Write =>
  ({ op: "create", kind: kindOf(kind), record }) as unknown as Write

/** An `update` write of a draft, based on `expectedVersion`, with the kind's descriptor. */
export const updateWrite = (kind: KindRef, record: WriteRecord | object, expectedVersion: number): Write =>
  ({ op: "update", kind: kindOf(kind), record, expectedVersion }) as unknown as Write
