#!/usr/bin/env bash
# Renders the demo's live terminal progress to docs/img/terminal-progress.png: runs
# ./submit.sh demo in a detached tmux terminal (so the job sees an interactive console and draws
# its live progress line), captures the pane while the search runs, writes it as an HTML page and
# screenshots that page with headless Chromium. Needs tmux and chromium. Usage:
#   scripts/terminal-screenshot.sh [SECONDS_BEFORE_CAPTURE] [extra demo options...]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WAIT=${1:-40}
shift || true
OUT=$(mktemp -d)
SESSION=automlzero-shot-$$
tmux new-session -d -s "$SESSION" -x 150 -y 16 \
  "cd '$HERE' && ./submit.sh demo --master 'local[2]' --out '$OUT/run' $* ; sleep 3600"
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true; rm -rf "$OUT"' EXIT
sleep "$WAIT"
tmux capture-pane -t "$SESSION" -p > "$OUT/pane.txt"
python3 - "$OUT/pane.txt" "$OUT/pane.html" <<'PY'
import html, sys
lines = open(sys.argv[1], encoding="utf-8").read().rstrip("\n").split("\n")
while lines and not lines[-1].strip():
    lines.pop()
body = "\n".join(html.escape(l) for l in lines)
body = body.replace("$ ./submit.sh", '<span class="p">$</span> ./submit.sh')
open(sys.argv[2], "w", encoding="utf-8").write(f"""<!doctype html><meta charset="utf-8">
<style>body{{margin:0;background:#1e1e1e}} pre{{margin:0;padding:14px 18px;color:#d4d4d4;
font:14px/1.35 'DejaVu Sans Mono',monospace;white-space:pre}} .p{{color:#6a9955}}</style>
<pre><span class="p">$</span> ./submit.sh demo --master 'local[2]'
{body}</pre>""")
PY
rows=$(wc -l < "$OUT/pane.txt")
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1290,$(( rows * 19 + 50 )) \
  --screenshot="$HERE/docs/img/terminal-progress.png" "file://$OUT/pane.html" >/dev/null 2>&1
echo "wrote $HERE/docs/img/terminal-progress.png"
