// extract serve: move through the facts with j/k, decide with a/r/c; every decision is POSTed at once.
"use strict";
(function () {
  const facts = new Map(JSON.parse(document.getElementById("fact-data").textContent).map((f) => [f.id, f]));
  const rows = Array.from(document.querySelectorAll("#fact-table tr.fact-row"));
  const form = document.getElementById("form");
  const status = document.getElementById("status");
  const filters = Array.from(document.querySelectorAll("select[data-filter]"));
  let current = null;

  const STATES = ["unreviewed", "accepted", "rejected", "corrected", "needs_rereview"];

  function figure(value, low, high) {
    if (value !== null && value !== undefined) return String(value);
    if (low !== null && high !== null) return low + "–" + high;
    if (low !== null) return "≥ " + low;
    if (high !== null) return "≤ " + high;
    return "";
  }

  function marks(id) {
    return document.querySelectorAll('mark.fig[data-fact="' + CSS.escape(id) + '"]');
  }

  function paint(fact) {
    const row = rows.find((r) => r.dataset.fact === fact.id);
    const shown = fact.corrected || fact;
    row.querySelector(".value").textContent = figure(shown.value, shown.low, shown.high) +
      (shown.qualifier && shown.qualifier !== "exact" ? " (" + shown.qualifier + ")" : "");
    row.querySelector(".unit").textContent = shown.unit || "";
    row.querySelector(".state").textContent = fact.review;
    for (const mark of marks(fact.id)) {
      mark.title = (fact.page ? "page " + fact.page + " · " : "") + fact.review;
    }
    for (const el of [row, ...marks(fact.id)]) {
      STATES.forEach((s) => el.classList.remove(s));
      el.classList.add(fact.review);
    }
  }

  function visibleRows() {
    return rows.filter((r) => r.style.display !== "none");
  }

  function select(row) {
    if (current) {
      current.classList.remove("selected");
      marks(current.dataset.fact).forEach((m) => m.classList.remove("selected"));
    }
    current = row;
    if (!row) return;
    row.classList.add("selected");
    row.scrollIntoView({ block: "nearest" });
    const found = marks(row.dataset.fact);
    found.forEach((m) => m.classList.add("selected"));
    if (found.length) found[0].scrollIntoView({ block: "center" });
  }

  function move(step) {
    const visible = visibleRows();
    if (!visible.length) return select(null);
    const at = visible.indexOf(current);
    const next = at < 0 ? (step > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + step));
    select(visible[next]);
  }

  function applyFilters() {
    const chosen = filters.map((s) => [s.dataset.filter, s.value]).filter(([, v]) => v);
    for (const row of rows) {
      const fact = facts.get(row.dataset.fact);
      const keep = chosen.every(([key, v]) => (Array.isArray(fact[key]) ? fact[key].includes(v) : String(fact[key]) === v));
      row.style.display = keep ? "" : "none";
    }
    if (current && current.style.display === "none") select(null);
  }

  async function decide(body) {
    const id = current.dataset.fact;
    status.textContent = "saving…";
    const answer = await fetch("/api/reviews", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.assign({ fact_id: id }, body)),
    });
    const data = await answer.json();
    if (!answer.ok) {
      status.textContent = "";
      throw new Error(data.error || answer.statusText);
    }
    facts.set(id, data);
    paint(data);
    status.textContent = id + ": " + data.review;
    return data;
  }

  function openForm() {
    const fact = facts.get(current.dataset.fact);
    const shown = fact.corrected || fact;
    form.reset();
    document.getElementById("form-quote").textContent = "“" + fact.quote + "”";
    document.getElementById("form-error").textContent = "";
    // left empty: a unit in the figure ("200-300 families") is taken, else the fact keeps its own
    form.elements.unit.placeholder = (shown.unit || "no unit") + " (unchanged)";
    form.classList.add("open");
    form.elements.figure.focus();
  }

  function closeForm() {
    form.classList.remove("open");
    document.activeElement.blur();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { decision: "correct" };
    for (const name of ["figure", "qualifier", "low", "high", "unit", "note"]) body[name] = form.elements[name].value;
    try {
      await decide(body);
      closeForm();
    } catch (error) {
      document.getElementById("form-error").textContent = error.message;
    }
  });
  document.getElementById("form-cancel").addEventListener("click", closeForm);

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") return closeForm();
    const typing = event.target.closest && event.target.closest("input, select, textarea");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const act = { j: () => move(1), k: () => move(-1) };
    if (current) {
      act.a = () => decide({ decision: "accept" }).catch((e) => (status.textContent = e.message));
      act.r = () => decide({ decision: "reject" }).catch((e) => (status.textContent = e.message));
      act.c = openForm;
    }
    if (act[event.key]) {
      event.preventDefault();
      act[event.key]();
    }
  });

  rows.forEach((row) => row.addEventListener("click", () => select(row)));
  document.querySelectorAll("mark.fig").forEach((mark) =>
    mark.addEventListener("click", () => select(rows.find((r) => r.dataset.fact === mark.dataset.fact)))
  );
  filters.forEach((s) => s.addEventListener("change", applyFilters));
  facts.forEach(paint);
})();
