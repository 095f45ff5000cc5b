import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@zhibu/store-memory"
import * as Effect from "effect/Effect"
import { partyStandingStart, probationOf } from "../../src/member/stage.js"
import { nationalBaseline } from "../../src/national-profile.js"
import { Store } from "../../src/store/port.js"
import { transferLetterKind } from "../../src/transfer/kinds.js"
import { rollOn } from "../../src/transfer/roll.js"
import { transferService } from "../../src/transfer/transfer-service.js"
import {
  commandAudit,
  ctxFor,
  getMember,
  letter,
  noonOf,
  organizer,
  otherOrganizer,
  secretary1,
  secretary2,
  seed,
  T2,
  viewer
} from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E, Store>) => effect.pipe(Effect.provide(MemoryStore.layer()))
const lettersOf = (tenantId: string) => Effect.flatMap(Store, (store) => store.list(transferLetterKind, tenantId))

describe("transferService.move: both ends inside the tenant at once", () => {
  it.effect("one change, two audit entries: the letter (received the same day) and the file placed in the receiving branch", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const { letter: l, member } = yield* transferService.move(ctxFor(organizer), {
          memberId: "m9",
          toOrganizationId: "b2",
          movedOn: "2026-08-25",
          ...letter(1)
        })
        expect(l).toMatchObject({ direction: "within", organizationId: "b1", receivedOn: "2026-08-25", validUntil: "2026-09-24", duesPaidThrough: "2026-08" })
        expect(member).toMatchObject({ organizationId: "b2", partyGroupId: null, formerOrganizations: [{ organizationId: "b1", until: "2026-08-25" }] })
        const audit = yield* commandAudit()
        expect(audit.map((e) => [e.action, e.kind, e.recordId])).toEqual([
          ["member.transfer", "transferLetter", "L-1"],
          ["member.transfer", "member", "m9"]
        ])
        expect(rollOn(member, [l], "2026-08-24" as never)).toBe("b1")
        expect(rollOn(member, [l], "2026-08-25" as never)).toBe("b2")
      })
    )
  )

  it.effect("the secretary of the sending branch alone cannot place a member in another branch (NotFound: b2 is invisible to them); nothing stored", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const error = yield* Effect.flip(transferService.move(ctxFor(secretary1), { memberId: "m9", toOrganizationId: "b2", movedOn: "2026-08-25", ...letter(1) }))
        expect(error._tag).toBe("ZhibuNotFound")
        expect(yield* commandAudit()).toEqual([])
      })
    )
  )
})

