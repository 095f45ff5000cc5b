/** The scales a benchmark runs at (no vitest here, so plain scripts such as `bench:memory` can use it). */

export type BenchScale = "school" | "county" | "province"

/**
 * The scales to run: school and county by default; `ZHIBU_BENCH_SCALE=province` adds the province
 * (minutes), `ZHIBU_BENCH_SCALE=school,county,province` or any one name picks exactly those.
 */
export const benchScales = (): ReadonlyArray<BenchScale> => {
  const asked = process.env.ZHIBU_BENCH_SCALE
  if (asked === undefined || asked === "") return ["school", "county"]
  if (asked === "province") return ["school", "county", "province"]
  return asked.split(",").map((s) => s.trim()) as ReadonlyArray<BenchScale>
}

/** Runs of a heavy measure at a scale: fewer for the province. */
export const runsAt = (scale: BenchScale, small = 7): number => (scale === "province" ? 3 : small)

