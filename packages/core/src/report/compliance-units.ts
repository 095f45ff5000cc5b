import * as Effect from "effect/Effect"
import { type BranchCompliance, type ComplianceOptions, type ComplianceUnit, complianceCountKeys, complianceSpan, subtreeCompliance } from "../meeting/compliance.js"
import { readLeadershipHistory } from "../meeting/compliance-committee.js"
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
 * the meeting domain reads them (grouped aggregates over all the branches at once), and the committee
 * on each date from the leadership history up to the span's end (one more read for all the branches,
 * as `meetingService.compliance` does), so a committee elected mid-year is judged from its election.
 */
export const complianceOf = (
  tenantId: TenantId,
  subtree: ReadonlyArray<Organization>,
  members: ReadonlyArray<Member>,
  options: ComplianceOptions
): Effect.Effect<ReadonlyArray<BranchCompliance>, StoreUnavailable, Store> =>
  Effect.gen(function* () {
    const branches = branchesOf(subtree)
    if (branches.length === 0) return []
    const span = complianceSpan(options)
    const branchIds = branches.map((b) => b.branch.id)
    const history = yield* readLeadershipHistory(tenantId, branchIds, span.to)
    const units = complianceUnits(branches, members, options.profile, history)
    const weekly = expectedMeetings(options.profile, options.to).some((e) => e.cadence === "weekly")
    const held = yield* readHeld(tenantId, branchIds, span, { weekly, keys: complianceCountKeys(options) })
    return subtreeCompliance(units, held, options)
  })
