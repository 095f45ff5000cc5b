import type { RuleDefinition } from "../profile/rule.js"
export const meetingRules: ReadonlyArray<RuleDefinition<any>> = []
