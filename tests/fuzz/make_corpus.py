#!/usr/bin/env python3
"""make_corpus.py - (re)writes the seed corpora in tests/fuzz/corpus/NAME/
from the shipped data (data/*.csv, data/*.json), small excerpts of the public
exports in ../shared/data when present, and hand-made hostile cases.
Each corpus stays under 30 files and 200 KB.  Run from the repository top."""
import json, os, shutil

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(TOP, "tests", "fuzz", "corpus")
SHARED = os.path.join(os.path.dirname(TOP), "shared", "data")


def data(name):
    with open(os.path.join(TOP, "data", name), "rb") as f:
        return f.read()


def head_lines(path, n):
    try:
        with open(path, "rb") as f:
            return b"".join(f.readline() for _ in range(n))
    except OSError:
        return None


def write(corpus, cases):
    d = os.path.join(OUT, corpus)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for name, body in cases.items():
        if body is None:
            continue
        if isinstance(body, str):
            body = body.encode()
        with open(os.path.join(d, name), "wb") as f:
            f.write(body)


models = data("models.csv")
lines = models.split(b"\n")
small = b"\n".join(lines[:6]) + b"\n"

write("csv", {
    "models.csv": models,
    "models_head.csv": small,
    "gpus.csv": data("gpus.csv"),
    "bom_crlf.csv": b"\xef\xbb\xbf" + small.replace(b"\n", b"\r\n"),
    "empty.csv": b"",
    "header_only.csv": lines[0] + b"\n",
    "unterminated.csv": b"model,mmlu\nA,50\nB,\"60\nC,70\n",
    "short_long.csv": b"model,mmlu,relative_cost\nA,50\nB,60,0.2,extra\n",
    "word_in_number.csv": b"model,mmlu,relative_cost\nA,sixty,0.1\n",
    "nan_inf.csv": b"model,mmlu,relative_cost\nA,nan,inf\nB,1e400,-1e400\nC,NA,N/A\nD,-,?\nE,null,none\n",
    "costs.csv": b"model,mmlu,humaneval,gsm8k,relative_cost\nA,50,40,30,0\nB,50,40,30,-1\nC,50,40,30,1e-300\n",
    "duplicates.csv": b"model,aliases,mmlu\nA,B,50\na,,60\nB,A,70\n",
    "merge.csv": b"model,aliases,mmlu,own_eval\nllama-2-70b-chat,,70,0.9\nNew,Mistral-7B-Instruct,1,2\nX,,TRUE,FALSE\n",
    "quotes.csv": b'model,source\n"A, with comma","say ""hi"""\n"multi\nline",x\n"",""\n',
    "nul.csv": b"model,mmlu\nA\x00B,5\x000\n",
    "bad_utf8.csv": b"model,mmlu\n\xff\xfe\xc3(,50\n\xed\xa0\x80,1\n",
    "terminal.csv": "model,mmlu,source\n\x1b[31mRed\x1b[0m,50,\x1b]0;title\x07\n\u202eevil,60,\u009b2J\n".encode(),
    "blank_lines.csv": b"\n\r\n\nmodel,mmlu\n\nA,1\n\n",
    "dup_headers.csv": b"model,mmlu,MMLU,,mmlu (%)\nA,1,2,3,4\n",
    "wide.csv": b",".join(b"c%d" % i for i in range(300)) + b"\n" + b",".join(b"%d" % i for i in range(300)) + b"\n",
    "leaderboard.csv": head_lines(os.path.join(SHARED, "open-llm-leaderboard-v1.csv"), 12),
    "arena.csv": head_lines(os.path.join(SHARED, "lmarena-text-2025-08-04.csv"), 12),
    "numbers.csv": b"model,a,b,c,d,e\nA, 1 ,+2,-3.5e2,0.000000000000000000000001,123456789012345678901234\nB,1.,.5,1e,e1,--1\n",
})

metrics = json.loads(data("metrics.json"))
def mj(cols, **extra):
    d = {"columns": cols}
    d.update(extra)
    return json.dumps(d)

write("metrics", {
    "metrics.json": data("metrics.json"),
    "min.json": '{"columns":{}}',
    "weights.json": mj({"mmlu": {"weight": 3, "higher_is_better": False}, "relative_cost": {"weight": 1}}),
    "decimals.json": mj({"value_score": {"decimals": 12}, "quality": {"decimals": -1}, "mmlu": {"decimals": 0}}),
    "types.json": mj({"mmlu": {"type": "text"}, "model": {"type": "number"}, "source": {"type": "number"}}),
    "wrong_types.json": mj({"mmlu": {"weight": "1", "label": 5}}),
    "not_object.json": '{"columns":[1,2,3]}',
    "columns_string.json": '{"columns":"x"}',
    "array.json": "[]",
    "nested.json": "[" * 50 + "]" * 50,
    "syntax.json": '{"columns": {"mmlu": {"label": "MMLU",}}}',
    "truncated.json": '{"columns": {"mmlu": {"label": "MM',
    "escapes.json": mj({"mmlu": {"label": "\u001b[31mM\u202e", "unit": "\u0000x", "description": "\ud800"}}),
    "huge.json": mj({"mmlu": {"weight": 1e308, "decimals": 1e300}, "arc": {"weight": -0.0}}),
    "profiles.json": mj({"mmlu": {"label": "LCB 23.05-24.09", "weight": 1}, "humaneval": {"label": "LCB 24.08"},
                         "gsm8k": {"label": "LCB"}},
                        task_profiles=[{"name": "code", "keywords": ["code", "program"], "why": "LCB first.",
                                        "weights": {"mmlu": 3, "humaneval": 3, "gsm8k": 3, "arc": 1}},
                                       {"name": "general", "weights": {"mmlu": 1}}]),
})

