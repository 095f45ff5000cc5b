import {
  type AuditContext,
  type AuditEntry,
  Conflict,
  type Entity,
  type InvalidRecord,
  NotFound,
  type Write
} from "@zhibu/core"
import * as Either from "effect/Either"
import { fromStored, type Stored, toStored } from "./codec.js"
import { recordsOf, type TenantState } from "./tenant-state.js"

/** What a valid list of writes will do: the records to store and their audit entries, in order. */
export interface WritePlan {
  readonly stored: ReadonlyArray<{ readonly write: Write; readonly record: Stored }>
  readonly audit: ReadonlyArray<AuditEntry>
}

export type WriteError = Conflict | NotFound | InvalidRecord

const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`

/**
 * Checks every write against the tenant's records without changing them. Writes see the ones
 * before them in the list, so two writes to one record chain their versions.
 */
export const planWrites = (
  tenant: TenantState,
  tenantId: string,
  writes: ReadonlyArray<Write>,
  context: AuditContext
): Either.Either<WritePlan, WriteError> => {
  const staged = new Map<string, Stored>()
  const stored: Array<WritePlan["stored"][number]> = []
  const audit: Array<AuditEntry> = []
  let seq = tenant.audit.length
  for (const write of writes) {
    const id = String(write.record.id)
    const key = keyOf(write.kind, id)
    const current = staged.get(key) ?? recordsOf(tenant, write.kind).get(id)
    const version = current === undefined ? 1 : current.version + 1
    // A malformed record or one of another tenant is refused before its id is trusted.
    const record = toStored(write.kind, tenantId, write.record, version)
    if (Either.isLeft(record)) return Either.left(record.left)
    if (write.op === "create" && current !== undefined) {
      return Either.left(new Conflict({ kind: write.kind, id, expectedVersion: 0, actualVersion: current.version }))
    }
    if (write.op === "update") {
      if (current === undefined) return Either.left(new NotFound({ kind: write.kind, id, tenantId }))
      if (current.version !== write.expectedVersion) {
        return Either.left(
          new Conflict(
            { kind: write.kind, id, expectedVersion: write.expectedVersion, actualVersion: current.version },
            // a caller's non-integer version is still a conflict, not a crash
            { disableValidation: true }
          )
        )
      }
    }
    staged.set(key, record.right)
    stored.push({ write, record: record.right })
    audit.push({
      seq: ++seq,
      tenantId,
      at: new Date(context.at.getTime()),
      actorId: context.actorId,
      action: context.action,
      kind: write.kind,
      recordId: id,
      version,
      before: current === undefined ? null : structuredClone(current),
      after: structuredClone(record.right)
    })
  }
  return Either.right({ stored, audit })
}

/** Applies a plan made from the same tenant state; returns the written records, decoded afresh. */
export const commitPlan = (tenant: TenantState, plan: WritePlan): ReadonlyArray<Entity> => {
  for (const { write, record } of plan.stored) recordsOf(tenant, write.kind).set(record.id, record)
  tenant.audit.push(...plan.audit)
  return plan.stored.map(({ write, record }) => fromStored(write.kind, record))
}
