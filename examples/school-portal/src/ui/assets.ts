/**
 * The portal's one stylesheet and one script, served from the app itself (`/assets/…`) so that the
 * Content-Security-Policy can forbid every inline script and style.
 */

export const css = `
:root { --red: #b71c1c; --red-soft: #fdecea; --ink: #1f2328; --muted: #5f6b76; --line: #d8dee4; --bg: #f6f7f9;
  --ok: #1b7f3b; --ok-soft: #e6f4ea; --warn: #9a6700; --warn-soft: #fff4d6; --open: #eef1f4; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif;
  color: var(--ink); background: var(--bg); line-height: 1.55; font-size: 15px; }
a { color: #0b57d0; }
header.top { background: var(--red); color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
header.top .brand { font-weight: 700; font-size: 1.1rem; color: #fff; text-decoration: none; }
header.top .school { opacity: .9; font-size: .9rem; }
header.top form.role { margin-left: auto; display: flex; gap: .4rem; align-items: center; font-size: .9rem; }
header.top select, header.top button { font: inherit; padding: .2rem .4rem; border-radius: 4px; border: 1px solid #fff8; }
nav.main { background: #fff; border-bottom: 1px solid var(--line); overflow-x: auto; white-space: nowrap; }
nav.main a { display: inline-block; padding: .6rem .8rem; text-decoration: none; color: var(--ink); border-bottom: 3px solid transparent; }
nav.main a.active { border-bottom-color: var(--red); color: var(--red); font-weight: 600; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.35rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 0 0 .6rem; }
h3 { font-size: 1rem; margin: .8rem 0 .4rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin-bottom: 1rem; min-width: 0; }
.muted { color: var(--muted); font-size: .9rem; }
.small { font-size: .85rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: #fafbfc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
.chip { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; border: 1px solid transparent; white-space: nowrap; }
.chip.met { background: var(--ok-soft); color: var(--ok); }
.chip.gap { background: var(--red-soft); color: var(--red); }
.chip.open { background: var(--open); color: var(--muted); }
.chip.notRequired { background: #fff; color: var(--muted); border-color: var(--line); }
.chip.violation { background: var(--red-soft); color: var(--red); }
.chip.warning { background: var(--warn-soft); color: var(--warn); }
.chip.reminder { background: var(--open); color: var(--muted); }
.chip.flag { background: var(--warn-soft); color: var(--warn); }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { padding: .4rem 0; border-bottom: 1px solid var(--line); }
ul.plain li:last-child { border-bottom: 0; }
.stat { display: flex; gap: 1rem; flex-wrap: wrap; }
.stat div { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .5rem .8rem; flex: 0 1 8rem; }
.stat b { display: block; font-size: 1.4rem; }
.alert { border-radius: 8px; padding: .7rem 1rem; margin: 0 0 1rem; border: 1px solid; overflow-wrap: anywhere; }
.board .alert { padding: .5rem .6rem; margin: .4rem 0; font-size: .85rem; }
.alert.error { background: var(--red-soft); border-color: #f3b6b0; color: #7f1010; }
.alert.ok { background: var(--ok-soft); border-color: #a8d5b5; color: #124d26; }
.alert .rule { display: block; font-size: .85rem; margin-top: .3rem; }
form.stack label { display: block; margin: .6rem 0 .2rem; font-weight: 600; }
input, select, textarea, button { font: inherit; }
input[type=text], input[type=date], input[type=number], select, textarea { padding: .35rem .5rem; border: 1px solid #aab4be; border-radius: 4px; max-width: 100%; }
input[type=number] { width: 6rem; }
.field-error { color: var(--red); font-size: .85rem; margin-top: .2rem; }
input.invalid, select.invalid { border-color: var(--red); background: var(--red-soft); }
button.primary { background: var(--red); color: #fff; border: 0; border-radius: 6px; padding: .5rem 1.1rem; cursor: pointer; }
button.secondary { background: #fff; color: var(--ink); border: 1px solid #aab4be; border-radius: 6px; padding: .35rem .8rem; cursor: pointer; }
.row { display: flex; gap: .6rem; flex-wrap: wrap; align-items: flex-end; }
.row > div { min-width: 8rem; }
.quorum { margin: .8rem 0; padding: .6rem .8rem; border-radius: 6px; background: var(--open); }
.quorum.ok { background: var(--ok-soft); color: var(--ok); }
.quorum.short { background: var(--red-soft); color: var(--red); }
.board { display: grid; grid-template-columns: repeat(4, minmax(200px, 1fr)); gap: .8rem; overflow-x: auto; }
.board .column { background: #eef1f4; border-radius: 8px; padding: .6rem; min-width: 200px; }
.board .column h2 { font-size: .95rem; display: flex; justify-content: space-between; }
.board .person { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; margin-bottom: .5rem; }
.board .person .name { font-weight: 600; }
.board .person details { margin-top: .3rem; }
.board .person form { margin-top: .4rem; display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
.board .person form > select { flex: 1 1 100%; }
.board .person form > input[type=date] { flex: 1 1 8rem; min-width: 0; }
.board .person form details { flex: 1 1 100%; }
.board .person form details select, .board .person form details input { width: 100%; margin-bottom: .3rem; }
.overdue { color: var(--red); font-weight: 600; }
svg text { font-family: inherit; }
.heat td { text-align: center; padding: .25rem; min-width: 2.2rem; }
.heat td.label, .heat th.label { text-align: left; white-space: nowrap; }
.heat .cell { display: block; border-radius: 4px; padding: .1rem 0; font-size: .8rem; }
.heat .cell.met { background: #7cc68f; color: #0c3d1b; }
.heat .cell.gap { background: #e57368; color: #fff; }
.heat .cell.open { background: #e3e8ed; color: var(--muted); }
.heat .cell.notRequired { background: #fff; color: #c0c7cf; }
table.plan { table-layout: fixed; }
table.plan td:nth-child(1) { width: 6.5rem; }
table.plan td:nth-child(2) { width: 5.5rem; }
table.plan td:nth-child(4) { width: 7rem; }
@media (max-width: 640px) { table.plan td:nth-child(1) { width: 4.5rem; } table.plan td:nth-child(2) { width: 4.8rem; } }
.legend { display: flex; gap: .8rem; flex-wrap: wrap; font-size: .85rem; margin-top: .5rem; }
footer.foot { max-width: 1100px; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 640px) {
  body { font-size: 14px; }
  main { padding: .6rem; }
  header.top form.role { margin-left: 0; width: 100%; }
  .grid { grid-template-columns: 1fr; }
  .board { grid-template-columns: 1fr; }
  .board .column { min-width: 0; }
  .stat { gap: .5rem; }
  .stat div { flex: 1 1 30%; min-width: 0; padding: .4rem .5rem; }
  .stat b { font-size: 1.2rem; }
  th, td { padding: .3rem .25rem; }
  .hide-phone { display: none; }
}
@media print {
  header.top, nav.main, .no-print, footer.foot { display: none !important; }
  body { background: #fff; font-size: 12pt; }
  .card { border: 0; padding: 0; }
  main { max-width: none; padding: 0; }
}
`