write("rules", {
    "rules.json": data("rules.json"),
    "badop.json": open(os.path.join(TOP, "tests/cli/cases/recommend_badop.json"), "rb").read(),
    "min.json": '{"rules":[{"id":"a","when":[],"model":"M","reason":"r"}]}',
    "all_ops.json": json.dumps({"rules": [
        {"id": "n%d" % i, "when": [{"field": f, "op": o, "value": v}], "model": "M", "reason": "r",
         "alternatives": ["x"]}
        for i, (f, o, v) in enumerate([
            ("context_length", ">", 8192), ("monthly_tokens", "<=", 1e9), ("budget", "equals_ci", "LOW"),
            ("language", "contains_ci", "chin"), ("latency_critical", "!=", False),
            ("commercial_use_required", "==", True), ("task_type", "!=", "code")])],
        "considerations": ["c1", "c2"],
        "defaults": {"context_length": 8000, "budget": "low", "latency_critical": True,
                     "monthly_tokens": 5e8, "commercial_use_required": True}}),
    "no_match.json": '{"rules":[{"id":"a","when":[{"field":"budget","op":"==","value":"x"}],"model":"M","reason":"r"}]}',
    "dup_id.json": '{"rules":[{"id":"a","when":[],"model":"M","reason":"r"},{"id":"a","when":[],"model":"M","reason":"r"}]}',
    "wrong_types.json": '{"rules":[{"id":1,"when":{},"model":[],"reason":null}],"defaults":{"context_length":"big"}}',
    "trailing.json": '{"rules":[]} x',
    "nested.json": "[" * 50 + "]" * 50,
    "empty.json": "",
    "syntax.json": '{"rules": [{"id": "a",, }]}',
})

write("hosting", {
    "hosting.json": data("hosting.json"),
    "min.json": "{}",
    "offer.json": json.dumps({"api_offers": [{"name": "x", "input_per_1k": 0.001, "source": "s"}],
                              "presets": {"7B": {"gpu": "A10", "memory_required_gb": 14,
                                                 "estimated_monthly_cost_azure": 1500,
                                                 "throughput_tokens_per_sec": 50,
                                                 "quantization_options": ["4-bit", "fp16"]}}}),
    "defaults.json": json.dumps({"defaults": {"hours_per_month": 744, "utilization": 1e-6, "input_share": 0,
                                              "advice_bands": {"api_below_tokens": 0, "selfhost_above_tokens": 1e18}}}),
    "many_presets.json": json.dumps({"presets": {"P%d" % i: {"gpu": "g", "memory_required_gb": 1,
                                                             "estimated_monthly_cost_azure": 1,
                                                             "throughput_tokens_per_sec": 1} for i in range(9)}}),
    "wrong_types.json": '{"presets":[],"api_offers":{},"defaults":7}',
    "nested.json": "{\"a\":" * 40 + "1" + "}" * 40,
    "syntax.json": '{"presets": {"7B": }',
    "range.json": json.dumps({"api_offers": [{"name": "x", "input_per_1k": 1e-13, "source": "s"}]}),
})

lite = None
try:
    with open(os.path.join(SHARED, "litellm_model_prices_and_context_window.json")) as f:
        full = json.load(f)
    keep = ["sample_spec", "gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet-20240620", "text-embedding-3-small",
            "mistral/mistral-large-latest", "together_ai/meta-llama/Llama-3-70b-chat-hf"]
    lite = json.dumps({k: full[k] for k in keep if k in full}, indent=2)
except (OSError, ValueError):
    pass
write("litellm", {
    "excerpt.json": lite,
    "min.json": '{"m":{"mode":"chat","input_cost_per_token":2.5e-6,"output_cost_per_token":1e-5,"litellm_provider":"p"}}',
    "zero.json": '{"m":{"mode":"chat","input_cost_per_token":0,"output_cost_per_token":0}}',
    "types.json": '{"m":{"mode":1,"input_cost_per_token":"1"},"n":[],"last_updated":"2025-01-01"}',
    "huge.json": '{"m":{"mode":"chat","input_cost_per_token":1e308,"output_cost_per_token":1e308}}',
    "long_name.json": json.dumps({"x" * 300: {"mode": "chat", "input_cost_per_token": 1e-6, "output_cost_per_token": 1e-6}}),
    "array.json": "[1,2]",
    "syntax.json": '{"m": {"mode": "chat",',
})

