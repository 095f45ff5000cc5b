import * as Effect from "effect/Effect"
import { type BranchCompliance, type ComplianceOptions, type ComplianceUnit, complianceSpan, subtreeCompliance } from "../meeting/compliance.js"
import { branchesOf, readHeld } from "../meeting/compliance-read.js"
import { complianceUnits } from "../meeting/compliance-units.js"
import { expectedMeetings } from "../meeting/expected-meetings.js"
import type { Member } from "../member/member.js"
import type { Organization } from "../org/organization.js"
import type { RuleProfile } from "../profile/profile.js"
import type { StoreUnavailable } from "../store/errors.js"
import type { Store } from "../store/port.js"
import type { TenantId } from "../tenant/ids.js"

/**
 * The compliance units of a subtree's branches from member files already read (a report reads the
 * files once for all its figures): each branch with its party groups and its full members on a date.
 */
export const unitsFrom = (subtree: ReadonlyArray<Organization>, members: ReadonlyArray<Member>, profile: RuleProfile): ReadonlyArray<ComplianceUnit> =>
  complianceUnits(branchesOf(subtree), members, profile)

/**
 * 组织生活合规 of the subtree's branches over `[from, to]` judged on `asOf`, the held meetings read as
 * the meeting domain reads them (grouped aggregates over all the branches at once).
 */
export const complianceOf = (
  tenantId: TenantId,
  subtree: ReadonlyArray<Organization>,
  members: ReadonlyArray<Member>,
  options: ComplianceOptions
): Effect.Effect<ReadonlyArray<BranchCompliance>, StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const units = unitsFrom(subtree, members, options.profile)
    if (units.length === 0) return []
    const weekly = expectedMeetings(options.profile, options.to).some((e) => e.cadence === "weekly")
    const held = yield* readHeld(tenantId, units.map((u) => u.branch.id), complianceSpan(options), { weekly })
    return subtreeCompliance(units, held, options)
  })
