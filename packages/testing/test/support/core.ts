/** The one place the tests import `@zhibu/core` from (its surface is being split into subpaths). */
export {
  checkOrganization,
  type CivilDate,
  fileState,
  isMember,
  Member,
  nationalBaseline,
  openApplicantFile,
  Organization,
  recordStep,
  timeline,
  weekdayCalendar
} from "@zhibu/core"
