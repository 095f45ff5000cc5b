/** The encodings an imported text file is read in. */
export type TextEncodingName = "utf-8" | "utf-16le" | "gb18030"

/** A decoded file: its text (without a byte-order mark) and how it was read. */
export interface DecodedText {
  readonly text: string
  readonly encoding: TextEncodingName
  /** True when the file began with a byte-order mark (Excel's "CSV UTF-8" and "Unicode 文本"). */
  readonly bom: boolean
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const

const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b)
const hasUtf16LeBom = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe

/** Characters of two bytes in UTF-8 (U+0080–U+07FF: Latin accents, Greek, Cyrillic…), and of three or more (CJK). */
const TWO_BYTE = /[\u0080-\u07ff]/
const WIDE = /[\u0800-\uffff]/
const HAN = /[\u3400-\u9fff]/
/** Characters a Chinese school's file hardly ever holds: CJK Extension A (U+3400–U+4DBF) and C1 controls. */
const RARE = /[\u0080-\u009f\u3400-\u4dbf]/

/**
 * 文本解码 — reads a text file as Excel in China saves it: a UTF-8 byte-order mark means UTF-8 (the
 * mark is dropped), and a UTF-16LE mark UTF-16 (Excel's "Unicode 文本"); otherwise bytes that are
 * valid UTF-8 are UTF-8; anything else is read as GB18030, the superset of GBK and GB2312 that
 * Excel's "CSV (逗号分隔)" writes on a Chinese Windows. Pure ASCII is the same in all of them.
 *
 * One ambiguity is settled explicitly: a few GBK characters happen to form valid two-byte UTF-8
 * (`一` is D2 BB, which UTF-8 reads as the Cyrillic `һ`). Bytes that are valid UTF-8 but hold only
 * such two-byte characters beside ASCII — no Chinese character at all — are read as GB18030 when
 * that gives Chinese characters without an undecodable byte. Likewise GBK bytes that happen to form
 * valid UTF-8 with a rare character (CJK Extension A such as `䀔`, or a C1 control: GBK 鋩 is E4 80,
 * and E4 80 94 is U+4014 in UTF-8) are read as GB18030 when that gives no rare character and no
 * undecodable byte. GBK bytes that read as UTF-8 with only common characters stay UTF-8: nothing in
 * the bytes tells them apart. Uses `TextDecoder("gb18030")`, which Node's full ICU has.
 */
export const decodeText = (bytes: Uint8Array): DecodedText => {
  if (hasUtf8Bom(bytes)) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", bom: true }
  if (hasUtf16LeBom(bytes)) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", bom: true }
  const gb18030 = (): DecodedText => ({ text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030", bom: false })
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    return gb18030()
  }
  if ((TWO_BYTE.test(text) && !WIDE.test(text)) || RARE.test(text)) {
    const gb = gb18030()
    if (!gb.text.includes("\ufffd") && HAN.test(gb.text) && !RARE.test(gb.text)) return gb
  }
  return { text, encoding: "utf-8", bom: false }
}
