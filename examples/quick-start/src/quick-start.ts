import { chinaWorkdays } from "@zhibu/calendar-cn"
import { type Finding, makeCommandContext, memberService, organizationService } from "@zhibu/core"
import { SqlStore } from "@zhibu/store-sql"
import { Effect } from "effect"

/** The guide's quick start (docs/guide.md §3), kept as code so a test runs it. */
export const quickStart = (databaseUrl: string, now: Date): Promise<ReadonlyArray<Finding>> => {
  // 1. Storage: a SQLite file (the embedded default), migrated when the layer starts.
  const store = SqlStore.layerFromUrl(databaseUrl, { migrate: "onStart" })

  // 2. The context: tenant, the acting person (your app establishes their roles), now, calendar;
  //    the rule profile defaults to the national baseline.
  const context = makeCommandContext({
    tenantId: "county-1",
    actor: { personId: "organizer-1", roles: [{ role: "higherOrganizer", organizationId: "committee-1" }] },
    now,
    workdays: chinaWorkdays
  })

  // 3. The services: set up the organizations, register an applicant, read the branch's findings.
  const program = Effect.gen(function* () {
    const ctx = yield* context
    yield* organizationService.create(ctx, {
      id: "committee-1", kind: "committee", name: "县委教育工委", parentId: null, units: ["县教育局"],
      basis: "other", canApproveAdmissions: true, foundedOn: "2019-06-01"
    })
    yield* organizationService.create(ctx, {
      id: "branch-1", kind: "branch", name: "实验小学党支部", parentId: "committee-1", units: ["实验小学"],
      basis: "school", foundedOn: "2020-09-01"
    })
    yield* memberService.registerApplicant(ctx, {
      id: "p-001", organizationId: "branch-1", name: "王老师", gender: "female",
      birthDate: "1996-03-02", category: "teacher", applicationDate: "2026-11-20"
    })
    return yield* organizationService.findings(ctx, { organizationId: "branch-1" })
  })

  return Effect.runPromise(program.pipe(Effect.provide(store)))
}
