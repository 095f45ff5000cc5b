import { describe, expect } from "@effect/vitest"
import { FREE_TEXT_MAX, Member } from "@zhibu/core"
import { memberKind, organizationKind, Store } from "@zhibu/core/store"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { unicodeNameArbitrary } from "../arbitraries.js"
import { auditContext, createWrite, freshTenant, makeMember, makeOrganization, updateWrite } from "../fixtures.js"
import { checkProperty, fieldOf, type StoreIt } from "../harness.js"

/** Text that breaks naive storage: SQL and LIKE metacharacters, escapes, emoji, every CJK block and plane. */
const awkwardNames: ReadonlyArray<[string, string]> = [
  ["quotes", `O'Brien "老王" ‘单’ “双”`],
  ["backslashes", "C:\\党建\\n\\\\"],
  ["LIKE wildcards", "100% _完成_"],
  ["SQL", "'); DROP TABLE member; --"],
  ["emoji, with ZWJ and flags", "👩‍👩‍👧 🇨🇳 ✊🏽"],
  ["CJK basic and 〇 ㄅ", "〇ㄅㄆㄇ 中文 党支部"],
  ["CJK Extension A", "㐀䶿"],
  ["CJK Extension B (plane 2, U+20000)", "𠀀𪛟"],
  ["CJK Extensions C, D, E, F", "𪜀𫝀𫠠𬺰"],
  ["CJK Extensions G, H (plane 3, U+30000)", "𰀀𱍐"],
  ["CJK compatibility ideographs (must not be normalized)", "豈更"],
  ["decomposed and precomposed accents (must not be normalized)", "e\u0301 é"],
  ["surrounding and inner whitespace", "  前后空格 \t 制表 "],
  ["newlines", "第一行\n第二行\r\n"],
  ["the highest code points", "\u{10FFFD}\uFFFD\uFEFF"],
  ["U+0000 (NUL)", "a\u0000b"],
  ["a lone surrogate (a JavaScript string that is not valid UTF-16)", "半\uD800个"]
]

/** Whether a member's name may hold the text, as the Member Schema (and so the store's check) decides. */
const isName = Schema.is(Member.fields.name)

/** Round-trip of text: what is written is read back exactly, code unit for code unit. */
export const textContract = (it: StoreIt) => {
  describe("“Records are checked against their Schema on the way in”: names with control characters are refused, free text keeps them", () => {
    for (const [what, text] of awkwardNames.filter(([, t]) => !isName(t))) {
      it.effect(`a name with ${what} is refused with InvalidRecord and nothing is written`, () =>
        Effect.gen(function* () {
          const store = yield* Store
          const tenant = freshTenant()
          const error = yield* Effect.flip(store.write(tenant, [createWrite("member", makeMember(tenant, { name: text }))], auditContext()))
          expect(error._tag).toBe("ZhibuInvalidRecord")
          expect(yield* store.list(memberKind, tenant)).toEqual([])
          expect(yield* store.auditLog(tenant)).toEqual([])
        })
      )
      it.effect(`a note and materials with ${what} read back unchanged`, () =>
        Effect.gen(function* () {
          const store = yield* Store
          const tenant = freshTenant()
          const member = makeMember(tenant, { steps: [{ step: "application", date: "2025-03-10", people: [], materials: [text], note: text }] })
          yield* store.write(tenant, [createWrite("member", member)], auditContext())
          const read = yield* store.get(memberKind, tenant, member.id)
          expect([read.steps[0]?.note, read.steps[0]?.materials]).toEqual([text, [text]])
        })
      )
    }
  })

  describe("“Records are decoded with their Schema on the way in and out”: text is stored and read back exactly", () => {
    for (const [what, name] of awkwardNames.filter(([, t]) => isName(t))) {
      it.effect(`a name with ${what} reads back unchanged, from get, list, write and the audit log`, () =>
        Effect.gen(function* () {
          const store = yield* Store
          const tenant = freshTenant()
          const member = makeMember(tenant, { name, steps: [{ step: "application", date: "2025-03-10", people: [], materials: [name], note: name }] })
          const [written] = yield* store.write(tenant, [createWrite("member", member)], auditContext())
          expect((written as Member | undefined)?.name).toBe(name)
          const read = yield* store.get(memberKind, tenant, member.id)
          expect(read.name).toBe(name)
          expect([read.steps[0]?.note, read.steps[0]?.materials]).toEqual([name, [name]])
          expect((yield* store.list(memberKind, tenant))[0]?.name).toBe(name)
          const [entry] = yield* store.auditLog(tenant)
          expect(fieldOf(entry?.after, "name")).toBe(name)
        })
      )
    }
  })

  describe("free text has one documented limit on every backend (FREE_TEXT_MAX code units)", () => {
    const withNote = (tenant: string, note: string) =>
      makeMember(tenant, { steps: [{ step: "application", date: "2025-03-10", people: [], materials: [], note }] })

    it.effect(`a note of exactly ${FREE_TEXT_MAX} code units (CJK) is stored and read back`, () =>
      Effect.gen(function* () {
        const store = yield* Store
        const tenant = freshTenant()
        const note = "党".repeat(FREE_TEXT_MAX)
        const member = withNote(tenant, note)
        yield* store.write(tenant, [createWrite("member", member)], auditContext())
        expect((yield* store.get(memberKind, tenant, member.id)).steps[0]?.note).toBe(note)
      })
    )

    for (const [what, note] of [
      ["one code unit over the limit", "党".repeat(FREE_TEXT_MAX + 1)],
      ["30 MB", "a".repeat(30 * 1024 * 1024)]
    ] as const) {
      it.effect(`a note ${what} is InvalidRecord and nothing is written`, () =>
        Effect.gen(function* () {
          const store = yield* Store
          const tenant = freshTenant()
          const error = yield* Effect.flip(store.write(tenant, [createWrite("member", withNote(tenant, note))], auditContext()))
          expect(error._tag).toBe("ZhibuInvalidRecord")
          expect(yield* store.list(memberKind, tenant)).toEqual([])
          expect(yield* store.auditLog(tenant)).toEqual([])
        })
      )
    }
  })

  describe("text law: any Unicode names within the Schema's bounds round-trip exactly", () => {
    it.effect("law: member and organization names of any code points, written and updated, read back equal", () =>
      checkProperty(
        fc.record({
          memberName: unicodeNameArbitrary(100),
          organizationName: unicodeNameArbitrary(200),
          unit: unicodeNameArbitrary(40),
          renamed: unicodeNameArbitrary(100)
        }),
        ({ memberName, organizationName, unit, renamed }) =>
          Effect.gen(function* () {
            const store = yield* Store
            const tenant = freshTenant()
            const member = makeMember(tenant, { name: memberName })
            const org = makeOrganization(tenant, { name: organizationName, units: [unit] })
            yield* store.write(tenant, [createWrite("member", member), createWrite("organization", org)], auditContext())
            yield* store.write(tenant, [updateWrite("member", { ...member, name: renamed }, 1)], auditContext())
            expect((yield* store.get(memberKind, tenant, member.id)).name).toBe(renamed)
            const readOrg = yield* store.get(organizationKind, tenant, org.id)
            expect([readOrg.name, readOrg.units]).toEqual([organizationName, [unit]])
            const [created] = yield* store.auditLog(tenant, { recordId: member.id })
            expect(fieldOf(created?.after, "name")).toBe(memberName)
          })
      )
    )
  })
}