write("gpus", {
    "gpus.csv": data("gpus.csv"),
    "min.csv": b"gpu,memory_gb,bandwidth_gbs\nA10,24,600\n",
    "bad.csv": b"gpu,memory_gb,bandwidth_gbs,hourly_usd\nX,0,600,1\nY,24,-1,\nZ,24,600,0\n",
    "missing_col.csv": b"gpu,memory\nA10,24\n",
    "huge.csv": b"gpu,memory_gb,bandwidth_gbs,fp16_tflops,hourly_usd\nBig,1e300,1e300,1e300,1e-300\nTiny,1e-300,1e-300,1e-300,1e300\n",
    "names.csv": b"gpu,memory_gb,bandwidth_gbs\n---,24,600\nA100 80GB,80,2000\na100-80gb,80,1900\n" + b"x" * 100 + b",1,1\n",
})

write("filter", {
    "cmp": "mmlu>=65 and context_length>=32k",
    "has": "license~apache",
    "word": "mistral",
    "quoted": '"Llama 2" or \'qwen\'',
    "not": "not (mmlu < 60 or humaneval <= 30)",
    "ne": "family != 'Meta Llama'",
    "text_cmp": "model > Llama-2-13B and release>=2023-09",
    "missing": "active_params_b>0",
    "nested": "((((mmlu>1))))",
    "bad_col": "nosuch>1",
    "bad_num": "mmlu>=abc",
    "bad_op": "mmlu=>1",
    "unterminated": "'abc",
    "deep": "(" * 120 + "a" + ")" * 120,
    "implicit": "a b c d e f",
    "empty": "",
    "units": "params_b<1.5e1 and context_length==4k",
})

write("units", {
    "a": "750M", "b": "1.25B", "c": "1e9", "d": "32k", "e": " 8000 ", "f": "12abc", "g": "1e400",
    "h": "nan", "i": "-inf", "j": "0x10", "k": "-2.5T", "l": "0.000000000000000000001",
    "m": "123456789012345678901234567890", "n": "1e-400", "o": "5G", "p": "+.5k", "q": "N/A",
    "r": "4097.000000000000001",
})

write("keyspec", {
    "a": "jjj<Down><Enter>", "b": "<Resize 80x24><C-c>", "c": "<Click 10,3><WheelUp><WheelDown>",
    "d": "<F1><F12><S-Tab><Space><lt>", "e": "é日本<PgUp>", "f": "<Uo>", "g": "<", "h": "100x30",
    "i": "\x01", "j": "\xff",
})

themes = {}
tdir = os.path.join(TOP, "themes")
if os.path.isdir(tdir):
    for t in sorted(os.listdir(tdir)):
        with open(os.path.join(tdir, t), "rb") as f:
            themes[t] = f.read()
themes.update({
    "min.json": '{"roles":{}}',
    "one.json": '{"name":"x","roles":{"header":{"fg":214,"fg8":"yellow","attrs":["bold","reverse"]}}}',
    "names.json": '{"roles":{"cursor":{"fg":"default","bg":"blue","bg8":"white"}}}',
    "bad_role.json": '{"roles":{"nosuch":{}}}',
    "bad_colour.json": '{"roles":{"text":{"fg":256}}}',
    "huge.json": '{"roles":{"text":{"fg":1e300,"bg":-1e300,"fg8":0.5}}}',
    "attrs.json": '{"roles":{"text":{"attrs":"bold"},"title":{"attrs":[1,"blink"]}}}',
    "syntax.json": '{"roles":{"text":{"fg":}}}',
})
write("theme", themes)
write("csvscan", {
    "models_head.csv": small,
    "quotes.csv": b'a,"b ""c"" d","e\nf"\r\n  " g " ,h\n',
    "crlf.csv": small.replace(b"\n", b"\r\n"),
    "cr.csv": b"a,b\rc,d\r\re",
    "blank.csv": b"\n  \n\t\r\n,\n ,\n",
    "bad_quote.csv": b'a,b"c\n',
    "after_quote.csv": b'"a" b,c\n',
    "unterminated.csv": b'a,"b\nc\n',
    "nul.csv": b"a\x00,\x00\"\n",
    "spaces.csv": b"  a  ,  \"b\"  ,\t\n",
    # rows long enough for the fast path for simple records (64 bytes from
    # a record's start), with quoted cells, "" and empty cells
    "leaderboard.csv": (
        b'model,mmlu,license,type,relative_cost,url\n'
        b'"meta-llama/model-1 ""chat"" v3, merged",68.7000000,"llama3 ""community""",fine-tuned,0.805,https://huggingface.co/meta-llama/model-1\n'
        b'Qwen/model-2-instruct,,apache-2.0,"pretrained, base",2.168,https://huggingface.co/Qwen/model-2\n'
        b'"mistralai/model-3, base",54.18,"","pretrained, base",,https://huggingface.co/mistralai/model-3\n'
        b'google/model-4-sft,27.8868517,mit,fine-tuned,3.323,https://huggingface.co/google/model-4\n'),
})
