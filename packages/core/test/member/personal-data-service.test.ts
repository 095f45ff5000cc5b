import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { memberKind } from "../../src/member/kinds.js"
import { memberService } from "../../src/member/member-service.js"
import type { RegisterApplicantInput } from "../../src/member/member-service-inputs.js"
import { maskIdNumber, withIdCheckCharacter } from "../../src/member/personal-data.js"
import { formatAuditEntry } from "../../src/member/personal-data-audit.js"
import { reportService } from "../../src/report/report-service.js"
import { InvalidInput } from "../../src/service/errors.js"
import { Store, updateWrite } from "../../src/store/port.js"
import { actor, committeeMember, ctxFor, groupLeader, organizer, secretary, seed, selfOnly } from "./service-fixtures.js"
import { TENANT } from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))

/** Fictitious numbers with the right check character; the birth date is the applicant's. */
const ID = withIdCheckCharacter("11010520000101123")
const OTHER_ID = withIdCheckCharacter("44030520000101456")
const PHONE = "13812345678"
const MASKED_ID = maskIdNumber(ID)

const applicant = {
  id: "a2",
  organizationId: "b1",
  name: "新申请人",
  gender: "male",
  birthDate: "2000-01-01",
  category: "teacher",
  applicationDate: "2027-06-01",
  idNumber: ID,
  phone: PHONE
} satisfies RegisterApplicantInput

const deputy = actor("m4", ["deputySecretary", "b1"])

/** The seed, then the applicant a2 with an ID number and a phone, registered by the secretary. */
const seeded = Effect.gen(function* () {
  yield* seed
  return yield* memberService.registerApplicant(ctxFor(secretary), applicant)
})

const stored = (id: string) => Effect.flatMap(Store, (store) => store.get(memberKind, TENANT, id))
const auditOf = (id: string) => Effect.flatMap(Store, (store) => store.auditLog(TENANT, { recordId: id }))
const secrets = [ID, PHONE, OTHER_ID, "20000101", "1234567"]
const expectNoSecret = (value: unknown) => {
  const text = JSON.stringify(value) + (value instanceof Error ? value.message : "")
  for (const s of secrets) expect(text).not.toContain(s)
}

describe("personal data in: validated at the boundary, never echoed", () => {
  it.effect("registerApplicant stores the full values and returns the file masked", () =>
    run(
      Effect.gen(function* () {
        const returned = yield* seeded
        expect([returned.idNumber, returned.phone]).toEqual([MASKED_ID, "138****5678"])
        const file = yield* stored("a2")
        expect([file.idNumber, file.phone]).toEqual([ID, PHONE])
      })
    )
  )

  it.effect("a lower-case x and spaces are accepted and stored normalized", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const id = withIdCheckCharacter("11010519900101002")
        const raw = ` ${id.toLowerCase()} `
        yield* memberService.registerApplicant(ctxFor(secretary), { ...applicant, birthDate: "1990-01-01", idNumber: raw, phone: "138 1234 5678" })
        expect((yield* stored("a2")).idNumber).toBe(id)
      })
    )
  )

  it.effect("a wrong check character, an ID number of another birth date, or a bad phone is InvalidInput naming the field, never the value; nothing is written", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const wrongCheck = `${ID.slice(0, 17)}${ID[17] === "0" ? "1" : "0"}`
        const cases = [
          [{ ...applicant, idNumber: wrongCheck }, "idNumber"],
          [{ ...applicant, idNumber: withIdCheckCharacter("11010520000102123") }, ""],
          [{ ...applicant, phone: "1234567" }, "phone"]
        ] as const
        for (const [input, path] of cases) {
          const error = yield* Effect.flip(memberService.registerApplicant(ctxFor(secretary), input))
          expect(error).toBeInstanceOf(InvalidInput)
          expect(error).toMatchObject({ _tag: "ZhibuInvalidInput", path })
          expectNoSecret({ ...error, message: error.message })
          for (const value of [wrongCheck, input.idNumber, input.phone]) expect(`${error.message}${JSON.stringify(error)}`).not.toContain(value)
        }
        const mismatch = yield* Effect.flip(memberService.registerApplicant(ctxFor(secretary), cases[1][0]))
        expect(mismatch.message).toContain("idNumber")
        expect((yield* Effect.either(stored("a2")))._tag).toBe("Left")
      })
    )
  )

  it.effect("enterExistingMember checks the ID number against the birth date too", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const input = { id: "e1", organizationId: "b1", name: "老党员", gender: "female", birthDate: "1975-05-05", category: "teacher", joinedOn: "2000-07-01", convertedOn: "2001-07-01" } as const
        const error = yield* Effect.flip(memberService.enterExistingMember(ctxFor(secretary), { ...input, idNumber: ID }))
        expect(error._tag).toBe("ZhibuInvalidInput")
        const id = withIdCheckCharacter("11010519750505002")
        const ok = yield* memberService.enterExistingMember(ctxFor(secretary), { ...input, idNumber: id })
        expect(ok.idNumber).toBe(maskIdNumber(id))
        expect((yield* stored("e1")).idNumber).toBe(id)
      })
    )
  )
})

