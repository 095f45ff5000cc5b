import { type CommandContext, type Member, memberService } from "@zhibu/core"
import { memberStageNames, memberStatusNames, partyStandingStart, probationOf, stepNames } from "@zhibu/core/rules"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { categoryNames, genderNames } from "../import/roster-template.js"
import { type Cell, defineLedger, type ExportError, type LedgerRequest } from "./ledger.js"
import { exportScope } from "./scope.js"
import type { Store } from "@zhibu/core/store"

const PAGE = 500

/**
 * The member files of the subtree through `memberService.list`, a page at a time per branch: the
 * service authorizes each branch, masks the personal fields unless `full` is asked for (and then
 * records each disclosure in the file's audit log).
 */
const memberFiles = (ctx: CommandContext, request: LedgerRequest): Effect.Effect<Stream.Stream<Member, ExportError, Store>, ExportError, Store> =>
    Effect.map(exportScope(ctx, request, "organization.read"), (scope) => {
      const inScope = new Set(scope.ids)
      // Members of a 党小组 are filed under its branch: listing the branches lists everyone once.
      const filing = scope.organizations.filter((o) => inScope.has(o.id) && o.kind !== "partyGroup")
      return Stream.flatMap(Stream.fromIterable(filing), (organization) =>
        Stream.paginateChunkEffect(Option.none<string>(), (after) =>
          memberService
            .list(ctx, {
              organizationId: organization.id,
              limit: PAGE,
              personalData: request.personalData ?? "masked",
              ...(Option.isSome(after) ? { afterId: after.value } : {})
            })
            .pipe(
              Effect.map((page) => [Chunk.fromIterable(page), page.length < PAGE ? Option.none() : Option.some(Option.some(page[page.length - 1]!.id as string))] as const)
            )
        )
      ) as Stream.Stream<Member, ExportError, Store>
    })

const stepDate = (m: Member, step: Member["steps"][number]["step"]): string | null => m.steps.find((s) => s.step === step)?.date ?? null

const applicationStep = (m: Member) => (m.stage === "applicant" ? m.steps.find((s) => s.step === "application") : undefined)

const lines = (items: ReadonlyArray<string> | undefined): Cell => (items === undefined || items.length === 0 ? null : items.join("\n"))

/** The row of the roster for one file, with the profile that dates its probation. */
interface RosterRow {
  readonly member: Member
  readonly joinedOn: string | null
  readonly convertedOn: string | null
}

/**
 * 党员名册 — every file of the subtree in the import template's columns (so the file imports back):
 * identity, 发展阶段 and 状态, the application date of an applicant, 入党时间 and 转正时间 of a
 * member (recorded when entered, or from the recruitment file). ID number and phone masked by default.
 */
export const rosterLedger = defineLedger<RosterRow>({
  id: "roster",
  title: { zh: "党员名册", en: "roster" },
  rows: (ctx, request) =>
    Effect.map(memberFiles(ctx, request), Stream.map((member) => {
      const probation = member.joinedOn === null ? probationOf(member, ctx.profile) : undefined
      return {
        member,
        joinedOn: member.joinedOn ?? probation?.start ?? null,
        convertedOn: member.convertedOn ?? (member.joinedOn === null && member.stage === "full" ? (partyStandingStart(member, ctx.profile) ?? null) : null)
      }
    })),
  columns: [
    { header: { zh: "人员编号", en: "Person ID" }, value: (r) => r.member.id, text: true },
    { header: { zh: "姓名", en: "Name" }, value: (r) => r.member.name },
    { header: { zh: "性别", en: "Gender" }, value: (r) => genderNames[r.member.gender].zh },
    { header: { zh: "出生日期", en: "Birth date" }, value: (r) => r.member.birthDate },
    { header: { zh: "所在党组织编号", en: "Organization ID" }, value: (r) => r.member.organizationId, text: true },
    { header: { zh: "党小组编号", en: "Party group ID" }, value: (r) => r.member.partyGroupId, text: true },
    { header: { zh: "人员类别", en: "Category" }, value: (r) => categoryNames[r.member.category].zh },
    { header: { zh: "身份证号", en: "ID number" }, value: (r) => r.member.idNumber ?? null, text: true },
    { header: { zh: "联系电话", en: "Phone" }, value: (r) => r.member.phone ?? null, text: true },
    { header: { zh: "入党申请日期", en: "Application date" }, value: (r) => applicationStep(r.member)?.date ?? null },
    { header: { zh: "入党时间", en: "Joined on" }, value: (r) => (r.member.stage === "probationary" || r.member.stage === "full" ? r.joinedOn : null) },
    { header: { zh: "转正时间", en: "Converted on" }, value: (r) => (r.member.stage === "full" ? r.convertedOn : null) },
    { header: { zh: "最近联系日期", en: "Last contact on" }, value: (r) => r.member.lastContactOn },
    { header: { zh: "申请材料", en: "Materials" }, value: (r) => lines(applicationStep(r.member)?.materials) },
    { header: { zh: "备注", en: "Note" }, value: (r) => applicationStep(r.member)?.note ?? null },
    { header: { zh: "发展阶段", en: "Stage" }, value: (r) => memberStageNames[r.member.stage].zh },
    { header: { zh: "状态", en: "Status" }, value: (r) => memberStatusNames[r.member.status].zh }
  ]
})

/**
 * 发展党员台账 — every file with a recruitment record (入党申请人 to 正式党员 developed through the
 * 25 steps): the dates of the main steps and the latest one.
 */
export const recruitmentLedger = defineLedger<Member>({
  id: "recruitment",
  title: { zh: "发展党员", en: "recruitment" },
  rows: (ctx, request) => Effect.map(memberFiles(ctx, request), Stream.filter((m) => m.steps.length > 0)),
  columns: [
    { header: { zh: "人员编号", en: "Person ID" }, value: (m) => m.id, text: true },
    { header: { zh: "姓名", en: "Name" }, value: (m) => m.name },
    { header: { zh: "性别", en: "Gender" }, value: (m) => genderNames[m.gender].zh },
    { header: { zh: "出生日期", en: "Birth date" }, value: (m) => m.birthDate },
    { header: { zh: "所在党组织编号", en: "Organization ID" }, value: (m) => m.organizationId, text: true },
    { header: { zh: "发展阶段", en: "Stage" }, value: (m) => memberStageNames[m.stage].zh },
    { header: { zh: "状态", en: "Status" }, value: (m) => memberStatusNames[m.status].zh },
    { header: { zh: "递交入党申请书", en: "Application" }, value: (m) => stepDate(m, "application") },
    { header: { zh: "确定入党积极分子", en: "Activist" }, value: (m) => stepDate(m, "activistDesignation") },
    { header: { zh: "确定发展对象", en: "Candidate" }, value: (m) => stepDate(m, "candidateDesignation") },
    { header: { zh: "支部大会讨论接收", en: "Admission meeting" }, value: (m) => stepDate(m, "admissionMeeting") },
    { header: { zh: "上级党委审批", en: "Admission approval" }, value: (m) => stepDate(m, "admissionApproval") },
    { header: { zh: "支部大会讨论转正", en: "Conversion meeting" }, value: (m) => stepDate(m, "conversionMeeting") },
    { header: { zh: "最近一步", en: "Latest step" }, value: (m) => (m.steps.length === 0 ? null : stepNames[m.steps[m.steps.length - 1]!.step].zh) },
    { header: { zh: "最近一步日期", en: "Latest step date" }, value: (m) => m.steps[m.steps.length - 1]?.date ?? null }
  ]
})
