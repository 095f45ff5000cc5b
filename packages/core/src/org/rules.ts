import type { RuleDefinition } from "../profile/rule.js"
export const orgRules: ReadonlyArray<RuleDefinition<any>> = []
