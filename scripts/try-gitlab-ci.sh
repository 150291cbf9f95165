#!/usr/bin/env bash
# Tries the README's GitLab CI job without GitLab: parses its YAML block, checks the job's shape,
# then runs its `script` lines exactly as written, in one shell that stops at the first failing
# line (as a GitLab runner does), inside a scratch merge request: a target branch whose queue has no
# dead-letter queue, and a branch that fixes it and adds another queue without one in another file.
# Expected: the gate exits 1 for the one new finding and the reports are where `artifacts` says.
# Needs git, python3 with PyYAML, Java 17 and Maven. Writes under /tmp only (the job's own paths).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. The job as the README shows it: the first yaml block after the GitLab sentence.
python3 - "$here/README.md" "$work/job.sh" <<'PY'
import sys, yaml
text = open(sys.argv[1]).read()
start = text.index("A GitLab CI job")
block = text[text.index("```yaml\n", start) + 8:]
block = block[:block.index("```")]
job = yaml.safe_load(block)["relplan"]
assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}], job["rules"]
assert job["artifacts"]["when"] == "always"
assert job["artifacts"]["paths"] == ["relplan-report/"]
assert "expose_as" in job["artifacts"]
assert all(isinstance(line, str) for line in job["script"])
with open(sys.argv[2], "w") as out:
    out.write("set -eo pipefail\n")
    for name, value in job["variables"].items():
        if name != "RELPLAN_REPO":  # the trial points it at this checkout instead
            out.write(f"export {name}={value!r}\n")
    for line in job["script"]:
        out.write(line + "\n")
print("job parsed:", len(job["script"]), "script lines")
PY

# 2. A scratch project: its remote has the target branch and the merge request's branch.
queue() { printf 'resource "aws_sqs_queue" "%s" {\n  name = "%s"\n}\n' "$1" "$1"; }
git init -q -b main "$work/origin-src"
cd "$work/origin-src"
git config user.email ci@example.com && git config user.name ci
queue orders > orders.tf
git add -A && git commit -qm "orders queue"
git checkout -qb feature
cat > orders.tf <<'TF'
resource "aws_sqs_queue" "orders_dlq" {
  name = "orders-dlq"
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 5
  })
}
TF
queue refunds > refunds.tf
git add -A && git commit -qm "fix orders, add refunds"
# The runner's checkout: a shallow clone of the merge request's branch only.
git clone -q --depth 1 --branch feature "file://$work/origin-src" "$work/checkout"

# 3. The job's lines, with GitLab's variables for a merge request into main.
rm -rf /tmp/relplan-tool /tmp/relplan-base /tmp/relplan-baseline.json
cd "$work/checkout"
set +e
CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main CI_PIPELINE_SOURCE=merge_request_event \
  RELPLAN_REPO="file://$here" bash "$work/job.sh" 2> "$work/stderr"
code=$?
set -e
cat "$work/stderr" | grep -v '^\[' || true
echo "job exit code: $code"
ls relplan-report
test "$code" -eq 1
grep -q '(1 new)' "$work/stderr"
test -s relplan-report/reliability-plan.sarif
echo "OK: the gate failed on the one new finding; reports in relplan-report/"
