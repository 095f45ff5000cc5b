import type { AuditContext, Member, Organization, Write } from "@zhibu/core"

type New<A> = Omit<A, "version">

/** A branch with made-up, non-personal data. */
export const organization = (tenantId: string, id: string, over: Partial<New<Organization>> = {}): New<Organization> =>
  ({
    tenantId,
    id,
    kind: "branch",
    formation: "elected",
    name: `第${id}支部`,
    parentId: null,
    units: ["示例学校"],
    basis: "school",
    canApproveAdmissions: false,
    foundedOn: "2020-09-01",
    leadership: { secretaryId: null, deputySecretaryIds: [], committeeMemberIds: [] },
    term: null,
    dissolvedOn: null,
    ...over
  }) as New<Organization>

/** A member with made-up, non-personal data. */
export const member = (tenantId: string, id: string, over: Partial<New<Member>> = {}): New<Member> =>
  ({
    tenantId,
    id,
    organizationId: "b1",
    partyGroupId: null,
    name: `成员${id}`,
    gender: "female",
    birthDate: "1990-01-15",
    category: "teacher",
    stage: "applicant",
    status: "active",
    steps: [],
    joinedOn: null,
    convertedOn: null,
    statusHistory: [],
    sanctions: [],
    flagDecisions: [],
    lastContactOn: null,
    ...over
  }) as New<Member>

export const create = (record: New<Member> | New<Organization>): Write =>
  ("stage" in record
    ? { op: "create", kind: "member", record }
    : { op: "create", kind: "organization", record }) as Write

export const update = (record: New<Member> | New<Organization>, expectedVersion: number): Write =>
  ("stage" in record
    ? { op: "update", kind: "member", record, expectedVersion }
    : { op: "update", kind: "organization", record, expectedVersion }) as Write

export const ctx = (action = "test.write", at = new Date("2026-11-21T08:00:00.000Z")): AuditContext => ({
  actorId: "admin-1",
  at,
  action
})
