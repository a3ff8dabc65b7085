#!/usr/bin/env python3
"""make_cli_cases.py - writes the hostile-input and bad-flag golden cases
(tests/cli/cases/hostile_*, badflag_*): NAME.cmd, NAME.status and NAME.err
(a text expected in stderr).  Cases with an expected stdout get NAME.out from
the program: run `LLMDECK_BLESS=1 sh tests/cli/run.sh` after a change and
review the diff.  The decisions behind them are in doc/hostile-input.md."""
import os

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = os.path.join(TOP, "tests", "cli", "cases")
F = "$CASES/../fixtures/hostile"

# name: (args, status, stderr text or None, keep stdout golden)
cases = {
    # --- CSV: `table FILE` (a user's file) -----------------------------------
    "hostile_empty": (f"table {F}/empty.csv", 2, "empty.csv:1:1: empty file: expected a header row", False),
    "hostile_header_only": (f"table {F}/header_only.csv", 0, None, True),
    "hostile_unterminated": (f"table {F}/unterminated.csv", 2, "unterminated.csv:3:3: unterminated quoted field", False),
    "hostile_short_rows": (f"table {F}/short_rows.csv --format json", 0, None, True),
    "hostile_long_row": (f"table {F}/long_row.csv", 2, "long_row.csv:3:16: row has more fields than the header's 5", False),
    "hostile_word_declared": (f"table {F}/word_declared.csv", 2, "word_declared.csv:3:3: column 'mmlu' expects a number, got 'sixty'", False),
    "hostile_word_declared_load": (f"table --load {F}/word_declared.csv", 2, "word_declared.csv:3:3: column 'mmlu' expects a number, got 'sixty'", False),
    "hostile_word_other": (f"table {F}/word_other.csv", 0, None, True),
    "hostile_missing_markers": (f"table {F}/missing_markers.csv --format json", 0, None, True),
    "hostile_inf": (f"table {F}/inf.csv", 2, "inf.csv:2:3: column 'mmlu' expects a number, got 'inf'", False),
    "hostile_overflow": (f"table {F}/overflow.csv", 2, "overflow.csv:2:12: column 'relative_cost' expects a number, got '1e400'", False),
    "hostile_other_inf": (f"table {F}/other_inf.csv --format json", 0, None, True),
    "hostile_costs": (f"table {F}/costs.csv --sort value_score:desc", 0, None, True),
    "hostile_costs_json": (f"table {F}/costs.csv --format json", 0, None, True),
    "hostile_duplicates_file": (f"table {F}/duplicates.csv", 0, None, True),
    "hostile_duplicates_data": (f"table --data {F}/dup_alias", 2, "dup_alias/models.csv:4: 'B-chat' already names the model on line 2", False),
    "hostile_plain": (f"table {F}/plain.csv", 0, None, True),
    "hostile_bom_crlf": (f"table {F}/bom_crlf.csv", 0, None, True),
    "hostile_garbage": (f"table {F}/garbage.csv", 0, None, True),
    "hostile_nul": (f"table {F}/nul.csv", 2, "nul.csv:2:1: a NUL byte in a field: expected a text CSV file", False),
    "hostile_bad_utf8": (f"table {F}/bad_utf8.csv", 0, None, True),
    "hostile_bad_utf8_json": (f"table {F}/bad_utf8.csv --format json", 0, None, True),
    "hostile_gpus_bad": (f"size --params 7 --data {F}/gpus_bad", 2, "gpus_bad/gpus.csv:3: memory_gb: must be a number > 0", False),
    "hostile_gpus_word": (f"size --params 7 --data {F}/gpus_word", 2, "gpus_word/gpus.csv:2:5: column 'memory_gb' expects a number, got '24GB'", False),
    # --- JSON: deeply nested, wrong types, absurd values ---------------------
    "hostile_rules_nested": (f"recommend --rules {F}/rules_nested.json", 2, "rules_nested.json:1:1010: invalid JSON", False),
    "hostile_rules_types": (f"recommend --rules {F}/rules_types.json", 2, "rules_types.json: rule 1 (\"a\"): missing \"when\"", False),
    "hostile_rules_values": (f"recommend --rules {F}/rules_values.json", 2, "rule 1 (\"a\"): condition 1: \"context_length\" compares with a number", False),
    "hostile_rules_empty": (f"recommend --rules {F}/rules_empty.json", 2, "rules_empty.json:1:1: unexpected end of JSON", False),
    "hostile_metrics_nested": (f"table --data {F}/metrics_nested", 2, "metrics_nested/metrics.json:1:5012: invalid JSON", False),
    "hostile_metrics_types": (f"table --data {F}/metrics_types", 2, "metrics_types/metrics.json: columns.mmlu.weight: expected a number from 0 to 1e6", False),
    "hostile_metrics_decimals": (f"table --data {F}/metrics_decimals", 2, "columns.value_score.decimals: expected a whole number from 0 to 15", False),
    "hostile_metrics_weight": (f"table --data {F}/metrics_weight", 2, "columns.mmlu.weight: expected a number from 0 to 1e6", False),
    "hostile_hosting_nested": (f"cost --data {F}/hosting_nested", 2, "hosting_nested/hosting.json:1:1012: invalid JSON", False),
    "hostile_hosting_types": (f"cost --data {F}/hosting_types", 2, "hosting_types/hosting.json: presets: expected an object", False),
    "hostile_hosting_values": (f"cost --data {F}/hosting_values", 2, "api_offers[0].input_per_1k: 0 is out of range", False),
    "hostile_litellm_types": (f"cost --load {F}/litellm_types.json --api m", 2, "--api: unknown API offer 'm'", False),
    "hostile_litellm_nested": (f"cost --load {F}/litellm_nested.json", 2, "litellm_nested.json:1:5002: invalid JSON", False),
    # --- terminal safety ------------------------------------------------------
    "hostile_terminal_text": (f"table {F}/terminal.csv", 0, None, True),
    "hostile_terminal_md": (f"table {F}/terminal.csv --format md", 0, None, True),
    "hostile_terminal_json": (f"table {F}/terminal.csv --format json", 0, None, True),
    # CSV keeps the bytes: shown through od so no raw ESC reaches the runner
    "hostile_terminal_csv": (f"table {F}/terminal.csv --format csv > out.csv && od -An -c out.csv", 0, None, True),
    "hostile_terminal_error": (f"table {F}/terminal_word.csv", 2, "terminal_word.csv:2:3: column 'mmlu' expects a number, got '\\x1b[31m", False),
    "hostile_terminal_filter": ("table --filter \"$(printf 'mmlu>\\033[2J')\"", 2, "is not a number", False),
    "hostile_terminal_recommend": ("recommend --task \"$(printf 'code\\033]0;pwned\\007')\" --language \"$(printf 'chinese\\342\\200\\256')\"", 0, None, True),
    "hostile_terminal_keys": ("--headless --size 80x24 --keys \"$(printf '<\\033[31m>')\"", 2, "unknown key name '<\\x1b[31m>'", False),
    "hostile_terminal_path": ("table --data \"$(printf 'no\\033[31msuch')\"", 2, "--data: 'no\\x1b[31msuch' is not a directory", False),
}

