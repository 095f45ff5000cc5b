/**
 * @zhibu/io — import and export for zhibu. iCalendar export of the year plan lives in `ical/`.
 */
export * from "./ical/index.js"
