import * as Schema from "effect/Schema"

/** No record of that kind and id in the tenant (records of other tenants are never visible). */
export class NotFound extends Schema.TaggedError<NotFound>()("ZhibuNotFound", {
  kind: Schema.String,
  id: Schema.String,
  tenantId: Schema.String
}) {
  override get message(): string {
    return `no ${this.kind} "${this.id}" in tenant "${this.tenantId}" (未找到记录): check the id and the tenant`
  }
}

/**
 * A write was based on a stale version, or created a record that already exists. Nothing was
 * written: read the record again and re-apply the change.
 */
export class Conflict extends Schema.TaggedError<Conflict>()("ZhibuConflict", {
  kind: Schema.String,
  id: Schema.String,
  expectedVersion: Schema.Int,
  actualVersion: Schema.Int
}) {
  override get message(): string {
    return this.expectedVersion === 0
      ? `${this.kind} "${this.id}" already exists (version ${this.actualVersion}) (记录已存在): choose another id or update it`
      : `${this.kind} "${this.id}" changed since you read it: expected version ${this.expectedVersion}, found ${this.actualVersion} (记录已被他人修改): read it again and retry`
  }
}

/** A record handed to the store that does not decode, or that belongs to another tenant. Nothing was written. */
export class InvalidRecord extends Schema.TaggedError<InvalidRecord>()("ZhibuInvalidRecord", {
  kind: Schema.String,
  id: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `${this.kind} "${this.id}" was refused: ${this.reason} (记录无效，未写入)`
  }
}

/**
 * The storage itself failed: a lost connection, a timeout, an unreachable server, a constraint
 * the adapter did not expect. `reason` says which, in plain words; nothing was written.
 */
export class StoreUnavailable extends Schema.TaggedError<StoreUnavailable>()("ZhibuStoreUnavailable", {
  reason: Schema.String,
  cause: Schema.optional(Schema.Unknown)
}) {
  override get message(): string {
    return `storage failed: ${this.reason} (存储不可用)`
  }
}

/** Any error of the storage port: {@link NotFound}, {@link Conflict}, {@link InvalidRecord} or {@link StoreUnavailable}. */
export type StoreError = NotFound | Conflict | InvalidRecord | StoreUnavailable
