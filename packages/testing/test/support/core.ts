/** The one place the tests import `@zhibu/core` from (its surface is being split into subpaths). */
export { type CivilDate, Member, nationalBaseline, Organization, weekdayCalendar } from "@zhibu/core"
export { checkOrganization, fileState, isMember, openApplicantFile, recordStep, termFindings, timeline } from "@zhibu/core/rules"
export { memberKind, organizationKind, Store } from "@zhibu/core/store"
export { meetingService } from "@zhibu/core"
export { branchCompliance, fullMembersOn, heldFromMeetings, rosterOn } from "@zhibu/core/rules"
export { attendanceKind, createWrite, meetingKind } from "@zhibu/core/store"
