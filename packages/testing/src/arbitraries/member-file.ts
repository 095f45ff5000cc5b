import * as fc from "fast-check"
import { aMember } from "../builders/member-builder.js"
import { addDays, type CivilDate, civilDate, fromEpochDay, type Member, type MemberStage, toEpochDay } from "../internal/core.js"
import { idArbitrary } from "./records.js"

/** A file the lifecycle accepts, with the stage and date it was built for. */
export interface DrawnFile {
  readonly stage: MemberStage
  /** The stage's date: application, activist designation, candidate since, admission meeting or conversion. */
  readonly on: CivilDate
  /** Kept up to date until this day, when drawn. */
  readonly asOf?: CivilDate
  readonly member: Member
}

export interface MemberFileOptions {
  readonly stages?: ReadonlyArray<MemberStage>
  /** The earliest stage date drawn (default 2016-01-01). */
  readonly from?: string
  /** The latest stage date drawn (default 2030-12-31). */
  readonly to?: string
  readonly tenantId?: string
  readonly organizationId?: string
}

/** A civil date between `from` and `to`, both inclusive. */
export const civilDateArbitrary = (from: string, to: string): fc.Arbitrary<CivilDate> =>
  fc.integer({ min: toEpochDay(civilDate(from)), max: toEpochDay(civilDate(to)) }).map(fromEpochDay)

/**
 * 合规档案 — a member file at a drawn stage and date, built with the member builder, so that core's
 * lifecycle accepted every step: for properties of code that reads member files.
 */
export const memberFileArbitrary = (options: MemberFileOptions = {}): fc.Arbitrary<DrawnFile> =>
  fc
    .record({
      stage: fc.constantFrom<MemberStage>(...(options.stages ?? ["applicant", "activist", "candidate", "probationary", "full"])),
      on: civilDateArbitrary(options.from ?? "2016-01-01", options.to ?? "2030-12-31"),
      later: fc.option(fc.integer({ min: 60, max: 900 }), { nil: undefined }),
      id: idArbitrary
    })
    .map(({ stage, on: drawn, later, id }) => {
      // No probation ends on 29 February (a year after 28 February is 28 February).
      const on = stage === "full" && drawn.endsWith("-02-29") ? addDays(drawn, -1) : drawn
      const asOf = later === undefined ? undefined : addDays(on, later)
      let builder = aMember({ id, tenantId: options.tenantId ?? "tenant-1", organizationId: options.organizationId ?? "branch-1" })
      if (asOf !== undefined) builder = builder.asOf(asOf)
      const built =
        stage === "applicant"
          ? builder.appliedOn(on)
          : stage === "activist"
            ? builder.activistSince(on)
            : stage === "candidate"
              ? builder.candidateSince(on)
              : stage === "probationary"
                ? builder.probationaryAdmittedOn(on)
                : builder.fullMember({ convertedOn: on })
      return { stage, on, ...(asOf === undefined ? {} : { asOf }), member: built.build() }
    })
