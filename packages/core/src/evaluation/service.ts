import { democraticMethods } from "./service-democratic.js"
import { cycleMethods } from "./service-cycles.js"

/**
 * 评议服务 — the yearly cycles that judge a branch and its members: 民主评议党员 as a procedure (steps,
 * four grades, the 优秀 cap, follow-ups), 述职评议, the rectification ledger, standardization
 * checklists, member-role feedback and party workload. Every method is `(ctx, input) => Effect`
 * needing the `Store`, decodes its input, authorizes (`evaluation.record`, `evaluation.read`,
 * `report.aggregate` for subtree totals) and writes nothing when refused.
 */
export const evaluationService = { ...democraticMethods, ...cycleMethods } as const
