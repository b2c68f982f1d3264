#!/usr/bin/env python3
"""Generate src/Ooda.Knowledge/Data/attack.json, the ATT&CK catalogue Ooda.Knowledge embeds.

Rerun after the corpus changes (python3, standard library only), from the repository root:

    python3 tools/attack/generate-attack-table.py
    python3 tools/attack/generate-attack-table.py --corpus ../shared/corpus/mitre-attack --output src/Ooda.Knowledge/Data/attack.json

Inputs (see the corpus folder's DERIVED-FILES.md): enterprise-attack-tactics.csv and
enterprise-attack-techniques.csv (ATT&CK v18.1, MITRE's names and ids unchanged), cross-checked against
enterprise-attack-names.json; MITRE's copyright line from LICENSE.txt; and sigma-attack-v19-retag-crosswalk.csv
(how SigmaHQ re-tagged its rules for ATT&CK v19; Detection Rule License 1.1). Any inconsistency stops the
script; nothing is guessed.
The output is deterministic (sorted, fixed key order, LF, UTF-8), so a rerun on the same corpus is
byte-identical; tests/Ooda.Knowledge.Tests/Attack checks that the checked-in file equals a fresh run.
"""

import argparse
import csv
import json
import os
import re
import sys

TECHNIQUE_ID = re.compile(r"^T\d{4}(\.\d{3})?$")
TACTIC_ID = re.compile(r"^TA\d{4}$")
SHORT_NAME = re.compile(r"^[a-z]+(-[a-z]+)*$")
TECHNIQUE_URL = "https://attack.mitre.org/techniques/"
TACTIC_URL = "https://attack.mitre.org/tactics/"
NONE_ADDED = "(none added)"
COPYRIGHT = re.compile(r'^"(© \d{4} The MITRE Corporation\. .+)"$')


class DataError(Exception):
    pass


def fail(where, message):
    raise DataError(f"{where}: {message}")


def read_csv(path, required):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            fail(path, f"missing columns {missing}")
        return [(i + 2, row) for i, row in enumerate(reader)]  # line 1 is the header


def flag(path, line, value):
    if value not in ("True", "False"):
        fail(f"{path}:{line}", f"expected True/False, got {value!r}")
    return value == "True"


def read_tactics(path):
    tactics = []
    for line, row in read_csv(path, ["tactic_id", "name", "shortname", "matrix_order", "deprecated", "revoked", "url"]):
        where = f"{path}:{line}"
        tid, short = row["tactic_id"], row["shortname"]
        if not TACTIC_ID.match(tid) or not SHORT_NAME.match(short) or not row["name"]:
            fail(where, f"bad tactic row {row!r}")
        if row["url"] != TACTIC_URL + tid:
            fail(where, f"unexpected url {row['url']!r}")
        # The matrix of v18.1 has no retired tactics; a release that has them needs a schema change here.
        if flag(path, line, row["revoked"]) or flag(path, line, row["deprecated"]):
            fail(where, f"tactic {tid} is revoked or deprecated")
        tactics.append({"id": tid, "shortName": short, "name": row["name"], "matrixOrder": int(row["matrix_order"])})
    tactics.sort(key=lambda t: t["matrixOrder"])
    if [t["matrixOrder"] for t in tactics] != list(range(len(tactics))):
        fail(path, "matrix_order is not 0..n-1")
    for key in ("id", "shortName", "name"):
        if len({t[key] for t in tactics}) != len(tactics):
            fail(path, f"duplicate tactic {key}")
    return tactics


