/**
 * Seeds the PostgreSQL tenant the reports bench keeps (`bench-reports-<scale>-v1`), as the bench
 * seeds it, without timing anything: `PG_URL=… bench/profile/run.sh bench/profile/seed-pg.ts province`.
 * Seeding is idempotent; a province takes minutes once.
 */
import { postgresBench } from "../support/databases.js"
import { seedYear } from "../support/seed.js"

const scale = (process.argv[2] ?? "province") as "school" | "county" | "province"
const pg = (await postgresBench())!
const full = scale !== "province"
const t = performance.now()
const seeded = await seedYear(pg.store, scale, `bench-reports-${scale}-v1`, { meetings: true, attendance: full, cycles: full })
await pg.pool.query("analyze")
console.log(`seeded ${JSON.stringify(seeded.counts)} in ${((performance.now() - t) / 1000).toFixed(0)} s`)
await pg.close()
