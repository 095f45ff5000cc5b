import { type CommandContext, makeCommandContext, memberService, meetingService, weekdayCalendar } from "@zhibu/core"
import { createWrite, organizationKind, Store, type StoreShape } from "@zhibu/core/store"
import { MemoryStore } from "@zhibu/store-memory"
import { SqlStore } from "@zhibu/store-sql"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"

export const tenantId = "t1"
/** 2026-06-01 10:00 in China. */
export const now = new Date("2026-06-01T02:00:00Z")

const organization = (o: Record<string, unknown>) =>
  Schema.decodeSync(organizationKind.schema)({
    tenantId,
    version: 1,
    units: ["实验小学"],
    basis: "school",
    canApproveAdmissions: false,
    foundedOn: "2015-09-01",
    leadership: { secretaryId: null, deputySecretaryIds: [], committeeMemberIds: [] },
    term: null,
    dissolvedOn: null,
    ...o
  })

/** A county committee c1 with the branch b1 (secretary p-001, committee p-001..p-003) and a party group g1. */
export const organizations = [
  organization({ id: "c1", kind: "committee", name: "县委教育工委", parentId: null, canApproveAdmissions: true, units: ["县教育局"], basis: "other" }),
  organization({
    id: "b1",
    kind: "branch",
    name: "实验小学党支部",
    parentId: "c1",
    leadership: { secretaryId: "p-001", deputySecretaryIds: [], committeeMemberIds: ["p-001", "p-002", "p-003"] },
    term: { electedOn: "2024-09-10", years: 3 }
  }),
  organization({ id: "g1", kind: "partyGroup", name: "语文组党小组", parentId: "b1", leadership: { secretaryId: "p-002", deputySecretaryIds: [], committeeMemberIds: [] } })
]

/** Writes the organizations (as a fixture: the services would need a history of elections). */
export const seedOrganizations = Effect.flatMap(Store, (store) =>
  store.write(tenantId, organizations.map((o) => createWrite(organizationKind, o as never)), { actorId: "setup", at: now, action: "organization.create" })
)

/** The county organizer: may do everything in c1's subtree. */
export const ctxAs = (personId = "org-1", roles = [{ role: "higherOrganizer", organizationId: "c1" }], at = now): CommandContext =>
  Either.getOrThrow(makeCommandContext({ tenantId, actor: { personId, roles }, now: at, workdays: weekdayCalendar }))

export const ctx = ctxAs()

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** A valid fictitious ID number for a birth date (address 110105): GB 11643's MOD 11-2 check character. */
export const idFor = (birthDate: string, sequence = "123"): string => {
  const first17 = `110105${birthDate.replaceAll("-", "")}${sequence}`
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0)
  return `${first17}${"10X98765432"[sum % 11]}`
}

/** Five full members p-001..p-005 and an applicant p-006, entered through the member service. */
export const seedMembers = Effect.gen(function* () {
  for (const [i, name] of ["王晓红", "李建国", "张伟", "刘芳", "陈静"].entries()) {
    const id = `p-00${i + 1}`
    const birthDate = `198${i}-0${i + 1}-1${i}`
    yield* memberService.enterExistingMember(ctx, {
      id,
      organizationId: "b1",
      partyGroupId: i === 1 ? "g1" : null,
      name,
      gender: i % 2 === 0 ? "female" : "male",
      birthDate,
      category: "teacher",
      idNumber: idFor(birthDate),
      phone: `1381234567${i}`,
      joinedOn: `201${i}-07-01`,
      convertedOn: `201${i + 1}-07-01`
    })
  }
  yield* memberService.registerApplicant(ctx, {
    id: "p-006",
    organizationId: "b1",
    name: "赵敏",
    gender: "female",
    birthDate: "1998-05-20",
    category: "teacher",
    applicationDate: "2026-03-01",
    materials: ["入党申请书"]
  })
})

const members = ["p-001", "p-002", "p-003", "p-004", "p-005"]

/** Two meetings of b1: a 主题党日 (one member on leave) and a 支部党员大会 with a resolution. */
export const seedMeetings = Effect.gen(function* () {
  yield* meetingService.recordMeeting(ctx, {
    id: "b1-2026-05-theme",
    organizationId: "b1",
    kinds: ["themeDay"],
    date: "2026-05-08",
    startTime: "16:00",
    endTime: "17:30",
    place: "党员活动室",
    chairId: "p-001",
    topic: "=HYPERLINK(\"http://evil\")学习党章",
    agenda: ["学习党章", "-讨论"],
    attendance: members.map((memberId, i) => (i === 4 ? { memberId, status: "leave", leaveReason: "外出培训" } : { memberId, status: "present" }))
  })
  yield* meetingService.recordMeeting(ctx, {
    id: "b1-2026-04-assembly",
    organizationId: "b1",
    kinds: ["generalAssembly"],
    date: "2026-04-10",
    chairId: "p-001",
    topic: "支部党员大会",
    attendance: members.map((memberId) => ({ memberId, status: "present" })),
    resolutions: [{ title: "通过年度工作计划", votes: { yes: 5, no: 0, abstain: 0 }, passed: true }]
  })
})

/** The two stores every round trip runs on. */
export const stores: ReadonlyArray<readonly [string, () => Layer.Layer<Store, unknown>]> = [
  ["memory", () => MemoryStore.layer()],
  ["sqlite", () => SqlStore.layerFromUrl("sqlite::memory:", { migrate: "onStart" })]
]

/** Runs a program against a fresh store of the kind. */
export const run = <A, E>(layer: () => Layer.Layer<Store, unknown>, program: Effect.Effect<A, E, Store>): Promise<A> =>
  Effect.runPromise(Effect.provide(program, layer()) as Effect.Effect<A, unknown>)

/** A byte stream collected into one array. */
export const collect = <E, R>(bytes: Stream.Stream<Uint8Array, E, R>): Effect.Effect<Uint8Array, E, R> =>
  Effect.map(Stream.runCollect(bytes), (chunks) => new Uint8Array(Buffer.concat([...chunks])))

/** The store itself, for tests that read records directly. */
export const theStore: Effect.Effect<StoreShape, never, Store> = Store