def read_techniques(path, tactic_order):
    techniques = {}
    rows = read_csv(path, ["technique_id", "name", "is_subtechnique", "parent_id", "tactics", "deprecated", "revoked", "revoked_by", "url"])
    for line, row in rows:
        where = f"{path}:{line}"
        tid = row["technique_id"]
        if not TECHNIQUE_ID.match(tid) or not row["name"]:
            fail(where, f"bad technique row {row!r}")
        if tid in techniques:
            fail(where, f"duplicate technique {tid}")
        parent = tid.split(".")[0] if "." in tid else None
        if flag(path, line, row["is_subtechnique"]) != (parent is not None) or (row["parent_id"] or None) != parent:
            fail(where, f"{tid}: is_subtechnique/parent_id disagree with the id")
        if row["url"] != TECHNIQUE_URL + tid.replace(".", "/"):
            fail(where, f"unexpected url {row['url']!r}")
        shorts = row["tactics"].split(";") if row["tactics"] else []
        for s in shorts:
            if s not in tactic_order:
                fail(where, f"{tid}: unknown tactic {s!r}")
        if len(set(shorts)) != len(shorts) or not shorts:
            fail(where, f"{tid}: tactics {row['tactics']!r}")
        revoked = flag(path, line, row["revoked"])
        revoked_by = row["revoked_by"] or None
        if revoked != (revoked_by is not None):
            fail(where, f"{tid}: revoked={revoked} but revoked_by={revoked_by!r}")
        item = {"id": tid, "name": row["name"]}
        if parent:
            item["parent"] = parent
        # Matrix order, not STIX kill-chain order, so displays list tactics left to right.
        item["tactics"] = sorted(shorts, key=lambda s: tactic_order[s])
        if revoked:
            item["revoked"] = True
            item["revokedBy"] = revoked_by
        if flag(path, line, row["deprecated"]):
            item["deprecated"] = True
        techniques[tid] = item
    for tid, item in techniques.items():
        if "parent" in item and item["parent"] not in techniques:
            fail(path, f"{tid}: parent {item['parent']} is missing")
        if "revokedBy" in item and item["revokedBy"] not in techniques:
            fail(path, f"{tid}: revoked by {item['revokedBy']}, which is missing")
    for tid in techniques:
        seen = {tid}
        current = techniques[tid]
        while "revokedBy" in current:
            nxt = current["revokedBy"]
            if nxt in seen:
                fail(path, f"{tid}: revoked-by cycle through {nxt}")
            seen.add(nxt)
            current = techniques[nxt]
    return [techniques[k] for k in sorted(techniques)]


def cross_check_names(path, tactics, techniques):
    with open(path, encoding="utf-8") as f:
        names = json.load(f)
    got = [(t["tactic_id"], t["name"], t["shortname"], t["matrix_order"]) for t in names["tactics"]]
    want = [(t["id"], t["name"], t["shortName"], t["matrixOrder"]) for t in tactics]
    if sorted(got) != sorted(want):
        fail(path, "tactics disagree with enterprise-attack-tactics.csv")
    if set(names["techniques"]) != {t["id"] for t in techniques}:
        fail(path, "technique ids disagree with enterprise-attack-techniques.csv")
    for t in techniques:
        n = names["techniques"][t["id"]]
        same = (n["name"] == t["name"] and (n["parent"] or None) == t.get("parent") and sorted(n["tactics"]) == sorted(t["tactics"])
                and bool(n["revoked"]) == t.get("revoked", False) and bool(n["deprecated"]) == t.get("deprecated", False)
                and (n["revoked_by"] or None) == t.get("revokedBy"))
        if not same:
            fail(path, f"{t['id']} disagrees with enterprise-attack-techniques.csv")
    return {"release": names["attack_release"], "source": names["source"], "commit": names["commit"]}


def read_copyright(path):
    # MITRE's terms ask for their copyright designation in every copy: take it verbatim from the ATT&CK license.
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = COPYRIGHT.match(line.strip())
            if m:
                return m.group(1)
    fail(path, "no MITRE copyright designation line")


def title_from_short_name(short):
    return " ".join(w.capitalize() for w in short.split("-"))


