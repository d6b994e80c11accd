#!/usr/bin/env python3
"""Extracts the interpreter bench's corpus from a search's run directory: from each chosen
checkpoint (a stage of the search), population members at evenly spaced fitness quantiles
(distinct algorithms only), written as algorithm JSON files plus an index.

Usage: scripts/bench-corpus.py RUN_DIR OUT_DIR PER_STAGE CHECKPOINT...  (checkpoint numbers)
The committed corpus (src/main/resources/bench/corpus/) came from a search-local run of
conf/baseline.conf on projected Fashion-MNIST; docs/benchmarks-engine.md gives the command.
"""
import json
import os
import sys

run, out, per_stage = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
index = []
for number in sys.argv[4:]:
    path = os.path.join(run, "checkpoints", "checkpoint-%06d.json" % int(number))
    with open(path) as f:
        checkpoint = json.load(f)
    loop = checkpoint["loop"]
    island = loop["islands"][0]
    members = sorted(zip(island["fitness"], island["members"]), key=lambda m: (m[0], m[1]))
    chosen, seen = [], set()
    for k in range(per_stage):
        at = round(k * (len(members) - 1) / max(1, per_stage - 1))
        # the nearest member not yet taken (distinct algorithms)
        for step in range(len(members)):
            for j in (at + step, at - step):
                if 0 <= j < len(members) and members[j][1] not in seen:
                    break
            else:
                continue
            break
        seen.add(members[j][1])
        chosen.append(members[j])
    stage = "g%d" % loop["generation"]
    for k, (fitness, member) in enumerate(chosen):
        name = "%s-%02d.json" % (stage, k)
        with open(os.path.join(out, name), "w") as f:
            json.dump(loop["algorithms"][member], f, indent=1)
            f.write("\n")
        index.append("%s %s %r" % (name, stage, fitness))
with open(os.path.join(out, "index.txt"), "w") as f:
    f.write("# file stage search-fitness (on projected Fashion-MNIST during the search)\n")
    f.write("\n".join(index) + "\n")
