"""Reading the output of `mtasts stats` (docs/stats.md: summary.json, csv/<table>.csv) for the notebooks.

Only pandas and the standard library: Debian's Python here has no pyarrow, so the CSV copy of every table is
the one the notebooks read. Nothing in here computes a statistic; it loads, labels and selects.
"""
import json
import os
from pathlib import Path

import pandas as pd

# Columns that look numeric in some scans (a scan id such as 20261128, a TLD such as "1") but are labels.
_TEXT_COLUMNS = {
    "scan_date", "scan_id", "list", "scope", "scope_value", "code", "severity", "rfc", "reason", "risk",
    "outcome", "outcome_lenient", "mode", "coverage", "bucket", "population", "tlsrpt", "fetch_status",
    "provider", "network", "kind", "from_value", "to_value", "domain", "previous_sts_id", "current_sts_id",
}


def repo_root(start=None):
    """The checkout holding this notebook: the kernel runs in notebooks/, an editor may start it at the root."""
    here = Path(start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "pom.xml").exists() and (candidate / "notebooks").is_dir():
            return candidate
    return here


def find_summaries(root):
    """Every summary.json below root, oldest first by modification time."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(root.rglob("summary.json"), key=lambda p: p.stat().st_mtime)


def resolve_stats_dir(repo):
    """$MTASTS_STATS_DIR, else the most recently written stats output under <repo>/data/stats/."""
    configured = os.environ.get("MTASTS_STATS_DIR")
    if configured:
        path = Path(configured).expanduser()
        return path if path.is_absolute() else (repo / path)
    found = find_summaries(repo / "data" / "stats")
    if not found:
        raise FileNotFoundError(
            "no stats output: set MTASTS_STATS_DIR or run scripts/mtasts stats <scan dir> (writes data/stats/...)")
    return found[-1].parent


def load_summary(stats_dir):
    path = Path(stats_dir) / "summary.json"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: MTASTS_STATS_DIR must name an output folder of mtasts stats")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def scan_label(scan_date, scan_id, list_label):
    return f"{scan_date} {scan_id} ({list_label})"


def load_table(stats_dir, name):
    """One table as a DataFrame with a `scan` label column; None when the table was not written (e.g. changes
    without --previous). Empty CSV fields are the contract's nulls; nothing else is read as missing, so values such
    as NONE, none or the TLD na stay strings."""
    path = Path(stats_dir) / "csv" / f"{name}.csv"
    if not path.exists():
        return None
    header = pd.read_csv(path, nrows=0).columns
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""],
                        dtype={c: str for c in header if c in _TEXT_COLUMNS})
    frame.insert(0, "scan", [scan_label(d, i, l) for d, i, l in
                             zip(frame["scan_date"], frame["scan_id"], frame["list"])])
    return frame


# Written by every stats run; changes and change_domains only with --previous.
REQUIRED_TABLES = (
    "adoption", "findings", "severities", "misconfiguration", "delivery_risk", "outcome_flips", "mx_coverage",
    "max_age", "tlsrpt", "fetch_status", "undetermined", "policy_hosting", "policy_host_networks", "mail_providers",
)
OPTIONAL_TABLES = ("changes", "change_domains")


def load_tables(stats_dir, summary):
    """Every table of the contract that summary.json lists, by name; a missing mandatory table fails here with
    its path rather than later in a plot."""
    tables = {name: load_table(stats_dir, name) for name in (*REQUIRED_TABLES, *OPTIONAL_TABLES)}
    missing = [name for name in REQUIRED_TABLES if tables[name] is None]
    if missing:
        raise FileNotFoundError(f"{stats_dir}/csv/ lacks {', '.join(missing)}.csv: not a complete mtasts stats output")
    return {name: frame for name, frame in tables.items() if frame is not None}


def headlines(summary):
    """The headline block of every scan in summary.json, one row per scan."""
    rows = []
    for scan in summary.get("scans", []):
        row = {"scan": scan_label(scan["scan_date"], scan["scan_id"], scan["list"]),
               "scan_date": scan["scan_date"], "scan_id": scan["scan_id"], "list": scan["list"]}
        row.update(scan.get("headline", {}))
        rows.append(row)
    return pd.DataFrame(rows)


def wide(frame, index, value, scans=None, order=None):
    """index x scan matrix of one value column; rows in the given order, else in the order the stats wrote them."""
    if frame is None or frame.empty:
        return pd.DataFrame()
    table = frame.pivot_table(index=index, columns="scan", values=value, aggfunc="first", dropna=False)
    order = list(order) if order is not None else list(dict.fromkeys(frame[index]))
    columns = [s for s in (scans or list(dict.fromkeys(frame["scan"]))) if s in table.columns]
    return table.reindex(index=order, columns=columns)


def plottable(frame):
    """False when there is nothing to draw (no rows, or every value null because a denominator was 0)."""
    return frame is not None and not frame.empty and not frame.dropna(how="all").empty \
        and frame.select_dtypes("number").notna().any().any()
