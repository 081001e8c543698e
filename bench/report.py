"""Turns the raw results of bench/run.sh into docs/benchmarks.md and the chart docs/benchmarks.svg.

    python3 bench/report.py bench/results/STAMP [--md docs/benchmarks.md] [--svg docs/benchmarks.svg]
    python3 bench/report.py --slow-table bench/results/slow-client-STAMP.jsonl

A results folder holds meta.json (the machine, the tools, the settings), servers.jsonl (one line per server: start-up
time, memory, command), cells.jsonl (one line per wrk run, with the JSON that bench/report.lua printed) and, when the
demonstration ran, slow-client.jsonl, and idle.jsonl when the idle connections were held. Only the standard library: the machine has no pip packages.
"""
import argparse
import html
import json
import os
import re
import statistics
import sys
from pathlib import Path

SCENARIOS = {
    "small-keepalive": ("Small page, keep-alive, 64 connections", "small"),
    "small-close": ("Small page, `Connection: close`, 16 connections", "small"),
    "image-keepalive": ("Image, keep-alive, 64 connections", "image"),
    "large": ("1 MB file, 16 connections", "large"),
    "small-1000": ("Small page, 1000 connections", "small"),
}
COLOURS = {"stage": "#4c78a8", "nginx": "#54a24b", "jwebserver": "#f58518"}
ERROR_KINDS = ("connect", "read", "write", "timeout")


