import { type AnyRecordKind, defineRecordKind, field } from "@zhibu/core/store"
import * as Schema from "effect/Schema"

/**
 * A made-up record kind that only tests know, described the way an application describes a kind
 * of its own: its Schema, one descriptor and one migration, nothing else. Every backend serves it
 * in its tests, so the generic sections of the conformance suite and the model-based suite prove
 * that a new kind needs no other code. It has a field of every type: keys (one nullable), dates
 * (one nullable), two ints (summed by aggregates) and a text cut short in its projection.
 */

/** The shape of every id and key (`tenant/ids.ts` in core), kept local: an application brings its own Schemas. */
const Key = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/))

/** A civil date `YYYY-MM-DD`; the generator draws from a few awkward days and from four centuries. */
const Day = Schema.String.pipe(
  Schema.pattern(/^(19|20|21)\d\d-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/),
  Schema.annotations({
    arbitrary: () => (fc) =>
      fc.oneof(
        fc.constantFrom("1999-12-28", "2000-01-01", "2000-01-10", "2000-10-01", "2026-02-28"),
        fc
          .record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
          .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`)
      )
  })
)

/** Keys that differ only in case or punctuation, so that collation and pattern mistakes group them wrongly. */
const AWKWARD_KEYS = ["org-A", "org-a", "org-B", "Org-b", "org-a_b", "org-aXb", "org-a.b"] as const

const AwkwardKey = Key.annotations({
  arbitrary: () => (fc) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...AWKWARD_KEYS) }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/) })
})

/** Safe integers of both signs, often small and equal (so groups and sums collide), sometimes near ±2^40. */
const Amount = Schema.Int.pipe(
  Schema.between(-(2 ** 40), 2 ** 40),
  Schema.annotations({
    arbitrary: () => (fc) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(-1, 0, 1, 2, 9, 10, 100) },
        { weight: 1, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }) }
      )
  })
)

/** 测试用记录 — a widget: a made-up record of a made-up application, for tests only. */
export const Widget = Schema.Struct({
  tenantId: Key,
  id: Key,
  version: Schema.Int.pipe(Schema.positive()),
  organizationId: AwkwardKey,
  colour: Schema.Literal("red", "Red", "green", "green_1", "greenX1"),
  parentId: Schema.NullOr(AwkwardKey),
  madeOn: Day,
  retiredOn: Schema.NullOr(Day),
  quantity: Amount,
  grams: Schema.Int.pipe(Schema.between(0, 2 ** 40)),
  label: Schema.String.pipe(Schema.maxLength(200)),
  parts: Schema.Array(Schema.Struct({ name: Schema.String, count: Schema.Int }))
})
export type Widget = typeof Widget.Type

/** The descriptor of {@link Widget}: every field type, two indexes, filtered by organization. */
export const widgetKind = defineRecordKind({
  name: "widget",
  table: "zhibu_testkit_widget",
  schema: Widget,
  fields: {
    organizationId: field.key((w: Widget) => w.organizationId),
    colour: field.key((w: Widget) => w.colour),
    parentId: field.keyOrNull((w: Widget) => w.parentId),
    madeOn: field.date((w: Widget) => w.madeOn),
    retiredOn: field.dateOrNull((w: Widget) => w.retiredOn),
    quantity: field.int((w: Widget) => w.quantity),
    grams: field.int((w: Widget) => w.grams),
    label: field.text((w: Widget) => w.label, 40)
  },
  organizationField: "organizationId",
  indexes: [["organizationId"], ["colour", "madeOn"]]
})

/**
 * The widget's one migration, as an application writes it: `createRecordTable(widgetKind)` in a
 * migration set of its own (`testkit_widget`). `createRecordTable` is handed in by the SQL tests
 * (`widgetMigrationSet(createRecordTable)`), so the testkit does not depend on `@zhibu/store-sql`,
 * whose tests depend on the testkit.
 */
export const widgetMigrationSet = <D, M>(createRecordTable: (kind: AnyRecordKind) => (dialect: D) => M) => ({
  name: "testkit_widget",
  migrations: (dialect: D): Record<string, M> => ({ "0001-widget": createRecordTable(widgetKind)(dialect) })
})

/** A valid widget of `tenantId` (with no version); `overrides` replace fields as given. */
export const makeWidget = (tenantId: string, id: string, overrides: Partial<Omit<Widget, "version">> = {}): Omit<Widget, "version"> => ({
  tenantId,
  id,
  organizationId: "org-A",
  colour: "red",
  parentId: null,
  madeOn: "2026-02-28",
  retiredOn: null,
  quantity: 1,
  grams: 250,
  label: "小部件",
  parts: [{ name: "螺丝", count: 4 }],
  ...overrides
})
