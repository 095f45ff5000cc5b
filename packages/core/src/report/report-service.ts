import { readBranchAgenda } from "./branch-agenda-service.js"
import { membershipSummary } from "./membership-summary.js"

/**
 * 报表服务 — the read-only report services. Each takes the command context and an `unknown` input,
 * needs the `Store`, authorizes, and writes nothing.
 */
export const reportService = { branchAgenda: readBranchAgenda, membershipSummary } as const
