export { type ChinaWorkdayCalendar, type ChinaWorkdaysOptions, chinaWorkdays, makeChinaWorkdays, packageCoveredYears } from "./china-workdays.js"
export { HolidayPeriod, HolidaySchedule, type HolidayScheduleInput, InvalidHolidaySchedule } from "./holiday-schedule.js"