export const script = `
(function () {
  // The role switcher submits itself when a role is chosen.
  document.querySelectorAll("form.role select").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
  });
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  // The meeting form: the quorum and each resolution's threshold, checked as the form is filled.
  var form = document.querySelector("form[data-quorum-min]");
  if (!form) return;
  var min = Number(form.getAttribute("data-quorum-min"));
  var due = Number(form.getAttribute("data-quorum-due"));
  var passMin = Number(form.getAttribute("data-pass-min"));
  var who = form.getAttribute("data-quorum-who") || "";
  var box = form.querySelector(".quorum");
  function present() {
    var n = 0;
    form.querySelectorAll("select[data-counts]").forEach(function (s) { if (s.value === "present") n++; });
    return n;
  }
  function update() {
    var p = present();
    var ok = p >= min;
    if (box) {
      box.className = "quorum " + (ok ? "ok" : "short");
      box.textContent = who + "应到 " + due + " 人，已到 " + p + " 人；须至少 " + min + " 人" + (ok ? "，已达到法定人数。" : "，还差 " + (min - p) + " 人。");
    }
    form.querySelectorAll("[data-resolution]").forEach(function (r) {
      var yes = Number((r.querySelector("input[name=resolutionYes]") || {}).value || 0);
      var passed = (r.querySelector("input[name=resolutionPassed]") || {}).checked;
      var titled = ((r.querySelector("input[name=resolutionTitle]") || {}).value || "").trim() !== "";
      var hint = r.querySelector(".pass-hint");
      if (!hint || !(passMin > 0)) return;
      if (!passed || !titled) { hint.textContent = ""; hint.className = "pass-hint muted"; return; }
      var enough = yes >= passMin;
      hint.className = "pass-hint " + (enough ? "muted" : "field-error");
      hint.textContent = enough ? "赞成票已达到通过所需的 " + passMin + " 票。" : "赞成 " + yes + " 票，不足通过所需的 " + passMin + " 票，不能记为通过。";
    });
  }
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
})();
`
