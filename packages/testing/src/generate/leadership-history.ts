import type { CivilDate, LeadershipRecord } from "../internal/core.js"
import type { Generated } from "./generate.js"

/**
 * 班子变动记录 — the leadership history the generated year implies, as `organizationService` would
 * have written it: one record per election of the year (basis `election`) and one per change of
 * secretary between elections (`appointment`; a change at the election is the election's record).
 * Each holds the branch's generated leadership; the county's "secretaries changed" figure
 * (`facts.secretaryChanges`) equals the sum of `secretaryChanged` over these records. Branches with
 * neither have no history (`ledOn` answers null for them). Write them with `leadershipRecordKind`.
 * With `asOf` (a world generated with that `asOf`), the changes after it are left out.
 */
export const leadershipHistory = (world: Pick<Generated, "organizations" | "facts">, asOf?: CivilDate): ReadonlyArray<LeadershipRecord> => {
  const byId = new Map(world.organizations.map((o) => [o.id as string, o]))
  const records = new Map<string, LeadershipRecord>()
  for (const e of world.facts.elections) {
    const o = byId.get(e.organizationId)!
    records.set(o.id, {
      tenantId: o.tenantId,
      id: `${o.id}:v2`,
      version: 1,
      organizationId: o.id,
      effectiveOn: e.electedOn,
      basis: "election",
      leadership: o.leadership,
      previousSecretaryId: o.leadership.secretaryId,
      organizationVersion: 2
    })
  }
  for (const c of world.facts.secretaryChanges) {
    const o = byId.get(c.organizationId)!
    const atElection = records.get(o.id)?.effectiveOn === c.on
    records.set(atElection ? o.id : `${o.id}:change`, {
      tenantId: o.tenantId,
      id: atElection ? `${o.id}:v2` : `${o.id}:v3`,
      version: 1,
      organizationId: o.id,
      effectiveOn: c.on,
      basis: atElection ? "election" : "appointment",
      leadership: o.leadership,
      previousSecretaryId: c.previousSecretaryId as LeadershipRecord["previousSecretaryId"],
      organizationVersion: atElection ? 2 : 3
    })
  }
  const all = [...records.values()]
  return asOf === undefined ? all : all.filter((r) => r.effectiveOn <= asOf)
}
