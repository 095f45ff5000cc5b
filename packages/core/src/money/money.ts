import type * as Brand from "effect/Brand"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

/**
 * 金额（分）— an amount of money as a whole number of fen (分, 1/100 元), never negative, never a
 * float: 3000.01 元 is `300001`. Every amount zhibu stores or computes is one of these, so no sum
 * drifts and every comparison (a bracket edge, the 1000 元 threshold) is exact.
 */
export type Fen = number & Brand.Brand<"Fen">

/** The most fen an amount may hold: amounts times a rate in basis points stay exact in integers. */
export const MAX_FEN = 100_000_000_000 // 10 亿元

/** The Schema of a {@link Fen} amount: a whole number of fen from 0 to {@link MAX_FEN}. */
export const Fen: Schema.Schema<Fen, number> = Schema.Int.pipe(
  Schema.between(0, MAX_FEN, { message: () => "expected an amount in fen: a whole number from 0 to 100000000000" }),
  Schema.brand("Fen"),
  Schema.annotations({ identifier: "Fen" })
)

/** An amount you know is valid (code and tests, not input): throws on a negative or fractional value. */
export const fen = (n: number): Fen => {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_FEN) throw new RangeError(`fen: ${n} is not a whole, non-negative amount in fen`)
  return n as Fen
}

/** 0 fen. */
export const zeroFen: Fen = 0 as Fen

const YUAN = /^(\d{1,9})(?:\.(\d{1,2}))?$/

/** Parses an amount in 元 written with at most two decimals (`"3000.01"`, `"15"`) into fen; anything else is `Left` with the input. */
export const parseYuan = (input: string): Either.Either<Fen, string> => {
  const m = YUAN.exec(input)
  if (m === null) return Either.left(input)
  return Either.right((Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"))) as Fen)
}

/** An amount in 元 you know is valid (`yuan("3000.01")` is 300001 fen); throws otherwise. */
export const yuan = (input: string): Fen =>
  Either.getOrThrowWith(parseYuan(input), (bad) => new RangeError(`yuan: "${bad}" is not an amount in 元 with at most two decimals`))

/** `300001` → `"3000.01"`: the amount in 元 with two decimals, for reports. */
export const formatYuan = (amount: Fen): string => `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, "0")}`

/** The sum of amounts (0 for none). */
export const sumFen = (amounts: Iterable<number>): Fen => {
  let total = 0
  for (const a of amounts) total += a
  return total as Fen
}

/** `a − b`, but never below zero: what is still owed after paying `b` of `a`. */
export const remainingFen = (a: Fen, b: Fen): Fen => (a > b ? a - b : 0) as Fen

/** The smaller of two amounts. */
export const minFen = (a: Fen, b: Fen): Fen => (a <= b ? a : b)

/** A rate in basis points (万分之一): 0.5% is 50, 2% is 200; from 0 to 100%. */
export const BasisPoints = Schema.Int.pipe(Schema.between(0, 10_000), Schema.annotations({ identifier: "BasisPoints" }))
export type BasisPoints = typeof BasisPoints.Type

/**
 * 取整规则 — how an amount with a fraction of a fen (or of the unit) becomes whole: to the `unit`
 * (分, 角 or 元), by `mode` (`halfUp` 四舍五入, `down` 舍去, `up` 进位). Explicit, because the
 * sources name no rule: a profile chooses.
 */
export const RoundingRule = Schema.Struct({
  unit: Schema.Literal("fen", "jiao", "yuan"),
  mode: Schema.Literal("halfUp", "down", "up")
})
export type RoundingRule = typeof RoundingRule.Type

const unitFen = { fen: 1n, jiao: 10n, yuan: 100n } as const

/**
 * `amount × rate`, rounded by `rounding`: exact integer arithmetic (the product is computed in
 * BigInt, then divided once), so 300001 fen at 100 bp with `halfUp` to the fen is 3000 fen.
 */
export const applyRate = (amount: Fen, rate: BasisPoints, rounding: RoundingRule): Fen => {
  const unit = unitFen[rounding.unit]
  const numerator = BigInt(amount) * BigInt(rate)
  const denominator = 10_000n * unit
  const whole = numerator / denominator
  const rest = numerator % denominator
  const units = rest === 0n ? whole : rounding.mode === "down" ? whole : rounding.mode === "up" ? whole + 1n : rest * 2n >= denominator ? whole + 1n : whole
  return Number(units * unit) as Fen
}