describe("personal data out: masked by default, full only on an audited request", () => {
  it.effect("get, list and history mask by default, for everyone who may read the file", () =>
    run(
      Effect.gen(function* () {
        yield* seeded
        for (const who of [secretary, committeeMember, organizer]) {
          const file = yield* memberService.get(ctxFor(who), { memberId: "a2" })
          expect([file.idNumber, file.phone]).toEqual([MASKED_ID, "138****5678"])
          const page = yield* memberService.list(ctxFor(who), { organizationId: "b1" })
          expectNoSecret(page)
          expect(page.find((m) => m.id === "a2")?.phone).toBe("138****5678")
          expectNoSecret(yield* memberService.history(ctxFor(who), { memberId: "a2" }))
        }
        expectNoSecret(yield* memberService.timeline(ctxFor(secretary), { memberId: "a2" }))
      })
    )
  )

  it.effect("commands return the file masked too (a committee member recording a step never sees the full values)", () =>
    run(
      Effect.gen(function* () {
        yield* seeded
        const updated = yield* memberService.recordStep(ctxFor(committeeMember), {
          memberId: "a2",
          expectedVersion: 1,
          record: { step: "applicationTalk", date: "2027-06-10" }
        })
        expectNoSecret(updated)
      })
    )
  )

  it.effect("full values need member.readPersonalData: the secretary and the organizer get them; deputy and committee member are Forbidden, a member of another branch gets NotFound", () =>
    run(
      Effect.gen(function* () {
        yield* seeded
        const full = yield* memberService.get(ctxFor(secretary), { memberId: "a2", personalData: "full" })
        expect([full.idNumber, full.phone]).toEqual([ID, PHONE])
        expect((yield* memberService.get(ctxFor(organizer), { memberId: "a2", personalData: "full" })).idNumber).toBe(ID)
        for (const who of [deputy, committeeMember, groupLeader, selfOnly("a2")]) {
          const error = yield* Effect.flip(memberService.get(ctxFor(who), { memberId: "a2", personalData: "full" }))
          expect(error._tag).toBe(who === groupLeader ? "ZhibuNotFound" : "ZhibuForbidden")
        }
        const outsider = actor("x1", ["branchSecretary", "b2"])
        expect((yield* Effect.flip(memberService.get(ctxFor(outsider), { memberId: "a2", personalData: "full" })))._tag).toBe("ZhibuNotFound")
      })
    )
  )

  it.effect("each disclosure is an audit entry of the file: who, when, member.readPersonalData, nothing changed but the version", () =>
    run(
      Effect.gen(function* () {
        yield* seeded
        yield* memberService.get(ctxFor(secretary), { memberId: "a2" }) // masked: not a disclosure
        const full = yield* memberService.get(ctxFor(secretary), { memberId: "a2", personalData: "full" })
        expect(full.version).toBe(2)
        const log = yield* auditOf("a2")
        expect(log.map((e) => [e.actorId, e.action, e.version])).toEqual([
          ["m1", "member.register", 1],
          ["m1", "member.readPersonalData", 2]
        ])
        expect(formatAuditEntry(log[1]!, "en")).toMatch(/m1 member.readPersonalData member a2 version 2: no field changed$/)
        // a refused request discloses nothing
        yield* Effect.flip(memberService.get(ctxFor(committeeMember), { memberId: "a2", personalData: "full" }))
        expect(yield* auditOf("a2")).toHaveLength(2)
      })
    )
  )

  it.effect("list with full values: one disclosure per file that has personal data, none for the others", () =>
    run(
      Effect.gen(function* () {
        yield* seeded
        const page = yield* memberService.list(ctxFor(secretary), { organizationId: "b1", personalData: "full" })
        expect(page.find((m) => m.id === "a2")?.idNumber).toBe(ID)
        const store = yield* Store
        const disclosures = (yield* store.auditLog(TENANT)).filter((e) => e.action === "member.readPersonalData")
        expect(disclosures.map((e) => e.recordId)).toEqual(["a2"])
        const forbidden = yield* Effect.flip(memberService.list(ctxFor(committeeMember), { organizationId: "b1", personalData: "full" }))
        expect(forbidden._tag).toBe("ZhibuForbidden")
      })
    )
  )

  it.effect("history with full values returns the entries unmasked, ending with the disclosure itself", () =>
    run(
      Effect.gen(function* () {
        yield* seeded
        const history = yield* memberService.history(ctxFor(organizer), { memberId: "a2", personalData: "full" })
        expect(history.map((e) => e.action)).toEqual(["member.register", "member.readPersonalData"])
        expect(history[0]!.after).toMatchObject({ idNumber: ID, phone: PHONE })
      })
    )
  )

  it.effect("county views (report.aggregate) carry no personal data", () =>
    run(
      Effect.gen(function* () {
        yield* seeded
        const viewer = actor("v1", ["countyViewer", "county"])
        expectNoSecret(yield* reportService.membershipSummary(ctxFor(viewer), { organizationId: "county" }))
        expectNoSecret(yield* reportService.membershipSummary(ctxFor(organizer), { organizationId: "school" }))
        expect((yield* Effect.flip(memberService.get(ctxFor(viewer), { memberId: "a2" })))._tag).toBe("ZhibuNotFound")
      })
    )
  )

  it.effect("a masked file written back to the store is refused (InvalidRecord), and the refusal does not echo it", () =>
    run(
      Effect.gen(function* () {
        const masked = yield* seeded
        const store = yield* Store
        const error = yield* Effect.flip(store.write(TENANT, [updateWrite(memberKind, masked)], { actorId: "m1", at: new Date(), action: "test" }))
        expect(error._tag).toBe("ZhibuInvalidRecord")
        expect(error.message).not.toContain(MASKED_ID)
        expect((yield* stored("a2")).idNumber).toBe(ID)
      })
    )
  )
})

