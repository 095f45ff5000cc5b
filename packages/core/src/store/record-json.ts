import * as Either from "effect/Either"
import type { CheckedRecord } from "./record-check.js"

/**
 * 存储文本 — the JSON text a checked record is stored as, or the reason it has none: JSON would turn
 * Infinity and NaN into null, so such a record is refused rather than changed. A record the check
 * accepted in its canonical form (its value is its encoding, and that check admits finite numbers
 * only) is serialized without the replacer that looks for them. Every adapter stores this text (the
 * memory store too), so every adapter refuses the same records.
 */
export const recordJson = (checked: CheckedRecord): Either.Either<string, string> => {
  if ((checked.encoded as unknown) === checked.value) return Either.right(JSON.stringify(checked.encoded))
  let bad: string | undefined
  const json = JSON.stringify(checked.encoded, (key, v) => {
    if (typeof v === "number" && !Number.isFinite(v)) bad ??= `${key}: ${v} cannot be stored`
    return v
  })
  return bad === undefined ? Either.right(json) : Either.left(bad)
}
