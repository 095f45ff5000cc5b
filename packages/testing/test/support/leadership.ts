/** Core's leadership history, for checking the generator's records. */
export { addDays, LeadershipRecord } from "@zhibu/core"
export { leadershipOn, secretaryChangesIn } from "@zhibu/core/rules"
