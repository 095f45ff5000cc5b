import { type CommandContext, type CommandContextInput, makeCommandContext, type RuleProfile, type WorkdayCalendar } from "@zhibu/core"
import { memberKind, organizationKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"

/** The demo tenant: one county 教育工委 and one school branch. */
export const DEMO_TENANT = "demo-school"

/** The school a portal shows: the tenant, the higher committee (教育工委) and the branch. */
export interface PortalSchool {
  readonly tenantId: string
  /** The county 教育工委 (the higher committee). */
  readonly countyId: string
  readonly countyName: string
  readonly branchId: string
  readonly branchName: string
}

/** Who is who in the demo school, read from the store (the generator chose the names and leaders). */
export interface DemoSchool extends PortalSchool {
  readonly secretaryId: string
  /** A full member without an office: the "member" role of the switcher. */
  readonly memberId: string
}

/** The acting roles of the demo's switcher. A host application establishes these from its own login. */
export type RoleKey = "secretary" | "organizer" | "member" | "county"

export const roleKeys: ReadonlyArray<RoleKey> = ["secretary", "organizer", "member", "county"]

export interface ActingUser {
  readonly key: RoleKey
  /** 支部书记 … shown in the switcher. */
  readonly label: string
  /** Who it is and what the role may do. */
  readonly description: string
  readonly actor: CommandContextInput["actor"]
}

/** Reads the demo school's organizations and people (fails with NotFound when not seeded). */
export const loadDemoSchool = (tenantId: string) =>
  Effect.gen(function* () {
    const store = yield* Store
    const organizations = yield* store.list(organizationKind, tenantId)
    const county = organizations.find((o) => o.parentId === null)
    const branch = organizations.find((o) => o.kind === "branch")
    if (county === undefined || branch === undefined || branch.leadership.secretaryId === null) return undefined
    const leaders = new Set([...branch.leadership.committeeMemberIds, ...branch.leadership.deputySecretaryIds, branch.leadership.secretaryId])
    const members = yield* store.list(memberKind, tenantId, { organizationId: branch.id })
    const plain = members.filter((m) => m.stage === "full" && m.status === "active" && !leaders.has(m.id)).sort((a, b) => (a.id < b.id ? -1 : 1))
    const member = plain[5] ?? plain[0]
    if (member === undefined) return undefined
    const school: DemoSchool = {
      tenantId,
      countyId: county.id,
      countyName: county.name,
      branchId: branch.id,
      branchName: branch.name,
      secretaryId: branch.leadership.secretaryId,
      memberId: member.id
    }
    return school
  })

/** The roles the switcher offers, with the grants each holds. */
export const demoActors = (school: DemoSchool): Readonly<Record<RoleKey, ActingUser>> => ({
  secretary: {
    key: "secretary",
    label: "支部书记",
    description: "管理本支部：记录会议、发展党员的支部步骤、党费与学时",
    actor: { personId: school.secretaryId, roles: [{ role: "branchSecretary", organizationId: school.branchId }] }
  },
  organizer: {
    key: "organizer",
    label: "上级组织员",
    description: "县教育工委组织员：记录上级党委的备案、预审与审批",
    actor: { personId: "county-organizer", roles: [{ role: "higherOrganizer", organizationId: school.countyId }] }
  },
  member: {
    key: "member",
    label: "普通党员",
    description: "只能查看本人的档案、党费与学时",
    actor: { personId: school.memberId, roles: [{ role: "member", organizationId: school.branchId }] }
  },
  county: {
    key: "county",
    label: "县教育工委（查看）",
    description: "只看汇总数字，不看个人信息",
    actor: { personId: "county-viewer", roles: [{ role: "countyViewer", organizationId: school.countyId }] }
  }
})

/** Noon in China on `day`: the instant the demo's set-up commands run at. */
export const noonInChina = (day: string): Date => new Date(`${day}T12:00:00+08:00`)

/** The command context of `actor` at `now` (a bad actor or tenant throws: the demo builds them itself). */
export const contextOf = (tenantId: string, actor: CommandContextInput["actor"], now: Date, profile: RuleProfile, workdays: WorkdayCalendar): CommandContext =>
  Either.getOrThrow(makeCommandContext({ tenantId, actor, now, profile, workdays }))
