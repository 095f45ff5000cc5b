/** The one place the tests import `@zhibu/core` from (its surface is being split into subpaths). */
export {
  checkOrganization,
  type CivilDate,
  fileState,
  isMember,
  Member,
  memberKind,
  nationalBaseline,
  openApplicantFile,
  Organization,
  organizationKind,
  recordStep,
  Store,
  termFindings,
  timeline,
  weekdayCalendar
} from "@zhibu/core"
