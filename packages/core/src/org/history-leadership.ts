import * as Schema from "effect/Schema"
import { CivilDate } from "../calendar/civil-date.js"
import { defineRecordKind, field } from "../store/record-kind.js"
import { OrganizationId, PersonId, TenantId } from "../tenant/ids.js"
import { Leadership, type Organization } from "./organization.js"

/**
 * 班子变动依据 — an election (换届选举), an appointment by the higher committee (任命), a by-election
 * (补选), or `recorded`: the leadership an organization already had when its history began, recorded
 * from the organization as it stood (`organizationService.backfillLeadership`), not a change.
 */
export const LeadershipBasis = Schema.Literal("election", "appointment", "byElection", "recorded")
export type LeadershipBasis = typeof LeadershipBasis.Type

/**
 * 班子变动记录 — one change of an organization's secretary, deputies or committee, as it stood from
 * `effectiveOn`: the whole leadership after the change, its basis, and the secretary before it.
 * Appended in the same write as the organization's change, never edited: the history of who led.
 */
export const LeadershipRecord = Schema.Struct({
  tenantId: TenantId,
  id: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/)),
  version: Schema.Int.pipe(Schema.positive()),
  organizationId: OrganizationId,
  effectiveOn: CivilDate,
  basis: LeadershipBasis,
  leadership: Leadership,
  previousSecretaryId: Schema.NullOr(PersonId),
  /** The organization's version the change produced (orders two changes on one day). */
  organizationVersion: Schema.Int.pipe(Schema.positive())
})
export type LeadershipRecord = typeof LeadershipRecord.Type

/**
 * 书记更换 — 1 when the change replaced one secretary by another (a first secretary, or a post left
 * vacant, is not a change of secretary), else 0: what the county's "secretaries changed" figure sums.
 */
export const secretaryChanged = (r: Pick<LeadershipRecord, "leadership" | "previousSecretaryId">): 0 | 1 =>
  r.previousSecretaryId !== null && r.leadership.secretaryId !== null && r.leadership.secretaryId !== r.previousSecretaryId ? 1 : 0

/**
 * 班子变动记录 — the stored leadership history, by organization and date and by date (the county's
 * yearly figure). Migration 0005 made the table.
 */
export const leadershipRecordKind = defineRecordKind({
  name: "leadershipRecord",
  table: "zhibu_leadership_record",
  schema: LeadershipRecord,
  fields: {
    organizationId: field.key((r: LeadershipRecord) => r.organizationId),
    effectiveOn: field.date((r: LeadershipRecord) => r.effectiveOn),
    basis: field.key((r: LeadershipRecord) => r.basis),
    secretaryId: field.keyOrNull((r: LeadershipRecord) => r.leadership.secretaryId),
    secretaryChanged: field.int((r: LeadershipRecord) => secretaryChanged(r))
  },
  organizationField: "organizationId",
  indexes: [["organizationId", "effectiveOn"], ["effectiveOn"]]
})

const hash = (s: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(36)
}

/** The id of the history record of an organization's change to `version`: `<organization id>:v<version>`, shortened to 64 characters when needed. */
export const leadershipRecordId = (organizationId: string, version: number): string => {
  const suffix = `:v${version}`
  if (organizationId.length + suffix.length <= 64) return `${organizationId}${suffix}`
  const tail = `~${hash(organizationId)}${suffix}`
  return `${organizationId.slice(0, 64 - tail.length)}${tail}`
}

/** The history record for an organization saved with a new leadership (`saved` is the stored organization). */
export const leadershipRecordOf = (
  before: Organization,
  saved: Pick<Organization, "leadership" | "version">,
  effectiveOn: CivilDate,
  basis: LeadershipBasis
): Omit<LeadershipRecord, "version"> => ({
  tenantId: before.tenantId,
  id: leadershipRecordId(before.id, saved.version),
  organizationId: before.id,
  effectiveOn,
  basis,
  leadership: saved.leadership,
  previousSecretaryId: before.leadership.secretaryId,
  organizationVersion: saved.version
})

const byTime = (a: LeadershipRecord, b: LeadershipRecord): number =>
  a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.organizationVersion - b.organizationVersion

/**
 * 某日的班子 — the leadership of an organization on `on` from its history: the last change in force
 * that day (the later of two changes on one day). Undefined before the first recorded change.
 */
export const leadershipOn = (records: ReadonlyArray<LeadershipRecord>, organizationId: string, on: CivilDate): LeadershipRecord | undefined =>
  records
    .filter((r) => r.organizationId === organizationId && r.effectiveOn <= on)
    .sort(byTime)
    .at(-1)

/** 书记 on a date: the secretary's person id, null when the post was vacant, undefined before the history begins. */
export const secretaryOn = (records: ReadonlyArray<LeadershipRecord>, organizationId: string, on: CivilDate): string | null | undefined =>
  leadershipOn(records, organizationId, on)?.leadership.secretaryId

/** 年度书记更换 — how many changes of secretary the records show in the calendar year `year` (the model of the aggregate). */
export const secretaryChangesIn = (records: ReadonlyArray<LeadershipRecord>, year: number): number =>
  records.filter((r) => r.effectiveOn.startsWith(`${year}-`)).reduce((n, r) => n + secretaryChanged(r), 0)