def read_lines(path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def rate(wrk):
    return wrk["requests"] / wrk["duration_us"] * 1e6 if wrk and wrk["duration_us"] else 0.0


# --- numbers --------------------------------------------------------------------------------------------------------

class Cell:
    """Every run of one server in one scenario."""

    def __init__(self, runs):
        self.runs = runs
        measured = [r["wrk"] for r in runs if r["wrk"]]
        self.failed_runs = len(runs) - len(measured)
        self.rates = [rate(w) for w in measured]
        self.median = statistics.median(self.rates) if self.rates else None
        answered = [w for w in measured if w["requests"] > 0]
        self.p50 = statistics.median(w["latency_us"]["p50"] for w in answered) if answered else None
        self.p99 = statistics.median(w["latency_us"]["p99"] for w in answered) if answered else None
        self.errors = {k: sum(w["errors"][k] for w in measured) for k in ERROR_KINDS}
        self.non_2xx = sum(w["errors"]["status"] for w in measured)
        self.requests = sum(w["requests"] for w in measured)
        self.notes = sorted({r["note"] for r in runs if r.get("note")})


def kind(server):
    return server if server in ("nginx", "jwebserver") else "stage"


def fmt_rate(value):
    return "—" if value is None else f"{value:,.0f}"


def fmt_ratio(value, reference):
    if value is None or not reference:
        return "—"
    ratio = value / reference
    return f"{ratio:.2f}×" if ratio >= 0.01 or ratio == 0 else f"{ratio:.3f}×"


def fmt_latency(us):
    if us is None:
        return "—"
    if us < 1000:
        return f"{us:.0f} µs"
    if us < 1_000_000:
        return f"{us / 1000:.1f} ms" if us < 100_000 else f"{us / 1000:.0f} ms"
    return f"{us / 1e6:.2f} s"


def fmt_errors(errors):
    parts = [f"{kind} {count:,}" for kind, count in errors.items() if count]
    return ", ".join(parts) if parts else "0"


def fmt_kib(kib):
    return "—" if not kib else f"{kib / 1024:.0f} MiB"


def fmt_bytes(n):
    n = int(n)
    return f"{n / 1048576:.2f} MiB" if n >= 1048576 else f"{n / 1024:.1f} KiB" if n >= 1024 else f"{n} bytes"


# --- the markdown report --------------------------------------------------------------------------------------------

def table(header, rows, align=None):
    align = align or ["l"] + ["r"] * (len(header) - 1)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def slow_table(slow):
    by = {}
    for line in slow:
        by.setdefault(line["server"], {})[line["phase"]] = line["wrk"]
    rows = []
    for server, phases in by.items():
        alone, held = phases.get("alone"), phases.get("with-slow-client")
        a, h = rate(alone), rate(held)
        rows.append([f"`{server}`", fmt_rate(a) if alone else "—", fmt_rate(h) if held else "—",
                     f"{h / a:.0%}" if alone and held and a else "—",
                     f"{held['requests']:,}" if held else "—",
                     fmt_errors({k: held["errors"][k] for k in ERROR_KINDS}) if held else "—"])
    return table(["Server", "req/s alone", "req/s with one slow client", "kept", "responses with the slow client",
                  "socket errors"], rows)


def replace_paths(text, meta):
    text = re.sub(r"/tmp/lowweb-bench\.\w+", "$TMP", text)
    repo = meta.get("repo_dir")
    return text.replace(repo + "/", "") if repo else text


def markdown(results, meta, servers, cells, slow, svg_name, idle=()):
    names = [s["server"] for s in servers if any(c["server"] == s["server"] for c in cells)]
    scenarios = [s for s in SCENARIOS if any(c["scenario"] == s for c in cells)]
    grid = {(sc, n): Cell([c for c in cells if c["scenario"] == sc and c["server"] == n])
            for sc in scenarios for n in names}
    repeats = int(meta["repeats"])
    sizes = {"small": (meta["small_path"], meta["small_bytes"]), "image": (meta["image_path"], meta["image_bytes"]),
             "large": (meta["large_path"], meta["large_bytes"])}
    out = []
    w = out.append
    w("# Benchmarks: every stage against nginx and jwebserver\n")
    w(f"Generated by [`bench/run.sh`](../bench/run.sh) on {meta['date']}; do not edit by hand, run it again "
      "(see [bench/README.md](../bench/README.md)). Requests per second are the median of "
      f"{repeats} run{'s' if repeats != 1 else ''} of {meta['duration_s']} s each; **× nginx** divides by nginx's "
      "median from the same run.\n")
    if meta.get("note"):
        w(f"> **Note.** {meta['note']}\n")
    w(f"![Requests per second of every server in each scenario]({svg_name})\n")

    w("## Summary: requests per second (× nginx)\n")
    rows = []
    for n in names:
        row = [f"`{n}`"]
        for sc in scenarios:
            cell, ref = grid[(sc, n)], grid.get((sc, "nginx"))
            row.append(f"{fmt_rate(cell.median)} ({fmt_ratio(cell.median, ref.median if ref else None)})")
        rows.append(row)
    w(table(["Server"] + [SCENARIOS[sc][0] for sc in scenarios], rows) + "\n")
    w(reading_notes(names, grid, scenarios))

    w("## Scenarios\n")
    w("Latencies are wrk's percentiles of the requests that were answered (median over the runs); a request that "
      f"got no answer within {meta.get('wrk_timeout', '4s')} is a *timeout* error instead. Socket errors and "
      "non-2xx/3xx responses are summed over all runs.\n")
    for sc in scenarios:
        title, file = SCENARIOS[sc]
        path, size = sizes[file]
        w(f"### {title}\n")
        w(f"`{path}` ({fmt_bytes(size)}), {cells_of(cells, sc)[0]['connections']} connections.\n")
        ref = grid.get((sc, "nginx"))
        rows = []
        for n in names:
            c = grid[(sc, n)]
            each = ", ".join(fmt_rate(r) for r in c.rates) or "—"
            if c.failed_runs:
                each += f" ({c.failed_runs} run{'s' if c.failed_runs > 1 else ''} failed: {'; '.join(c.notes)})"
            rows.append([f"`{n}`", f"**{fmt_rate(c.median)}**", fmt_ratio(c.median, ref.median if ref else None),
                         each, fmt_latency(c.p50), fmt_latency(c.p99), fmt_errors(c.errors), f"{c.non_2xx:,}"])
        w(table(["Server", "req/s (median)", "× nginx", "each run", "p50", "p99", "socket errors", "non-2xx/3xx"],
                rows) + "\n")

    if slow:
        w("## One slow client: why stage 5 has threads\n")
        d = slow[0]
        w(f"wrk on `{meta['small_path']}` with {d['connections']} connections for {d['duration_s']} s, first alone, "
          "then while [one slow client](../bench/slow_client.py) holds a connection open: it sends half a request "
          "head and then one more byte every 2 s, so the head never ends and a time-out per read never fires. A "
          "server that serves one client at a time waits for that client and answers nobody else until it gives up "
          "on it; a server with a thread (or an event loop) per connection serves the others as before. wrk counts "
          "a *timeout* only when a late answer finally comes, so requests that never get one show up as no "
          "responses rather than as errors. Each server runs alone here, freshly started and warmed up for "
          f"{d.get('warmup_s', 'a few')} s; a JIT still warming up can make the second figure the higher one. "
          "Run it alone with `bench/slow-client.sh`.\n")
        w(slow_table(slow) + "\n")

    if idle:
        w(idle_section(idle, meta))

    w("## Memory and start-up\n")
    w("Start-up is the time from starting the process to its first `200` answer for the small page, asked for every "
      "millisecond by [a probe](../bench/first_response.py) that was ready before the server started. Memory is the "
      "resident set (`VmRSS`) after the last run of the scenarios above, before the idle connections, and its peak "
      "(`VmHWM`), from `/proc/PID/status`; for nginx, master and worker added up.\n")
    rows = [[f"`{s['server']}`", f"{s['startup_ms']} ms" if s["startup_ms"] is not None else "did not start",
             fmt_kib(s["rss_kib"]), fmt_kib(s["hwm_kib"]), s["note"] or ("" if s["alive_at_end"] else "had exited")]
            for s in servers]
    w(table(["Server", "start-up", "RSS at end", "peak RSS", "note"], rows, ["l", "r", "r", "r", "l"]) + "\n")

    w("## Machine and method\n")
    w(f"- Date: {meta['date']}")
    w(f"- CPU: {meta['cpu_model']}, {meta['cpus']} cores; memory {meta['memory']}; kernel {meta['kernel']}")
    w(f"- Load average (1, 5, 15 min): {meta['load_before']} before, {meta['load_after']} after")
    w(f"- JDK: {meta['jdk_version']} (`{meta['jdk_home']}`), default JVM options")
    w(f"- {meta['nginx_version'].replace('/', ' ')}; {meta['wrk_version']}")
    w(f"- Every server is pinned to CPU {meta['server_cpu']} and wrk (one thread) to CPU {meta['client_cpu']} with "
      "`taskset`, so client and server never take turns on one core; a JVM pinned to one CPU also sizes its "
      "garbage collector and thread pools for one CPU, as nginx runs one worker.")
    w(f"- All servers run at once, idle while another is measured; each repetition goes through every scenario and "
      f"server in turn, so a busy moment on the machine is spread over all of them. {meta['warmup_s']} s of wrk "
      f"per file warms each server up first; {meta['pause']} s of rest between runs.")
    failures = results / "check-failures.txt"
    if failures.exists():
        w("- The files come from a temporary copy of `shared-site/`. **Before measuring, some answers were not `200` "
          "with the file's exact size:** " + "; ".join(failures.read_text().splitlines()))
    else:
        w("- The files come from a temporary copy of `shared-site/`; every server answered each of them with `200` "
          "and the file's exact size before it was measured.")
    if meta.get("skipped", "").strip():
        w(f"- Left out (no jar or did not start): {meta['skipped'].strip()}")
    w(f"- Raw results: `{os.path.relpath(results, meta.get('repo_dir') or '.')}` (not committed)\n")
    w("Load generator, for each scenario and server:\n")
    w("```sh\n" + meta["wrk_cmd"] + "\n```\n")
    w("Servers (`$TMP` is the temporary folder):\n")
    w("```sh\n" + "\n".join(replace_paths(s["command"], meta) for s in servers if s["command"]) + "\n```\n")
    for config in sorted((results / "config").glob("*")):
        server, _, name = config.name.partition(".")
        w(f"`{server}`: `{name}`\n")
        lang = "nginx" if config.name.endswith(".conf") else "json"
        w(f"```{lang}\n" + replace_paths(config.read_text().strip(), meta) + "\n```\n")
    return "\n".join(out)


def idle_section(idle, meta):
    """The idle connections: how many a server held, what each cost it in memory, and whether others were served."""
    count = idle[0]["connections"]
    out = ["## Idle keep-alive connections\n",
           f"After the scenarios, [a client](../bench/idle.py) opens {count:,} connections to each server, at most 500 "
           f"at a time, makes one keep-alive request for `{meta['small_path']}` on each and holds them all idle. "
           f"Meanwhile wrk asks for the same page on 16 other connections for {idle[0]['load_seconds']} s. *Held* "
           "counts the connections answered with `200` and still open when all were made; *open after* those still "
           "open after wrk's run (a server may close an idle connection after its keep-alive time-out). *Per idle "
           "connection* is the growth of the resident set while they are held, divided by the connections held; "
           "it leaves out the kernel's memory for the sockets, which is the same for every server.\n"]
    rows = []
    for entry in idle:
        held, after, wrk = entry["held"] or {}, entry["after"] or {}, entry["wrk"]
        open_now = held.get("open", 0)
        growth = (entry["rss_holding_kib"] - entry["rss_before_kib"]) * 1024
        per = fmt_bytes(growth / open_now) if open_now and growth > 0 else "—"
        others = fmt_rate(rate(wrk)) if wrk else "—"
        failures = (f"{sum(wrk['errors'][k] for k in ERROR_KINDS):,} / {wrk['errors']['status']:,}" if wrk else "—")
        rows.append([f"`{entry['server']}`", f"{held.get('answered', 0):,} of {count:,}", f"{open_now:,}",
                     f"{after.get('open', 0):,}", fmt_kib(entry["rss_before_kib"]), fmt_kib(entry["rss_holding_kib"]),
                     per, others, failures])
    out.append(table(["Server", "answered", "held", "open after", "RSS before", "RSS holding", "per idle connection",
                      "others: req/s", "others: socket errors / non-2xx"], rows,
                     ["l", "r", "r", "r", "r", "r", "r", "r", "r"]) + "\n")
    return "\n".join(out)


def reading_notes(names, grid, scenarios):
    """What a reader needs to know to not misread this run's table; each only when it applies."""
    notes = ["The stages before stage 6 close the connection after every response, so in the keep-alive scenarios "
             "wrk opens a new connection for each of their requests. Stages 2–4 also serve one client at a time: "
             "the other connections wait in the kernel's accept queue (backlog 50). wrk starts a request's latency "
             "clock when it writes the request, so time spent waiting to connect lowers requests per second but "
             "is not in p99."]
    stage2 = [sc for sc in scenarios if (sc, "stage2-http") in grid and grid[(sc, "stage2-http")].errors["read"]]
    if stage2:
        notes.append("`stage2-http` sends no `Content-Length`: its body ends where the connection ends (RFC 9112 "
                     "§6.3). wrk counts that end as a *read* error after each complete response, so its read errors "
                     "are about as many as its requests and are not failures.")
    if "jwebserver" in names:
        notes.append("jwebserver runs as shipped. The JDK's HTTP server leaves Nagle's algorithm on (unless started "
                     "with `-J-Dsun.net.httpserver.nodelay=true`), so on a kept-alive connection a response can wait "
                     "for the client's delayed ACK, about 40 ms: that is its p50 with keep-alive.")
    return "### Reading the numbers\n\n" + "\n".join(f"- {n}" for n in notes) + "\n"


def cells_of(cells, scenario):
    return [c for c in cells if c["scenario"] == scenario]


# --- the chart ------------------------------------------------------------------------------------------------------

def nice_scale(value):
    """The end of the axis and the step between grid lines: a round step, at most six of them."""
    if value <= 0:
        return 1, 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (m * magnitude / 10 for m in (1, 2, 2.5, 5, 10, 20, 25, 50, 100)):
        lines = -(-value // step)
        if lines <= 6:
            return lines * step, step
    return value, value


def svg_chart(meta, servers, cells, slow):
    names = [s["server"] for s in servers if any(c["server"] == s["server"] for c in cells)]
    scenarios = [s for s in SCENARIOS if any(c["scenario"] == s for c in cells)]
    label_w, bar_w, value_w, bar_h, gap = 210, 520, 170, 16, 5
    width = label_w + bar_w + value_w + 20
    parts, y = [], 74

    def text(x, y, s, size=12, anchor="start", weight="normal", fill="#222"):
        parts.append(f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
                     f'fill="{fill}">{html.escape(s)}</text>')

    def panel(title, rows, reference):
        """rows: (label, colour, median, each run, value text)."""
        nonlocal y
        text(10, y, title, 14, weight="bold")
        y += 12
        top, step = nice_scale(max([r[2] or 0 for r in rows] + [max(r[3] or [0]) for r in rows]))
        height = len(rows) * (bar_h + gap)
        tick = 0.0
        while tick <= top + 1e-9:
            x = label_w + bar_w * tick / top
            parts.append(f'<line x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + height}" stroke="#ddd"/>')
            text(x, y + height + 12, f"{tick:,.0f}", 10, "middle", fill="#666")
            tick += step
        for label, colour, median, each, value in rows:
            text(label_w - 8, y + bar_h - 4, label, 12, "end")
            length = bar_w * (median or 0) / top
            parts.append(f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_h}" fill="{colour}"/>')
            for r in each:
                x = label_w + bar_w * r / top
                parts.append(f'<line x1="{x:.1f}" y1="{y + 2}" x2="{x:.1f}" y2="{y + bar_h - 2}" '
                             f'stroke="#000" stroke-width="1.5" opacity="0.6"/>')
            end = bar_w * max([median or 0] + each) / top
            text(label_w + end + 6, y + bar_h - 4, value, 11, fill="#333")
            y += bar_h + gap
        y += 40

    text(10, 22, "Requests per second: each stage, nginx and jwebserver (bar: median; ticks: each run)", 15,
         weight="bold")
    text(10, 38, f"{meta['date']} · {meta['cpu_model']} · server on 1 CPU, wrk on another · "
                 f"{meta['repeats']} × {meta['duration_s']} s per bar", 11, fill="#555")
    for sc in scenarios:
        ref = Cell(cells_of_server(cells, sc, "nginx")).median if "nginx" in names else None
        rows = []
        for n in names:
            c = Cell(cells_of_server(cells, sc, n))
            value = f"{fmt_rate(c.median)}" + (f"  ({fmt_ratio(c.median, ref)} nginx)" if ref else "")
            rows.append((n, COLOURS[kind(n)], c.median, c.rates, value))
        panel(SCENARIOS[sc][0].replace("`", ""), rows, ref)
    if slow:
        rows = []
        for line in slow:
            colour = COLOURS[kind(line["server"])] if line["phase"] == "alone" else "#b0413e"
            label = line["server"] + ("" if line["phase"] == "alone" else " + slow client")
            r = rate(line["wrk"])
            rows.append((label, colour, r, [], fmt_rate(r)))
        panel("Small page alone, then while one slow client holds a connection (red)", rows, None)
    height = y - 20
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">\n'
            f'<rect width="100%" height="100%" fill="#fff"/>\n' + "\n".join(parts) + "\n</svg>\n")


def cells_of_server(cells, scenario, server):
    return [c for c in cells if c["scenario"] == scenario and c["server"] == server]


# --- main -----------------------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="?", type=Path, help="a folder written by bench/run.sh")
    parser.add_argument("--md", type=Path, help="where to write the markdown report")
    parser.add_argument("--svg", type=Path, help="where to write the chart")
    parser.add_argument("--slow-table", type=Path, help="print the table of a slow-client.jsonl and stop")
    args = parser.parse_args()
    if args.slow_table:
        print(slow_table(read_lines(args.slow_table)))
        return
    if not args.results:
        parser.error("give a results folder")
    results = args.results.resolve()
    meta = json.loads((results / "meta.json").read_text())
    servers = read_lines(results / "servers.jsonl")
    cells = read_lines(results / "cells.jsonl")
    slow = read_lines(results / "slow-client.jsonl")
    if not cells:
        sys.exit(f"{results}: no measurements in cells.jsonl")
    md = args.md or results / "benchmarks.md"
    svg = args.svg or md.with_suffix(".svg")
    md.parent.mkdir(parents=True, exist_ok=True)
    svg.parent.mkdir(parents=True, exist_ok=True)
    svg.write_text(svg_chart(meta, servers, cells, slow))
    idle = read_lines(results / "idle.jsonl")
    md.write_text(markdown(results, meta, servers, cells, slow, os.path.relpath(svg, md.parent), idle))


if __name__ == "__main__":
    main()
