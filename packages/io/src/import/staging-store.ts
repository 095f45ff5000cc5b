import { Conflict, NotFound } from "@zhibu/core"
import { type AnyRecordKind, type CreateWrite, checkRecord, createWrite, type StoredRecord, type StoreShape, type Write } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

/** The records a validated row would write: the new ones, and how many were already stored exactly so. */
export interface StagedRow {
  readonly writes: ReadonlyArray<CreateWrite>
  readonly unchanged: number
  /** The audit action the service wrote with (`member.register`, `meeting.record`). */
  readonly action: string | undefined
  /** The records the row staged (kind and id), new or unchanged. */
  readonly slots: ReadonlyArray<string>
}

/** A store that validates through the services without writing: see {@link makeStagingStore}. */
export interface StagingStore {
  readonly store: StoreShape
  /** The writes captured since the last call (one row's), and clears them. */
  readonly take: () => StagedRow
  /** Forgets a row's staged records (the row failed after staging them), so a later row may stage those ids. */
  readonly discard: (row: StagedRow) => void
}

/** JSON with object keys sorted, so two encodings of one record compare equal whatever their key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v
  )

const withoutVersion = (encoded: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const { version: _version, ...rest } = encoded
  return rest
}

const encodedOf = (kind: AnyRecordKind, record: StoredRecord): Record<string, unknown> =>
  Schema.encodeSync(kind.schema as Schema.Schema<StoredRecord, Record<string, unknown>>)(record)

/**
 * 预检存储 — the real store for reads, and a recorder for writes: a service method run against it
 * authorizes, decodes and applies its rules exactly as it would, and its writes are captured instead
 * of stored, to be written later in one `importBatch`. Each create is checked as the store would
 * (`checkRecord`), and against what is stored: a record stored exactly so already is `unchanged`
 * (members and meetings are keyed by id, so importing a file again adds nothing); a different
 * record with the id, or one staged by an earlier row, is a `Conflict`.
 *
 * Reads are memoized: the whole file is validated against one view of the store, and the tenant's
 * organizations are read once, not once per row.
 */
export const makeStagingStore = (real: StoreShape): StagingStore => {
  const staged = new Set<string>()
  const memo = new Map<string, Either.Either<unknown, unknown>>()
  let pending: Array<CreateWrite> = []
  let slots: Array<string> = []
  let unchanged = 0
  let action: string | undefined

  const remember = <A, E>(key: string, effect: Effect.Effect<A, E>): Effect.Effect<A, E> => {
    const hit = memo.get(key) as Either.Either<A, E> | undefined
    if (hit !== undefined) return Either.isRight(hit) ? Effect.succeed(hit.right) : Effect.fail(hit.left)
    return Effect.tap(Effect.either(effect), (result) => Effect.sync(() => memo.set(key, result))).pipe(Effect.flatten)
  }

  const stage = (tenantId: string, w: Write) =>
    Effect.gen(function* () {
      if (w.op !== "create") return yield* Effect.dieMessage(`an import only creates records; the service asked to update ${w.kind.name}`)
      const checked = checkRecord(w.kind, tenantId, w.record, 1)
      if (Either.isLeft(checked)) return yield* checked.left
      const { id } = checked.right.value
      const slot = `${w.kind.name}\u0000${id}`
      if (staged.has(slot)) return yield* new Conflict({ kind: w.kind.name, id, expectedVersion: 0, actualVersion: 1 })
      const existing = yield* Effect.either(real.get(w.kind, tenantId, id))
      if (Either.isRight(existing)) {
        const same = canonical(withoutVersion(encodedOf(w.kind, existing.right))) === canonical(withoutVersion(checked.right.encoded))
        if (!same) return yield* new Conflict({ kind: w.kind.name, id, expectedVersion: 0, actualVersion: existing.right.version })
        return { slot, write: null, record: existing.right as StoredRecord }
      }
      if (!(existing.left instanceof NotFound)) return yield* existing.left
      return { slot, write: createWrite(w.kind, w.record), record: checked.right.value }
    })

  const store: StoreShape = {
    get: (kind, tenantId, id) => remember(`get|${kind.name}|${tenantId}|${id}`, real.get(kind, tenantId, id)),
    list: (kind, tenantId, filter, options) =>
      remember(`list|${kind.name}|${tenantId}|${canonical(filter ?? {})}|${canonical(options ?? {})}`, real.list(kind, tenantId, filter, options)),
    aggregate: (kind, tenantId, query) => real.aggregate(kind, tenantId, query),
    auditLog: (tenantId, query) => real.auditLog(tenantId, query),
    write: (tenantId, writes, audit) =>
      Effect.gen(function* () {
        // A write is staged whole or not at all, like the store's own.
        const results = yield* Effect.forEach(writes, (w) => stage(tenantId, w))
        for (const r of results) {
          staged.add(r.slot)
          slots.push(r.slot)
          if (r.write === null) unchanged++
          else pending.push(r.write)
        }
        action = audit.action
        return results.map((r) => r.record)
      }),
    importBatch: () => Effect.dieMessage("the staging store does not import batches")
  }

  return {
    store,
    take: () => {
      const row: StagedRow = { writes: pending, unchanged, action, slots }
      pending = []
      slots = []
      unchanged = 0
      return row
    },
    discard: (row) => {
      for (const slot of row.slots) staged.delete(slot)
    }
  }
}
