import type { AnyRecordKind } from "./record-kind.js"

/** The record kinds an adapter serves, by name. */
export interface KindRegistry {
  readonly kinds: ReadonlyArray<AnyRecordKind>
  /** The kind of that name, or undefined for a name (or a value) the adapter does not serve. */
  readonly get: (name: unknown) => AnyRecordKind | undefined
}

/**
 * The registry of the kinds an adapter is built with. Two kinds with one name or one table are a
 * programming error (it throws), found when the adapter is built, not on the first write.
 */
export const makeKindRegistry = (kinds: ReadonlyArray<AnyRecordKind>): KindRegistry => {
  const byName = new Map<string, AnyRecordKind>()
  const tables = new Set<string>()
  for (const kind of kinds) {
    if (byName.has(kind.name)) throw new TypeError(`two record kinds are named "${kind.name}"`)
    if (tables.has(kind.table)) throw new TypeError(`two record kinds use the table "${kind.table}"`)
    byName.set(kind.name, kind)
    tables.add(kind.table)
  }
  return { kinds: [...kinds], get: (name) => (typeof name === "string" ? byName.get(name) : undefined) }
}
