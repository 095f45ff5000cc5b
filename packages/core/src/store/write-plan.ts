import * as Either from "effect/Either"
import { Conflict, InvalidRecord, NotFound } from "./errors.js"
import type { Write } from "./port.js"
import { type CheckedRecord, checkRecord, claimedId } from "./record-check.js"
import type { AnyRecordKind, StoredRecord } from "./record-kind.js"
import type { KindRegistry } from "./registry.js"

/** A record as the adapter holds it before the writes: its version and its stored form `S`. */
export interface CurrentRecord<S> {
  readonly version: number
  readonly stored: S
}

/** A record the writes touch: how it stood before the call (null when new) and its final state. */
export interface TouchedRecord<S> {
  readonly kind: AnyRecordKind
  readonly id: string
  readonly original: CurrentRecord<S> | null
  final: CheckedRecord & { readonly version: number; readonly stored: S }
}

/** An audit entry to write, with the record before (null for a create) and after, in the adapter's stored form. */
export interface AuditDraft<S> {
  readonly kind: string
  readonly recordId: string
  readonly version: number
  readonly before: S | null
  readonly after: S
}

/** What {@link planWrites} gives an adapter to store: the results, the records touched and the audit entries. */
export interface WritePlan<S> {
  /** The stored records, one per write, in order. */
  readonly results: ReadonlyArray<StoredRecord>
  /** Each record touched once, in order of first touch: one statement each. */
  readonly touched: ReadonlyArray<TouchedRecord<S>>
  /** The audit entries to write, one per write, in order. */
  readonly audit: ReadonlyArray<AuditDraft<S>>
}

/** A write whose kind, operation or id can be looked at; anything else is refused. */
const recordIdOf = (w: Write): string => claimedId((w as { record?: unknown }).record)

/**
 * Replays writes in order against the records they name, the way every adapter must: a create of
 * an existing id is a `Conflict` (expected version 0); an update needs the record (`NotFound`) at
 * the expected version (`Conflict`); each record is checked by {@link checkRecord}. Writes see the
 * ones before them, so two writes to one record chain their versions. The first failing write
 * decides the error and the plan is discarded: nothing partial is ever stored. Written once here;
 * the adapters only fetch `current`, say how a checked record is stored (`toStored`, which may
 * refuse what their storage cannot hold), and store the plan.
 */
export const planWrites = <S>(
  kinds: KindRegistry,
  tenantId: string,
  writes: ReadonlyArray<Write>,
  current: (kind: AnyRecordKind, id: string) => CurrentRecord<S> | undefined,
  toStored: (kind: AnyRecordKind, checked: CheckedRecord) => Either.Either<S, string>
): Either.Either<WritePlan<S>, Conflict | NotFound | InvalidRecord> => {
  const results: Array<StoredRecord> = []
  const touched = new Map<string, TouchedRecord<S>>()
  const audit: Array<AuditDraft<S>> = []
  for (const w of writes) {
    const id = recordIdOf(w)
    const kind = kinds.get((w.kind as { name?: unknown } | undefined)?.name)
    if (kind === undefined) return Either.left(new InvalidRecord({ kind: String(w.kind?.name), id, reason: "unknown kind of record" }))
    const op: unknown = w.op
    if (op !== "create" && op !== "update") {
      return Either.left(new InvalidRecord({ kind: kind.name, id, reason: `unknown operation "${String(op)}"` }))
    }
    const slot = `${kind.name}\u0000${id}`
    const staged = touched.get(slot)
    const before: CurrentRecord<S> | undefined = staged === undefined ? current(kind, id) : staged.final
    const version = before === undefined ? 1 : before.version + 1
    // A malformed record, or one of another tenant, is refused before its id is trusted.
    const checked = checkRecord(kind, tenantId, w.record, version)
    if (Either.isLeft(checked)) return Either.left(checked.left)
    if (w.op === "create" && before !== undefined) {
      return Either.left(new Conflict({ kind: kind.name, id, expectedVersion: 0, actualVersion: before.version }))
    }
    if (w.op === "update") {
      if (before === undefined) return Either.left(new NotFound({ kind: kind.name, id, tenantId }))
      if (before.version !== w.expectedVersion) {
        return Either.left(
          new Conflict(
            { kind: kind.name, id, expectedVersion: w.expectedVersion, actualVersion: before.version },
            // a caller's non-integer version is still a conflict, not a crash
            { disableValidation: true }
          )
        )
      }
    }
    const stored = toStored(kind, checked.right)
    if (Either.isLeft(stored)) return Either.left(new InvalidRecord({ kind: kind.name, id, reason: stored.left }))
    const final = { ...checked.right, version, stored: stored.right }
    audit.push({ kind: kind.name, recordId: id, version, before: before?.stored ?? null, after: stored.right })
    if (staged === undefined) touched.set(slot, { kind, id, original: before ?? null, final })
    else staged.final = final
    results.push(checked.right.value)
  }
  return Either.right({ results, touched: [...touched.values()], audit })
}
