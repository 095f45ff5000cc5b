import { addMonths, type AttendanceInput, type CivilDate, type Member, meetingService, memberService, organizationService, type RecordMeetingInput, studyService } from "@zhibu/core"
import { filingBranchId, type PlanItem, rosterOn } from "@zhibu/core/rules"
import * as Effect from "effect/Effect"
import type { SeedContext } from "./context.js"
import { pick, rng } from "./rng.js"

/**
 * A year of organizational life, recorded through `meetingService` as the secretary would: every
 * meeting of the branch's own year plan from twelve months ago up to today, each with its attendance
 * (most present, some on leave with a reason, a few absent), a resolution at each 党员大会, and the
 * study hours credited from it. A few planned meetings are left out on purpose, so that the
 * dashboard has gaps to show.
 */

const leaveReasons = ["外出参加教研活动", "带学生参加竞赛", "病假", "家中有事", "参加区级培训"] as const

const topics: Readonly<Record<string, ReadonlyArray<string>>> = {
  generalAssembly: ["学习贯彻全会精神", "讨论年度发展党员计划", "通报支部工作并听取意见", "审议党费收缴使用情况"],
  committee: ["研究本月支部工作安排", "研究入党积极分子培养考察", "研究主题党日活动方案", "研究党员教育培训计划"],
  partyGroup: ["学习《中国共产党章程》", "交流教书育人体会", "学习师德师风规范", "讨论教研组党员示范岗"],
  lecture: ["新时代教师的初心使命", "党的创新理论与课堂育人", "学习党史 坚定信念", "党员教师的责任与担当"],
  themeDay: ["重温入党誓词", "走进红色教育基地", "党员志愿服务进社区", "党员示范课展示"],
  orgLifeMeeting: ["年度组织生活会"],
  democraticEvaluation: ["民主评议党员"],
  talks: ["谈心谈话"],
  talksAmongCommittee: ["支委之间谈心谈话"],
  talksCommitteeWithMembers: ["支委与党员谈心谈话"],
  talksAmongMembers: ["党员之间谈心谈话"]
}

const resolutionTitles = ["通过本季度支部工作计划", "通过党员志愿服务安排", "通过发展党员工作计划", "通过党费使用公示"]

/** Planned meetings left out on purpose: a recent 党小组会 and one 主题党日 (their periods are over). */
const leftOut = (items: ReadonlyArray<PlanItem>, today: CivilDate): ReadonlySet<string> => {
  const over = items.filter((i) => i.period !== undefined && i.period.end < today)
  const out = new Set<string>()
  const group = over.filter((i) => i.meetingKind === "partyGroup").at(-2)
  if (group !== undefined) out.add(group.id)
  const theme = over.filter((i) => i.meetingKind === "themeDay").at(-3)
  if (theme !== undefined) out.add(theme.id)
  return out
}

/** A meeting id from a plan item id: `m-<org>-<kind>-<date>`, within the 56 characters ids may have. */
const meetingIdOf = (item: PlanItem): string => `m-${item.organizationId}-${item.meetingKind}-${item.date}`.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 56)

export interface MeetingsSeeded {
  readonly recorded: number
  readonly leftOut: number
  readonly refused: ReadonlyArray<string>
  readonly credited: number
}

export const seedMeetings = (seed: SeedContext) =>
  Effect.gen(function* () {
    const { school, today } = seed
    const secretaryNow = seed.contextAt("secretary", today)
    const from = addMonths(today, -12)
    const years = [...new Set([Number(from.slice(0, 4)), Number(today.slice(0, 4))])]
    const items: Array<PlanItem> = []
    for (const year of years) {
      const plan = yield* meetingService.yearPlan(secretaryNow, { organizationId: school.branchId, year })
      items.push(...plan.items.filter((i) => i.type === "meeting" && i.date > from && i.date <= today))
    }
    const skip = leftOut(items, today)
    const branch = yield* organizationService.get(secretaryNow, { organizationId: school.branchId })
    const secretary = yield* memberService.get(secretaryNow, { memberId: school.secretaryId })
    const members: ReadonlyArray<Member> = yield* memberService.list(secretaryNow, { organizationId: school.branchId, limit: 1000 })
    const organizations = new Map([[branch.id as string, branch]])
    for (const g of yield* organizationService.children(secretaryNow, { organizationId: school.branchId })) organizations.set(g.id, g)
    const refused: Array<string> = []
    let recorded = 0
    let credited = 0
    for (const item of items) {
      if (skip.has(item.id)) continue
      const kind = item.meetingKind!
      const organization = organizations.get(item.organizationId)
      if (organization === undefined || filingBranchId(organization) !== branch.id) continue
      const next = rng(seed.seed, item.id)
      const roster = rosterOn(members, organization, item.date, seed.profile)
      const due = kind === "committee" ? roster.filter((e) => branch.leadership.committeeMemberIds.includes(e.member.id)) : roster
      const attendance: Array<AttendanceInput> = due.map((e) => {
        const r = next()
        // The chair and the committee are there; the others mostly are.
        if (e.member.id === school.secretaryId || kind === "committee" || r < 0.86) return { memberId: e.member.id, status: "present" }
        if (r < 0.96) return { memberId: e.member.id, status: "leave", leaveReason: pick(next, leaveReasons) }
        return { memberId: e.member.id, status: "absent" }
      })
      const presentVoting = due.filter((e, i) => e.voting && attendance[i]!.status === "present").length
      const input: RecordMeetingInput = {
        id: meetingIdOf(item),
        organizationId: item.organizationId,
        kinds: [kind],
        date: item.date,
        ...(item.startTime === undefined ? {} : { startTime: item.startTime }),
        ...(item.endTime === undefined ? {} : { endTime: item.endTime }),
        place: kind === "themeDay" ? "学校党员活动室" : "学校会议室",
        chairId: organization.kind === "partyGroup" ? null : school.secretaryId,
        topic: pick(next, topics[kind] ?? ["支部活动"]),
        attendance,
        ...(kind === "lecture" ? { lecturer: { personId: school.secretaryId, name: secretary.name } } : {}),
        ...(kind === "generalAssembly"
          ? { resolutions: [{ title: pick(next, resolutionTitles), votes: { yes: presentVoting, no: 0, abstain: 0 }, passed: true }] }
          : {})
      }
      const ctx = seed.contextAt("secretary", item.date)
      const result = yield* meetingService.recordMeeting(ctx, input).pipe(Effect.either)
      if (result._tag === "Left") {
        refused.push(`${item.id}: ${result.left.message}`)
        continue
      }
      recorded++
      const study = yield* studyService.creditMeeting(ctx, { meetingId: input.id }).pipe(Effect.either)
      if (study._tag === "Right") credited += study.right.credited.length
      else refused.push(`study ${input.id}: ${study.left.message}`)
    }
    return { recorded, leftOut: skip.size, refused, credited } satisfies MeetingsSeeded
  })
