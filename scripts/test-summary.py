#!/usr/bin/env python3
"""Sums the TRX files under RESULTS (one folder per test project) into "N passed, N failed, N skipped".

Above that line, one "FAILED" line per failed test (project, test, first line of its message), per project that left
no results at all, and per aborted run (a crash, or a hang the blame collector ended) with the tests it cut off: CI
keeps only the tail of the output, so what failed must be named right there.
Used by ./build.sh test and scripts/test-loop.sh.
"""
import sys, pathlib, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
failures = []
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    root = ET.parse(trx).getroot()
    c = root.find("t:ResultSummary/t:Counters", ns)
    if c is None:
        continue
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
    # An aborted run (a crash, or a hang the blame collector ended) counts nothing: name it and the tests it cut off.
    errors = [i.findtext("t:Text", "", ns) for i in root.iterfind("t:ResultSummary/t:RunInfos/t:RunInfo", ns) if i.get("outcome") == "Error"]
    if errors:
        cut = list(dict.fromkeys(t.get("Name") for q in trx.parent.rglob("Sequence_*.xml") for t in ET.parse(q).getroot() if t.get("Completed") == "False"))
        failed += 1
        failures.append(f"{trx.parent.name}: {'; '.join(errors)[:300]}; running then: {', '.join(cut) or 'unknown'}")
    for r in root.iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") in ("Passed", "NotExecuted"):
            continue
        message = (r.findtext("t:Output/t:ErrorInfo/t:Message", "", ns) or "").strip().splitlines()
        failures.append(f"{trx.parent.name}: {r.get('testName')}: {message[0][:300] if message else r.get('outcome')}")
for folder in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    if folder.is_dir() and not any(folder.rglob("*.trx")):
        failed += 1
        failures.append(f"{folder.name}: no results at all (the test host crashed or never started; see the output above)")
# CI shows only the tail of the output: name what failed right above the count.
for f in failures:
    print("FAILED", f)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
