/**
 * 规模 — how big a generated world is. Every figure is exact: the generator apportions it over
 * the branches, so a test can check a report against it.
 */
export interface Scale {
  readonly name: string
  /**
   * The appointed committees (教育工委) above the branches, top first. The top level has one body;
   * each lower level has `count` bodies in all, spread over the level above.
   */
  readonly levels: ReadonlyArray<{ readonly level: "province" | "city" | "county"; readonly count: number }>
  readonly branches: number
  /** 党员 — full and probationary members at the end of the year (applicants to candidates are extra). */
  readonly partyMembers: number
  /** Party members per branch: at least 6 (a branch needs 3 full), at most 50 (the branch size rule). */
  readonly branchSize: { readonly min: number; readonly max: number }
  /** 发展党员 — admitted (branch meeting and approval) during the year: the probationary members. */
  readonly newlyDeveloped: number
  /** 转正 — probationary members of last year who converted during the year (full, with a file). */
  readonly conversions: number
  /** 换届选举 — branches that held their election during the year. */
  readonly elections: number
  /** 书记调整 — branches whose secretary changed during the year. */
  readonly secretaryChanges: number
  /** Files in recruitment at the end of the year, by stage. */
  readonly pipeline: { readonly applicants: number; readonly activists: number; readonly candidates: number }
  /** Branches with at least this many party members have party groups on their teams. */
  readonly groupsFrom: number
}

/** 学校 — one school branch of 50 members and 10 files in recruitment, in party groups on its grade and subject teams. */
export const schoolScale: Scale = {
  name: "school",
  levels: [{ level: "county", count: 1 }],
  branches: 1,
  partyMembers: 50,
  branchSize: { min: 50, max: 50 },
  newlyDeveloped: 2,
  conversions: 2,
  elections: 1,
  secretaryChanges: 1,
  pipeline: { applicants: 4, activists: 3, candidates: 3 },
  groupsFrom: 20
}

/**
 * 县 — a county 教育工委 with 66 school branches and 1,510 members, 22 newly developed, 12
 * elections and 8 secretaries changed in the year: the figures of the research county (seed 003).
 */
export const countyScale: Scale = {
  name: "county",
  levels: [{ level: "county", count: 1 }],
  branches: 66,
  partyMembers: 1_510,
  branchSize: { min: 6, max: 50 },
  newlyDeveloped: 22,
  conversions: 20,
  elections: 12,
  secretaryChanges: 8,
  pipeline: { applicants: 70, activists: 45, candidates: 25 },
  groupsFrom: 20
}

/**
 * 省 — a province: 10 cities, 100 counties, 10,000 branches and 250,000 members, with the county's
 * rates of development, elections and secretary changes.
 */
export const provinceScale: Scale = {
  name: "province",
  levels: [
    { level: "province", count: 1 },
    { level: "city", count: 10 },
    { level: "county", count: 100 }
  ],
  branches: 10_000,
  partyMembers: 250_000,
  branchSize: { min: 6, max: 50 },
  newlyDeveloped: 3_640,
  conversions: 3_310,
  elections: 1_820,
  secretaryChanges: 1_210,
  pipeline: { applicants: 11_600, activists: 7_450, candidates: 4_140 },
  groupsFrom: 20
}

/** The named scales. */
export const scales = { school: schoolScale, county: countyScale, province: provinceScale } as const
/** The name of a predefined scale: `school`, `county` or `province`. */
export type ScaleName = keyof typeof scales

/**
 * The same shape `divisor` times smaller (counts rounded, at least one body per level and one
 * branch): for tests of the province's code path without generating the province.
 */
export const scaleDown = (scale: Scale, divisor: number): Scale => {
  const div = (n: number, least = 0) => Math.max(least, Math.round(n / divisor))
  const branches = div(scale.branches, 1)
  return {
    ...scale,
    name: `${scale.name}/${divisor}`,
    levels: scale.levels.map((l, i) => ({ level: l.level, count: i === 0 ? 1 : Math.min(branches, div(l.count, 1)) })),
    branches,
    partyMembers: Math.min(branches * scale.branchSize.max, Math.max(branches * scale.branchSize.min, div(scale.partyMembers))),
    newlyDeveloped: div(scale.newlyDeveloped),
    conversions: div(scale.conversions),
    elections: Math.min(branches, div(scale.elections)),
    secretaryChanges: Math.min(branches, div(scale.secretaryChanges)),
    pipeline: { applicants: div(scale.pipeline.applicants), activists: div(scale.pipeline.activists), candidates: div(scale.pipeline.candidates) }
  }
}
