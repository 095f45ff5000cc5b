import { chinaWorkdays } from "@zhibu/calendar-cn"
import { createZhibu, type Finding, type Member, StepRejected } from "@zhibu/core"
import { SqlStore } from "@zhibu/store-sql"

/** What the Promise quick start returns: the findings, the registered file (masked) and a caught refusal. */
export interface PromiseQuickStart {
  readonly findings: ReadonlyArray<Finding>
  readonly applicant: Member
  readonly refusal: StepRejected | undefined
}

/** The guide's quick start without Effect (docs/guide.md §3), kept as code so a test runs it. */
export const quickStartPromise = async (databaseUrl: string, now: Date): Promise<PromiseQuickStart> => {
  // 1. One instance per application: the store (SQLite, migrated on start) and the context values
  //    every call shares. The store opens on the first call and closes on dispose().
  const zhibu = createZhibu({
    store: SqlStore.layerFromUrl(databaseUrl, { migrate: "onStart" }),
    context: { tenantId: "county-1", workdays: chinaWorkdays }
  })
  try {
    // 2. Per request: who is acting (your app establishes their roles), and when.
    const ctx = zhibu.context({
      actor: { personId: "organizer-1", roles: [{ role: "higherOrganizer", organizationId: "committee-1" }] },
      now
    })

    // 3. Every service is an async function with typed inputs and results.
    await zhibu.organization.create(ctx, {
      id: "committee-1", kind: "committee", name: "县委教育工委", parentId: null, units: ["县教育局"],
      basis: "other", canApproveAdmissions: true, foundedOn: "2019-06-01"
    })
    await zhibu.organization.create(ctx, {
      id: "branch-1", kind: "branch", name: "实验小学党支部", parentId: "committee-1", units: ["实验小学"],
      basis: "school", foundedOn: "2020-09-01"
    })
    const applicant = await zhibu.member.registerApplicant(ctx, {
      id: "p-001", organizationId: "branch-1", name: "王老师", gender: "female",
      birthDate: "1996-03-02", category: "teacher", applicationDate: "2026-11-20"
    })

    // 4. A refusal rejects with the typed error itself: instanceof, _tag and the rule id work.
    let refusal: StepRejected | undefined
    try {
      await zhibu.member.registerApplicant(ctx, {
        id: "p-002", organizationId: "branch-1", name: "李同学", gender: "male",
        birthDate: "2010-01-01", category: "student", applicationDate: "2026-11-20"
      })
    } catch (error) {
      if (!(error instanceof StepRejected)) throw error
      refusal = error // error._tag === "ZhibuStepRejected", error.ruleId === "member.application.minimumAge"
    }

    const findings = await zhibu.organization.findings(ctx, { organizationId: "branch-1" })
    return { findings, applicant, refusal }
  } finally {
    // 5. At shutdown: close the database.
    await zhibu.dispose()
  }
}
