import * as fc from "fast-check"
import type { Member, Organization } from "../internal/core.js"
import { idArbitrary, memberArbitrary, organizationArbitrary, tenantIdArbitrary } from "./records.js"

/** One tenant's records that hang together. */
export interface TenantRecords {
  readonly tenantId: string
  /** A committee, its branches, their party groups: parents first. */
  readonly organizations: ReadonlyArray<Organization>
  readonly members: ReadonlyArray<Member>
}

/** Options of {@link tenantRecordsArbitrary}: a fixed tenant and the most branches, groups and members drawn. */
export interface TenantRecordsOptions {
  /** Default: drawn. */
  readonly tenantId?: string
  /** Default 4. */
  readonly maxBranches?: number
  /** Default 2. */
  readonly maxGroupsPerBranch?: number
  /** Default 12. */
  readonly maxMembers?: number
}

/**
 * 租户数据 — a tenant's organizations and members, every field drawn from the Schemas, and tied
 * together: one tenant, unique ids per kind, a committee over branches over party groups, each
 * member filed in a branch (and perhaps one of its groups), each branch's secretary one of its
 * members or none. The files themselves are arbitrary: for files the lifecycle accepts use
 * `memberFileArbitrary`.
 */
export const tenantRecordsArbitrary = (options: TenantRecordsOptions = {}): fc.Arbitrary<TenantRecords> => {
  const maxBranches = options.maxBranches ?? 4
  const maxGroups = options.maxGroupsPerBranch ?? 2
  const tenant = options.tenantId === undefined ? tenantIdArbitrary : fc.constant(options.tenantId)
  return fc
    .tuple(tenant, fc.array(fc.integer({ min: 0, max: maxGroups }), { minLength: 1, maxLength: maxBranches }))
    .chain(([tenantId, groupsPerBranch]) => {
      const count = 1 + groupsPerBranch.length + groupsPerBranch.reduce((a, b) => a + b, 0)
      return fc.record({
        tenantId: fc.constant(tenantId),
        groupsPerBranch: fc.constant(groupsPerBranch),
        ids: fc.uniqueArray(idArbitrary, { minLength: count, maxLength: count }),
        organizations: fc.array(organizationArbitrary({ tenantId }), { minLength: count, maxLength: count }),
        members: fc.uniqueArray(fc.tuple(memberArbitrary({ tenantId }), fc.nat(), fc.nat()), {
          maxLength: options.maxMembers ?? 12,
          selector: ([m]) => m.id
        }),
        secretaries: fc.array(fc.nat(), { minLength: groupsPerBranch.length, maxLength: groupsPerBranch.length })
      })
    })
    .map(({ tenantId, groupsPerBranch, ids, organizations, members, secretaries }) => {
      const id = (i: number) => ids[i] as Organization["id"]
      const root: Organization = { ...organizations[0]!, id: id(0), kind: "committee", parentId: null }
      const branches: Array<{ branch: Organization; groups: Array<Organization> }> = []
      let next = 1
      for (const groups of groupsPerBranch) {
        const branch: Organization = { ...organizations[next]!, id: id(next), kind: "branch", parentId: root.id }
        next++
        const own: Array<Organization> = []
        for (let g = 0; g < groups; g++, next++) own.push({ ...organizations[next]!, id: id(next), kind: "partyGroup", parentId: branch.id })
        branches.push({ branch, groups: own })
      }
      const filed = members.map(([m, b, g]): Member => {
        const { branch, groups } = branches[b % branches.length]!
        const group = groups.length === 0 || g % (groups.length + 1) === groups.length ? null : groups[g % (groups.length + 1)]!.id
        return { ...m, organizationId: branch.id, partyGroupId: group }
      })
      const led = branches.map(({ branch, groups }, i) => {
        const own = filed.filter((m) => m.organizationId === branch.id)
        const secretary = own.length === 0 ? null : own[secretaries[i]! % own.length]!.id
        const leadership = { secretaryId: secretary, deputySecretaryIds: [], committeeMemberIds: secretary === null ? [] : [secretary] }
        return [{ ...branch, leadership }, ...groups]
      })
      return { tenantId, organizations: [root, ...led.flat()], members: filed }
    })
}