describe("transferService.transferOut and receive inside the tenant", () => {
  it.effect("the sending secretary issues; the receiving secretary receives: two audit entries in one write", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const issued = yield* transferService.transferOut(ctxFor(secretary1), {
          memberId: "m9",
          expectedVersion: 1,
          issuedOn: "2026-08-20",
          to: { organizationId: "b2" },
          decidedBy: "一中党支部",
          ...letter(2)
        })
        expect(issued.letter).toMatchObject({ receivedOn: null, validUntil: "2026-09-19", to: { organizationId: "b2", name: "二中党支部" } })
        expect(issued.member).toMatchObject({ organizationId: "b1", status: "active" })
        const before = (yield* commandAudit()).length
        const received = yield* transferService.receive(ctxFor(secretary2), { letterId: "L-2", receivedOn: "2026-08-28" })
        expect(received.member.organizationId).toBe("b2")
        expect(received.letter.receivedOn).toBe("2026-08-28")
        expect((yield* commandAudit()).slice(before).map((e) => e.kind)).toEqual(["transferLetter", "member"])
      })
    )
  )

  it.effect("receiving the same letter twice is TransferRejected alreadyReceived; nothing more stored", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* transferService.transferOut(ctxFor(secretary1), { memberId: "m9", expectedVersion: 1, issuedOn: "2026-08-20", to: { organizationId: "b2" }, decidedBy: "支部", ...letter(2) })
        yield* transferService.receive(ctxFor(secretary2), { letterId: "L-2", receivedOn: "2026-08-28" })
        const before = yield* commandAudit()
        const error = yield* Effect.flip(transferService.receive(ctxFor(secretary2), { letterId: "L-2", receivedOn: "2026-08-29" }))
        expect(error).toMatchObject({ _tag: "ZhibuTransferRejected", problem: "alreadyReceived" })
        expect(yield* commandAudit()).toEqual(before)
      })
    )
  )

  it.effect("a letter past its validity is refused citing transfer.letter.validity (last valid day allowed); the member stays on the sending roll", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* transferService.transferOut(ctxFor(secretary1, noonOf("2026-07-01")), {
          memberId: "m9",
          expectedVersion: 1,
          issuedOn: "2026-07-01",
          to: { organizationId: "b2" },
          decidedBy: "支部",
          ...letter(3)
        })
        const before = yield* commandAudit()
        const late = yield* Effect.flip(transferService.receive(ctxFor(secretary2), { letterId: "L-3", receivedOn: "2026-08-01" }))
        expect(late).toMatchObject({ _tag: "ZhibuTransferRejected", problem: "letterExpired", ruleId: "transfer.letter.validity", allowedUntil: "2026-07-31" })
        expect(yield* commandAudit()).toEqual(before)
        expect((yield* getMember("m9")).organizationId).toBe("b1")
        // the last valid day is still fine
        const onTime = yield* transferService.receive(ctxFor(secretary2), { letterId: "L-3", receivedOn: "2026-07-31" })
        expect(onTime.member.organizationId).toBe("b2")
      })
    )
  )

  it.effect("an unknown receiving organization is NotFound; a member not on the roll is notOnRoll; a second letter while one waits is pendingLetter; nothing stored", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const base = { expectedVersion: 1, issuedOn: "2026-08-20", decidedBy: "支部", ...letter(4) }
        const unknown = yield* Effect.flip(transferService.transferOut(ctxFor(secretary1), { ...base, memberId: "m9", to: { organizationId: "b9" } }))
        expect(unknown).toMatchObject({ _tag: "ZhibuNotFound", id: "b9" })
        const group = yield* Effect.flip(transferService.transferOut(ctxFor(secretary1), { ...base, memberId: "m9", to: { organizationId: "school" } }))
        expect(group).toMatchObject({ problem: "notABranch" })
        expect(yield* commandAudit()).toEqual([])
        yield* transferService.transferOut(ctxFor(secretary1), { ...base, memberId: "m9", to: { name: "邻县一中党支部" } })
        const gone = yield* Effect.flip(transferService.move(ctxFor(organizer), { memberId: "m9", toOrganizationId: "b2", movedOn: "2026-08-25", ...letter(5) }))
        expect(gone).toMatchObject({ _tag: "ZhibuTransferRejected", problem: "notOnRoll" })
        yield* transferService.transferOut(ctxFor(secretary1), { ...base, ...letter(6), memberId: "m8", to: { organizationId: "b2" } })
        const twice = yield* Effect.flip(transferService.transferOut(ctxFor(secretary1), { ...base, ...letter(7), memberId: "m8", to: { organizationId: "b2" } }))
        expect(twice).toMatchObject({ problem: "pendingLetter" })
        expect((yield* commandAudit()).map((e) => e.recordId)).toEqual(["L-4", "m9", "L-6"])
      })
    )
  )
})

