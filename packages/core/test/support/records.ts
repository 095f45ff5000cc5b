import * as Schema from "effect/Schema"
import { Actor, type Role } from "../../src/auth/actor.js"
import { Member } from "../../src/member/member.js"
import { Organization, type OrganizationKind } from "../../src/org/organization.js"

/** Test fixtures: organizations and members built through their Schemas, so every fixture is valid. */

export const TENANT = "t1"

export const org = (
  id: string,
  kind: OrganizationKind,
  parentId: string | null,
  over: Partial<typeof Organization.Encoded> = {}
): Organization =>
  Schema.decodeSync(Organization)({
    tenantId: TENANT,
    id,
    version: 1,
    kind,
    name: `组织 ${id}`,
    parentId,
    units: ["school-1"],
    basis: "school",
    canApproveAdmissions: kind === "committee",
    foundedOn: "2020-01-01",
    leadership: { secretaryId: null, deputySecretaryIds: [], committeeMemberIds: [] },
    term: null,
    dissolvedOn: null,
    ...over
  })

export const member = (
  id: string,
  organizationId: string,
  over: Partial<typeof Member.Encoded> = {}
): Member =>
  Schema.decodeSync(Member)({
    tenantId: TENANT,
    id,
    version: 1,
    organizationId,
    partyGroupId: null,
    name: `党员 ${id}`,
    gender: "female",
    birthDate: "1985-03-01",
    category: "teacher",
    stage: "full",
    status: "active",
    steps: [],
    joinedOn: "2010-07-01",
    convertedOn: "2011-07-01",
    statusHistory: [],
    sanctions: [],
    flagDecisions: [],
    lastContactOn: null,
    ...over
  })

export const actor = (personId: string, ...roles: ReadonlyArray<readonly [Role, string]>): Actor =>
  Schema.decodeSync(Actor)({ personId, roles: roles.map(([role, organizationId]) => ({ role, organizationId })) })

/**
 * A county committee over a school committee with two branches; branch b1 has party group g1.
 *   county ─ school ─┬─ b1 ─ g1
 *                    └─ b2
 */
export const schoolTree: ReadonlyArray<Organization> = [
  org("county", "committee", null),
  org("school", "committee", "county"),
  org("b1", "branch", "school"),
  org("b2", "branch", "school"),
  org("g1", "partyGroup", "b1")
]
