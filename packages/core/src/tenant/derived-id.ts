/** FNV-1a, 64 bits, as 16 hex digits: a stable digest of a string (not a secret, not for security). */
const fnv64 = (s: string): string => {
  let h = 0xcbf29ce484222325n
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i))
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return h.toString(16).padStart(16, "0")
}

/**
 * 派生 id — the id of a record that exists once per combination of other ids (a dues month of a
 * member, a study credit of a member for a session): the parts joined by `.`, so a second record for
 * the same combination is a store `Conflict`. When the joined parts exceed the 64 characters an id
 * may have, the id keeps a readable start and ends with a 64-bit digest of all parts.
 */
export const derivedId = (...parts: ReadonlyArray<string>): string => {
  const joined = parts.join(".")
  if (joined.length <= 64) return joined
  return `${joined.slice(0, 46)}.${fnv64(parts.join("\u0000"))}`
}