describe("across tenants the letter is the record: letterPacket, importLetter, acknowledgeReceipt", () => {
  it.effect("out then in keeps the file's history and standing; the sender acknowledges; the member is on exactly one roll on every date", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        const sent = yield* transferService.transferOut(ctxFor(secretary1), {
          memberId: "p1",
          expectedVersion: 1,
          issuedOn: "2026-08-20",
          to: { name: "邻县一中党支部", tenantId: T2 },
          decidedBy: "一中党支部",
          ...letter(8)
        })
        expect(sent.member.status).toBe("transferredOut")
        const packet = yield* transferService.letterPacket(ctxFor(secretary1), { letterId: "L-8" })
        const imported = yield* transferService.importLetter(ctxFor(otherOrganizer, undefined, T2), { packet, organizationId: "c1", receivedOn: "2026-08-27" })
        expect(imported.member).toMatchObject({ tenantId: T2, id: "p1", organizationId: "c1", status: "active", stage: "probationary", joinedOn: "2026-03-01" })
        expect(imported.letter).toMatchObject({ direction: "in", source: { tenantId: "t1", letterId: "L-8" }, receivedOn: "2026-08-27" })
        expect(probationOf(imported.member, nationalBaseline)).toEqual(probationOf(sent.member, nationalBaseline))
        expect(partyStandingStart(imported.member, nationalBaseline)).toEqual(partyStandingStart(sent.member, nationalBaseline))
        expect(imported.member.steps).toEqual(sent.member.steps)
        expect((yield* commandAudit(T2)).map((e) => e.kind)).toEqual(["transferLetter", "member"])

        const acknowledged = yield* transferService.acknowledgeReceipt(ctxFor(secretary1), { letterId: "L-8", expectedVersion: 1, receivedOn: "2026-08-27" })
        const senderFile = yield* getMember("p1")
        const sender = yield* lettersOf("t1")
        const receiver = yield* lettersOf(T2)
        for (const day of ["2026-08-19", "2026-08-20", "2026-08-26", "2026-08-27", "2026-12-31"]) {
          const rolls = [rollOn(senderFile, sender, day as never), rollOn(imported.member, receiver, day as never)].filter((r) => r !== null)
          expect(rolls).toHaveLength(1)
        }
        expect(acknowledged.receivedOn).toBe("2026-08-27")
      })
    )
  )

  it.effect("importing the same letter twice, into an unknown organization, or past its validity is refused and stores nothing", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* transferService.transferOut(ctxFor(secretary1), { memberId: "m9", expectedVersion: 1, issuedOn: "2026-07-20", to: { name: "邻县一中党支部" }, decidedBy: "支部", ...letter(9) })
        const packet = yield* transferService.letterPacket(ctxFor(secretary1), { letterId: "L-9" })
        const ctx2 = ctxFor(otherOrganizer, undefined, T2)
        const unknown = yield* Effect.flip(transferService.importLetter(ctx2, { packet, organizationId: "c9", receivedOn: "2026-08-01" }))
        expect(unknown._tag).toBe("ZhibuNotFound")
        const late = yield* Effect.flip(transferService.importLetter(ctx2, { packet, organizationId: "c1", receivedOn: "2026-08-20" }))
        expect(late).toMatchObject({ problem: "letterExpired", ruleId: "transfer.letter.validity", allowedUntil: "2026-08-19" })
        expect(yield* commandAudit(T2)).toEqual([])
        yield* transferService.importLetter(ctx2, { packet, organizationId: "c1", receivedOn: "2026-08-19" })
        const before = yield* commandAudit(T2)
        const twice = yield* Effect.flip(transferService.importLetter(ctx2, { packet, organizationId: "c1", receivedOn: "2026-08-19", letterId: "other", memberId: "m9b" }))
        expect(twice).toMatchObject({ problem: "alreadyReceived" })
        expect(yield* commandAudit(T2)).toEqual(before)
      })
    )
  )
})

describe("transferService.findings and pendingLetters: the receipt deadline and the pocket member", () => {
  it.effect("a letter not received is flagged to the sending branch after its validity and, on the day six months complete, to the county; figures come from grouped counts", () =>
    run(
      Effect.gen(function* () {
        yield* seed
        yield* transferService.transferOut(ctxFor(secretary1, noonOf("2026-03-01")), { memberId: "m9", expectedVersion: 1, issuedOn: "2026-03-01", to: { name: "外县" }, decidedBy: "支部", ...letter(10) })
        yield* transferService.transferOut(ctxFor(secretary1, noonOf("2026-08-20")), { memberId: "m8", expectedVersion: 1, issuedOn: "2026-08-20", to: { organizationId: "b2" }, decidedBy: "支部", ...letter(11) })
        const findings = yield* transferService.findings(ctxFor(organizer), { organizationId: "county" })
        expect(findings.map((f) => [f.ruleId, f.subject.id, f.severity])).toEqual([
          ["transfer.receipt.deadline", "b1", "flag"],
          ["transfer.pocketMember.signal", "m9", "flag"]
        ])
        expect(findings[0]!.message.zh).toContain("《中国共产党党员教育管理工作条例》第二十五条")
        const figures = yield* transferService.pendingLetters(ctxFor(viewer), { organizationId: "county" })
        expect(figures).toEqual([{ organizationId: "b1", pending: 2, overdue: 1, pocketMembers: 1 }])
      })
    )
  )
})