badflags = {
    "table": [("sort", "--sort nosuch", "--sort: unknown column 'nosuch'"),
              ("sort_dir", "--sort mmlu:up", "--sort: sort direction must be asc or desc"),
              ("sort_keys", "--sort mmlu,mmlu,mmlu,mmlu,mmlu,mmlu,mmlu,mmlu,mmlu", "--sort: at most 8 sort keys"),
              ("columns", "--columns model,nosuch", "--columns: unknown column 'nosuch'"),
              ("weights_negative", "--weights mmlu=-1", "--weights: weight for 'mmlu' must be a number from 0 to 1e6, got '-1'"),
              ("weights_overflow", "--weights mmlu=1e400", "--weights: weight for 'mmlu' must be a number from 0 to 1e6, got '1e400'"),
              ("weights_garbage", "--weights mmlu=12abc", "--weights: weight for 'mmlu' must be a number from 0 to 1e6, got '12abc'"),
              ("weights_unknown", "--weights nosuch=1", "--weights: unknown metric 'nosuch'"),
              ("missing", "--missing maybe", "--missing: expected zero or skip, got 'maybe'"),
              ("limit_negative", "--limit -1", "--limit: expected a whole number >= 0, got '-1'"),
              ("limit_garbage", "--limit 12abc", "--limit: expected a whole number >= 0, got '12abc'"),
              ("limit_overflow", "--limit 1e400", "--limit: expected a whole number >= 0, got '1e400'"),
              ("limit_fraction", "--limit 1.5", "--limit: expected a whole number >= 0, got '1.5'"),
              ("format", "--format xml", "--format: expected text, csv, json or md, got 'xml'"),
              ("data", "--data /nonexistent", "--data: '/nonexistent' is not a directory")],
    "recommend": [("context_negative", "--context -1", "--context: -1 is out of range"),
                  ("context_garbage", "--context 12abc", "--context: expected a number like 750M"),
                  ("context_overflow", "--context 1e400", "--context: expected a number like 750M"),
                  ("budget", "--budget huge", "--budget: expected low, medium or high, got 'huge'"),
                  ("licence", "--licence gpl", "--licence: expected any, commercial or unrestricted, got 'gpl'"),
                  ("tokens_negative", "--tokens -5", "--tokens: -5 is out of range"),
                  ("tokens_garbage", "--tokens 12abc", "--tokens: expected a number like 750M"),
                  ("tokens_overflow", "--tokens 1e400", "--tokens: expected a number like 750M"),
                  ("limit_negative", "--limit -3", "--limit: expected a whole number from 0 to 1000000, got '-3'"),
                  ("task_long", "--task " + "x" * 200, "--task: too long (at most 127 bytes)"),
                  ("language_empty", "--language ''", "--language: must not be empty"),
                  ("format", "--format yaml", "--format: expected text, csv, json or md, got 'yaml'")],
    "cost": [("tokens_negative", "--tokens -1", "--tokens: -1 is out of range"),
             ("tokens_garbage", "--tokens 12abc", "--tokens: expected a number like 750M"),
             ("tokens_overflow", "--tokens 1e400", "--tokens: expected a number like 750M"),
             ("tokens_nan", "--tokens nan", "--tokens: expected a number like 750M"),
             ("input_share", "--input-share 1.5", "--input-share: expected a fraction >= 0 and <= 1"),
             ("api", "--api nosuch", "--api: unknown API offer 'nosuch'"),
             ("api_price_zero", "--api-price 0", "--api-price: must be > 0, got '0'"),
             ("api_price_negative", "--api-price -1", "--api-price: must be > 0, got '-1'"),
             ("api_price_garbage", "--api-price 12abc", "--api-price: expected a number like 750M"),
             ("api_price_overflow", "--api-price 1e400", "--api-price: expected a number like 750M"),
             ("api_price_out", "--api-price 0.002 --api-price-out -1", "--api-price-out: must be > 0, got '-1'"),
             ("selfhost_zero", "--selfhost-monthly 0", "--selfhost-monthly: must be > 0, got '0'"),
             ("selfhost_overflow", "--selfhost-monthly 1e400", "--selfhost-monthly: expected a number like 750M"),
             ("preset", "--preset 500B", "--preset: expected 7B, 13B or 70B, got '500B'"),
             ("model", "--model nosuch", "--model: unknown model 'nosuch'"),
             ("quant", "--model Mistral-7B --quant q9", "--quant: unknown quantization 'q9'"),
             ("gpu", "--model Mistral-7B --gpu tpu", "--gpu: unknown GPU 'tpu'"),
             ("context", "--model Mistral-7B --context -1", "--context: -1 is out of range"),
             ("batch", "--model Mistral-7B --batch 0", "--batch: 0 is out of range"),
             ("utilization", "--capacity --utilization 1.5", "--utilization: expected a fraction > 0 and <= 1"),
             ("throughput", "--capacity --throughput -3", "--throughput: must be > 0, got '-3'"),
             ("ops", "--ops-monthly -1", "--ops-monthly: -1 is out of range"),
             ("format", "--format html", "--format: expected text, csv, json or md, got 'html'")],
    "size": [("params_zero", "--params 0", "--params: 0 is out of range"),
             ("params_negative", "--params -7", "--params: -7 is out of range"),
             ("params_garbage", "--params 12abc", "--params: expected a number like 750M"),
             ("params_overflow", "--params 1e400", "--params: expected a number like 750M"),
             ("model", "--model nosuch", "--model: unknown model 'nosuch'"),
             ("quant", "--params 7 --quant q9", "--quant: unknown quantization 'q9'"),
             ("context", "--params 7 --context 1e400", "--context: expected a number like 750M"),
             ("batch", "--params 7 --batch -1", "--batch: -1 is out of range"),
             ("kv_quant", "--params 7 --kv-quant int3", "--kv-quant: unknown KV-cache type 'int3'"),
             ("gpu", "--params 7 --gpu tpu", "--gpu: unknown GPU 'tpu'"),
             ("efficiency", "--params 7 --efficiency 2", "--efficiency: 2 is out of range"),
             ("efficiency_garbage", "--params 7 --efficiency 12abc", "--efficiency: expected a number like 750M"),
             ("preset", "--preset 500B", "--preset: expected 7B, 13B or 70B, got '500B'"),
             ("none", "", "give --model NAME or --params B"),
             ("format", "--format pdf --params 7", "--format: expected text, csv, json or md, got 'pdf'")],
}
for cmd, items in badflags.items():
    for name, args, err in items:
        cases[f"badflag_{cmd}_{name}"] = (f"{cmd} {args}".rstrip(), 2, err, False)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


for name, (args, status, err, out) in sorted(cases.items()):
    base = os.path.join(CASES, name)
    write(base + ".cmd", args + "\n")
    if status:
        write(base + ".status", f"{status}\n")
    elif os.path.exists(base + ".status"):
        os.remove(base + ".status")
    if err is not None:
        write(base + ".err", err + "\n")
    if out and not os.path.exists(base + ".out"):
        write(base + ".out", "")  # bless with LLMDECK_BLESS=1
    if not out and os.path.exists(base + ".out"):
        os.remove(base + ".out")
print(len(cases), "cases")
