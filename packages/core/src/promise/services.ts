import { duesService } from "../dues/service.js"
import { evaluationService } from "../evaluation/service.js"
import { meetingService } from "../meeting/meeting-service.js"
import { memberService } from "../member/member-service.js"
import { organizationService } from "../org/organization-service.js"
import { reportService } from "../report/report-service.js"
import { studyService } from "../study/service.js"
import { transferService } from "../transfer/transfer-service.js"

/**
 * 服务一览 — every domain service `createZhibu` offers, under the name it has there
 * (`zhibu.member.registerApplicant`). A new domain service is one line here.
 */
export const zhibuServices = {
  organization: organizationService,
  member: memberService,
  report: reportService,
  meeting: meetingService,
  dues: duesService,
  study: studyService,
  evaluation: evaluationService,
  transfer: transferService
} as const

/** The services of {@link zhibuServices}. */
export type ZhibuServices = typeof zhibuServices
