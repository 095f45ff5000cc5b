import * as Option from "effect/Option"
import { addMonths, type CivilDate } from "../calendar/civil-date.js"
import { calendarPeriod, type Period } from "../calendar/period.js"
import type { SchoolCalendar } from "../calendar/school-calendar.js"
import { semesterOf } from "../calendar/school-calendar.js"
import type { MeetingKind } from "./kind.js"
import type { Meeting } from "./meeting.js"
import { countsAsTalkPair, talkPairs } from "./talks.js"

/** The kinds a meeting's `int` fields count: the national kinds and the secretary's lectures. */
export type CountedKey = MeetingKind | "secretaryLecture"

/**
 * The `int` fields of the meeting kind that count kinds, in field order: what compliance sums. The
 * three 谈心谈话 pair types also count a plain `talks` record (see `countsAsTalkPair`).
 */
export const countedKeys: ReadonlyArray<CountedKey> = [
  "generalAssembly",
  "committee",
  "partyGroup",
  "lecture",
  "themeDay",
  "orgLifeMeeting",
  "democraticEvaluation",
  "talks",
  "talksAmongCommittee",
  "talksCommitteeWithMembers",
  "talksAmongMembers",
  "partyOrganizationMeeting",
  "principalOfficeMeeting",
  "secretaryLecture"
]

/**
 * One bucket of held meetings, as one aggregate row gives it: an organization, a bucket (`2026-02`
 * for a month, `2026-W05` for an ISO week, `term:<id>` for a school term), the meeting's local kinds
 * key (or null), how many meetings, and the count per national kind.
 */
export interface HeldRow {
  readonly organizationId: string
  readonly bucket: string
  readonly localKinds: string | null
  readonly meetings: number
  readonly counts: Readonly<Partial<Record<CountedKey, number>>>
}

/** The bucket key of a school term. */
export const termBucket = (termId: string): string => `term:${termId}`

/**
 * 已召开次数 — how many meetings of each kind an organization held, by month, ISO week and school
 * term, from grouped rows: the compliance check asks it for any period of any cadence without
 * reading a single meeting.
 */
export class HeldIndex {
  /** Organization → bucket → its counts (an organization's buckets found once per count). */
  private readonly byOrganization = new Map<string, Map<string, BucketCounts>>()

  /** Adds one row; rows of the same bucket add up. */
  add(row: HeldRow): this {
    let buckets = this.byOrganization.get(row.organizationId)
    if (buckets === undefined) {
      buckets = new Map()
      this.byOrganization.set(row.organizationId, buckets)
    }
    let counts = buckets.get(row.bucket)
    if (counts === undefined) {
      counts = { counted: new Array<number>(countedKeys.length).fill(0), local: undefined }
      buckets.set(row.bucket, counts)
    }
    for (let i = 0; i < countedKeys.length; i++) {
      const n = row.counts[countedKeys[i]!] ?? 0
      if (n > 0) counts.counted[i] = counts.counted[i]! + n
    }
    if (row.localKinds !== null) {
      for (const k of row.localKinds.split(".")) {
        const i = countedIndex.get(k)
        if (i !== undefined) counts.counted[i] = counts.counted[i]! + row.meetings
        else {
          counts.local ??= new Map()
          counts.local.set(k, (counts.local.get(k) ?? 0) + row.meetings)
        }
      }
    }
    return this
  }

  /**
   * Meetings of `kind` (a national kind, `secretaryLecture`, or a local kind id) the organization held
   * in `period`: its ISO week, its school term, or the sum of the months it spans.
   */
  count(organizationId: string, kind: string, period: Period): number {
    const buckets = this.byOrganization.get(organizationId)
    if (buckets === undefined) return 0
    const i = countedIndex.get(kind)
    const of = (counts: BucketCounts | undefined): number =>
      counts === undefined ? 0 : i !== undefined ? counts.counted[i]! : (counts.local?.get(kind) ?? 0)
    if (period.cadence === "weekly") return of(buckets.get(period.label))
    if (period.cadence === "semester") return of(buckets.get(termBucket(period.label)))
    let n = 0
    for (const month of monthBucketsOf(period)) n += of(buckets.get(month))
    return n
  }
}

/** One bucket's meetings: per counted key (in {@link countedKeys}' order), and per local kind id. */
interface BucketCounts {
  readonly counted: Array<number>
  local: Map<string, number> | undefined
}

const countedIndex: ReadonlyMap<string, number> = new Map(countedKeys.map((k, i) => [k, i]))

/** The month buckets (`YYYY-MM`) a period spans, worked out once per period object (compliance asks about the same periods for every organization). */
const monthBuckets = new WeakMap<Period, ReadonlyArray<string>>()
const monthBucketsOf = (period: Period): ReadonlyArray<string> => {
  let months = monthBuckets.get(period)
  if (months === undefined) {
    const list: Array<string> = []
    for (let d: CivilDate = period.start; d <= period.end; d = addMonths(d, 1)) list.push(d.slice(0, 7))
    months = list
    monthBuckets.set(period, months)
  }
  return months
}

const rowOf = (m: Meeting, bucket: string): HeldRow => {
  const local = m.kinds.filter((k) => !(countedKeys as ReadonlyArray<string>).includes(k))
  const counts: Partial<Record<CountedKey, number>> = {}
  for (const k of m.kinds) if ((countedKeys as ReadonlyArray<string>).includes(k)) counts[k as CountedKey] = 1
  if (m.kinds.includes("lecture") && m.lecturer?.isSecretary === true) counts.secretaryLecture = 1
  for (const pair of talkPairs) if (countsAsTalkPair(m.kinds, pair)) counts[pair] = 1
  return { organizationId: m.organizationId, bucket, localKinds: local.length === 0 ? null : local.sort().join("."), meetings: 1, counts }
}

/**
 * The index built from meeting records directly: the model the aggregate path is tested against, and
 * what a caller with meetings in memory uses.
 */
export const heldFromMeetings = (meetings: Iterable<Meeting>, schoolCalendar?: SchoolCalendar): HeldIndex => {
  const index = new HeldIndex()
  for (const m of meetings) {
    index.add(rowOf(m, m.date.slice(0, 7)))
    index.add(rowOf(m, calendarPeriod("weekly", m.date).label))
    if (schoolCalendar !== undefined) {
      const term = semesterOf(schoolCalendar, m.date)
      if (Option.isSome(term)) index.add(rowOf(m, termBucket(term.value.label)))
    }
  }
  return index
}