def read_crosswalk(path, tactics, techniques):
    by_id = {t["id"]: t for t in techniques}
    by_short = {t["shortName"]: t for t in tactics}
    rows, commits = [], set()
    v19_tactics = {}
    for line, row in read_csv(path, ["kind", "old_tag_v18", "old_name_v18_1", "new_tag_v19", "sigma_rule_files", "sigma_commit"]):
        where = f"{path}:{line}"
        kind, old, old_name, new = row["kind"], row["old_tag_v18"], row["old_name_v18_1"], row["new_tag_v19"]
        count = int(row["sigma_rule_files"])
        commits.add(row["sigma_commit"])
        if count <= 0:
            fail(where, f"rule file count {count}")
        if kind == "technique":
            if old not in by_id or by_id[old]["name"] != old_name:
                fail(where, f"{old} {old_name!r} is not a v18.1 technique")
            if not TECHNIQUE_ID.match(new) or new in by_id:
                fail(where, f"{new} is not a new (v19-only) technique id")
            rows.append({"kind": kind, "old": old, "oldName": old_name, "new": [new], "ruleFiles": count})
        elif kind == "tactic":
            if old not in by_short or by_short[old]["name"] != old_name:
                fail(where, f"{old} {old_name!r} is not a v18.1 tactic")
            added = [] if new == NONE_ADDED else new.split("+")
            for s in added:
                if not SHORT_NAME.match(s):
                    fail(where, f"bad tactic {s!r}")
                if s not in by_short:
                    v19_tactics.setdefault(s, {}).setdefault(old, 0)
                    v19_tactics[s][old] += count
            rows.append({"kind": kind, "old": old, "oldName": old_name, "new": sorted(added), "ruleFiles": count})
        else:
            fail(where, f"unknown kind {kind!r}")
    if len(commits) != 1:
        fail(path, f"expected one sigma_commit, got {sorted(commits)}")
    tactic_rows = []
    for short in sorted(v19_tactics):
        replaced = v19_tactics[short]
        if len(replaced) != 1:
            fail(path, f"v19 tactic {short} replaces several v18.1 tactics {sorted(replaced)}")
        old = next(iter(replaced))
        tactic_rows.append({"shortName": short, "name": title_from_short_name(short), "replaces": old, "ruleFiles": replaced[old]})
    rows.sort(key=lambda r: (r["kind"], r["old"], r["new"], r["ruleFiles"]))
    return rows, tactic_rows, commits.pop()


def build(corpus):
    tactics = read_tactics(os.path.join(corpus, "enterprise-attack-tactics.csv"))
    order = {t["shortName"]: t["matrixOrder"] for t in tactics}
    techniques = read_techniques(os.path.join(corpus, "enterprise-attack-techniques.csv"), order)
    attack = cross_check_names(os.path.join(corpus, "enterprise-attack-names.json"), tactics, techniques)
    attack["copyright"] = read_copyright(os.path.join(corpus, "LICENSE.txt"))
    crosswalk, v19_tactics, sigma_commit = read_crosswalk(os.path.join(corpus, "sigma-attack-v19-retag-crosswalk.csv"), tactics, techniques)
    return {
        "schema": 1,
        "description": "MITRE ATT&CK Enterprise tactics and techniques (ids, names, tactics, parent, revoked/deprecated), plus how SigmaHQ re-tagged its rules for ATT&CK v19. Generated; do not edit by hand.",
        "generatedBy": "tools/attack/generate-attack-table.py",
        "notice": "ATTACK-NOTICE.md",
        "attack": attack,
        "v19": {
            "source": f"sigma-attack-v19-retag-crosswalk.csv, derived from SigmaHQ/sigma commit {sigma_commit} by comparing each rule's attack.* tags before and after it",
            "sigmaCommit": sigma_commit,
            "license": "Detection Rule License (DRL) 1.1",
            "tacticNames": "v19 tactic names are the Sigma tag title-cased; the bundled data has no v19 tactic names or ids",
        },
        "tactics": tactics,
        "v19Tactics": v19_tactics,
        "techniques": techniques,
        "v19Crosswalk": crosswalk,
    }


def row(value):
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def render(table):
    # Scalars and small objects inline; one array element per line so diffs show one technique per line.
    out = ["{"]
    keys = list(table)
    for i, key in enumerate(keys):
        value = table[key]
        comma = "," if i < len(keys) - 1 else ""
        if isinstance(value, list):
            out.append(f"  {row(key)}: [")
            out.extend(f"    {row(v)}" + ("," if j < len(value) - 1 else "") for j, v in enumerate(value))
            out.append(f"  ]{comma}")
        else:
            out.append(f"  {row(key)}: {row(value)}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"


def main(argv):
    repo = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(repo, "..", "shared", "corpus", "mitre-attack"), help="the corpus mitre-attack folder")
    parser.add_argument("--output", default=os.path.join(repo, "src", "Ooda.Knowledge", "Data", "attack.json"), help="output file, or - for stdout")
    args = parser.parse_args(argv)
    try:
        text = render(build(args.corpus))
    except (DataError, OSError, KeyError, ValueError) as e:
        print(f"generate-attack-table: {e}", file=sys.stderr)
        return 1
    if args.output == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
