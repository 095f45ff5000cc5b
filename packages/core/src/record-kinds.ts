import { attendanceKind, meetingKind } from "./meeting/kinds.js"
import { duesAssessmentKind, duesMonthKind, duesPaymentKind } from "./dues/kinds.js"
import { evaluationKinds } from "./evaluation/kinds.js"
import { memberKind } from "./member/kinds.js"
import { organizationChangeKind } from "./org/change-record.js"
import { leadershipRecordKind } from "./org/history-leadership.js"
import { organizationKind } from "./org/kinds.js"
import { mobileAttachmentKind, transferLetterKind } from "./transfer/kinds.js"
import type { AnyRecordKind } from "./store/record-kind.js"
import { studyCreditKind, studyExcusalKind, studyPlanKind } from "./study/kinds.js"

/**
 * Every record kind `@zhibu/core` stores, composed here at the top so that the store folder knows
 * no domain. Adapters serve these by default; an application may add kinds of its own.
 */
export const coreRecordKinds: ReadonlyArray<AnyRecordKind> = [
  organizationKind,
  memberKind,
  meetingKind,
  attendanceKind,
  duesAssessmentKind,
  duesMonthKind,
  duesPaymentKind,
  studyCreditKind,
  studyPlanKind,
  studyExcusalKind,
  ...evaluationKinds,
  transferLetterKind,
  mobileAttachmentKind,
  leadershipRecordKind,
  organizationChangeKind
]
