import { coreRecordKinds } from "@zhibu/core/store"
import { widgetKind, widgetMigrationSet } from "@zhibu/store-testkit"
import type { MigrationSet } from "../../src/migrate.js"
import { createRecordTable } from "../../src/migrations/record-table.js"

/**
 * What every SQL test store serves: core's kinds and the testkit's made-up `widget`, a kind added
 * the way an application adds one — its descriptor, and one migration (`createRecordTable`) in a
 * migration set of its own. Nothing else in the adapter knows it.
 */
export const kinds = [...coreRecordKinds, widgetKind]

export const migrationSets: ReadonlyArray<MigrationSet> = [widgetMigrationSet(createRecordTable)]
