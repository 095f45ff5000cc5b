/**
 * 公式注入防护 — characters that make a spreadsheet treat a cell as a formula (`=`, `+`, `-`, `@`)
 * or that some spreadsheets skip before one (tab, carriage return). OWASP's CSV-injection advice.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Makes a text cell safe to open in Excel, WPS or LibreOffice: a value that begins with a formula
 * character gets a leading `'`, so it shows as text and never runs (`=HYPERLINK(…)` stays text).
 * Other values are unchanged. Numbers written as numbers need no guard.
 */
export const neutralizeCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value)

/** Undoes {@link neutralizeCell} on import: `'=x` reads as `=x`; any other value is unchanged. */
export const restoreCell = (value: string): string => (value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value)