describe("memberService.updateContact and erasePersonalData", () => {
  it.effect("updateContact sets, keeps or clears each field; the committee member may, the group leader may not", () =>
    run(
      Effect.gen(function* () {
        yield* seeded
        const changed = yield* memberService.updateContact(ctxFor(committeeMember), { memberId: "a2", expectedVersion: 1, phone: "0755-86001234" })
        expect([changed.idNumber, changed.phone]).toEqual([MASKED_ID, "0755-****1234"])
        const cleared = yield* memberService.updateContact(ctxFor(secretary), { memberId: "a2", expectedVersion: 2, idNumber: null })
        expect(cleared.idNumber).toBeUndefined()
        expect(yield* stored("a2")).toMatchObject({ phone: "0755-86001234", version: 3 })
        expect((yield* stored("a2")).idNumber).toBeUndefined()
        const forbidden = yield* Effect.flip(memberService.updateContact(ctxFor(groupLeader), { memberId: "a2", expectedVersion: 3, phone: PHONE }))
        expect(forbidden._tag).toBe("ZhibuNotFound") // a2 is not in the leader's group: as if it did not exist
        const log = yield* auditOf("a2")
        expect(log.map((e) => formatAuditEntry(e, "en").replace(/^#\d+ \S+ \S+ /, ""))).toEqual([
          "m1 member.register member a2 version 1: created",
          "m2 member.updateContact member a2 version 2: phone 138****5678 → 0755-****1234",
          `m1 member.updateContact member a2 version 3: idNumber ${MASKED_ID} → (none)`
        ])
      })
    )
  )

  it.effect("updateContact refuses an ID number of another birth date, naming idNumber and neither value", () =>
    run(
      Effect.gen(function* () {
        yield* seeded
        const error = yield* Effect.flip(memberService.updateContact(ctxFor(secretary), { memberId: "a2", expectedVersion: 1, idNumber: withIdCheckCharacter("11010519990101123") }))
        expect(error).toMatchObject({ _tag: "ZhibuInvalidInput", path: "idNumber" })
        expect(error.message).not.toContain("1999")
        expect((yield* stored("a2")).version).toBe(1)
      })
    )
  )

  it.effect("erasePersonalData blanks both fields (secretary, organizer); the history keeps the old values, masked unless asked for in full", () =>
    run(
      Effect.gen(function* () {
        yield* seeded
        expect((yield* Effect.flip(memberService.erasePersonalData(ctxFor(deputy), { memberId: "a2", expectedVersion: 1 })))._tag).toBe("ZhibuForbidden")
        const erased = yield* memberService.erasePersonalData(ctxFor(secretary), { memberId: "a2", expectedVersion: 1 })
        expect([erased.idNumber, erased.phone, erased.version]).toEqual([undefined, undefined, 2])
        const file = yield* stored("a2")
        expect("idNumber" in file || "phone" in file).toBe(false)
        expectNoSecret(yield* memberService.history(ctxFor(secretary), { memberId: "a2" }))
        const full = yield* memberService.history(ctxFor(secretary), { memberId: "a2", personalData: "full" })
        expect(full[0]!.after).toMatchObject({ idNumber: ID })
        expect(full.map((e) => e.action)).toEqual(["member.register", "member.erasePersonalData", "member.readPersonalData"])
      })
    )
  )
})
