import { isKey } from "@zhibu/core/store"

export { isKey }

/**
 * A paging bound with the same effect on stored ids in every dialect: ids contain no character at or
 * below U+0020, so cutting the bound before its first such character keeps exactly the same ids
 * after it, and avoids MySQL's padding and PostgreSQL's refusal of U+0000.
 */
export const pagingBound = (afterId: string): string => {
  for (let i = 0; i < afterId.length; i++) if (afterId.charCodeAt(i) <= 0x20) return afterId.slice(0, i)
  return afterId
}

/** `limit` as `Array.prototype.slice` reads it (the memory model's meaning): null for "no limit". */
export const rowLimit = (limit: number | undefined): number | null => {
  if (limit === undefined || limit === Number.POSITIVE_INFINITY) return null
  if (Number.isNaN(limit) || limit <= 0) return 0
  return Math.min(Math.trunc(limit), Number.MAX_SAFE_INTEGER)
}

/** Audit seqs are 32-bit integers in every dialect. */
const MAX_SEQ = 2_147_483_647

/**
 * `afterSeq` as a bound on the integer `seq` column: `"none"` when no seq can pass, null when every
 * seq passes, else the largest integer at or below it (seq > 2.5 is seq > 2).
 */
export const seqBound = (afterSeq: number | undefined): number | "none" | null => {
  if (afterSeq === undefined || afterSeq < -MAX_SEQ) return null
  if (Number.isNaN(afterSeq) || afterSeq >= MAX_SEQ) return "none"
  return Math.floor(afterSeq)
}
