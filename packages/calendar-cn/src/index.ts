export { chinaWorkdays } from "./china-workdays.js"
