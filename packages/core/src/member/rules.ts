import type { RuleDefinition } from "../profile/rule.js"
export const memberRules: ReadonlyArray<RuleDefinition<any>> = []
