import type { Member, Organization } from "@zhibu/core"
import type { AuditContext, Write } from "@zhibu/core/store"
import { createWrite, makeMember, makeOrganization, updateWrite } from "@zhibu/store-testkit/fixtures"

type New<A> = Omit<A, "version">

/** A branch with made-up, non-personal data, named after its id, with no term. */
export const organization = (tenantId: string, id: string, over: Partial<New<Organization>> = {}): New<Organization> =>
  makeOrganization(tenantId, { id, name: `第${id}支部`, units: ["示例学校"], term: null, ...over })

/** An applicant with made-up, non-personal data, named after its id, with no steps. */
export const member = (tenantId: string, id: string, over: Partial<New<Member>> = {}): New<Member> =>
  makeMember(tenantId, { id, organizationId: "b1", name: `成员${id}`, birthDate: "1990-01-15", steps: [], lastContactOn: null, ...over })

const kindOf = (record: New<Member> | New<Organization>) => ("stage" in record ? "member" : "organization")

export const create = (record: New<Member> | New<Organization>): Write => createWrite(kindOf(record), record)

export const update = (record: New<Member> | New<Organization>, expectedVersion: number): Write =>
  updateWrite(kindOf(record), record, expectedVersion)

export const ctx = (action = "test.write", at = new Date("2026-11-21T08:00:00.000Z")): AuditContext => ({
  actorId: "admin-1",
  at,
  action
})
