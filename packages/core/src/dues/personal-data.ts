import type { Income } from "./amount.js"
import type { DuesAssessment } from "./records.js"

/**
 * 党费核定（遮蔽）— an assessment as reads return it by default: the income (the pay base, personal
 * data) replaced by `"masked"`. The amount, category and dates stay: what a ledger needs.
 */
export type MaskedAssessment = Omit<DuesAssessment, "income"> & { readonly income: Income | "masked" | null }

/** Masks an assessment's income (see {@link MaskedAssessment}). */
export const maskAssessment = (a: DuesAssessment): MaskedAssessment => ({ ...a, income: a.income === null ? null : "masked" })
