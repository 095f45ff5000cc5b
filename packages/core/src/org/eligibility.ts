import type { CivilDate } from "../calendar/civil-date.js"
import type { Member, Sanction } from "../member/member.js"

/** Who counts, for the organization rules. */

/** 正式党员 — stage `full` and status `active`. */
export const isFullMember = (m: Member): boolean => m.stage === "full" && m.status === "active"

/** 党员 — a full or probationary member, status `active` (applicants, activists and candidates are not members). */
export const isMember = (m: Member): boolean => (m.stage === "full" || m.stage === "probationary") && m.status === "active"

const suspendsRights = (s: Sanction, on: CivilDate): boolean =>
  (s.kind === "probationWithinParty" || s.kind === "detention") && s.from <= on && (s.until === undefined || on <= s.until)

/**
 * 选举权和被选举权 — an active full member who is not, on `on`, under 留党察看 or 留置
 * (rule `org.election.votingRights`; PC2022 第七条, XJ2020 第五条).
 */
export const hasElectoralRights = (m: Member, on: CivilDate): boolean =>
  isFullMember(m) && !m.sanctions.some((s) => suspendsRights(s, on))
