#!/usr/bin/env python3
"""catalog_derive.py - fills the columns of data/models.csv that are taken
from the two public exports in ../shared/data, so that they are derived by
one stated rule instead of typed by hand:

  arena_score, arena_ci, arena_votes, arena_name
      LMArena's text leaderboard of 2025-12-11 (style control off): the
      "full" category of data/leaderboard-text.json in LMArena's own
      repository lmarena/arena-catalog at commit ea8297b5, kept whole in
      tests/data/lmarena-text-full-2025-12-11.json.  Joined on the row's
      model name, hf_repo or any alias (case-insensitive); a row matching
      two entries is an error to settle with the aliases.  arena_score is
      the rating rounded to a whole number; arena_ci the larger half-width
      of its 95% interval (rating_q975 - rating, rating - rating_q025),
      rounded; arena_votes stays empty (that file does not publish the
      battle counts, and counts of another snapshot would not belong).

  hosted_in_per_1m, hosted_out_per_1m, hosted_provider, hosted_offers,
  cheapest_in_per_1m, cheapest_out_per_1m, cheapest_provider,
  cached_in_per_1m, relative_cost, cost_basis, price_source
      LiteLLM's model_prices_and_context_window.json (USD per token, as of
      2026-07-24).  An offer serves the row's model when its key, after the
      provider prefix (and Fireworks' accounts/ACCOUNT/models/ path), equals
      the row's hf_repo or an alias (case-insensitive; a provider's two keys
      for one model are one offer); mode must be chat; both prices present and > 0; an
      entry priced above $1,000 per 1M tokens is left out as a unit error
      of the file (wandb's entries are).  The median offer by blended price
      (3 input : 1 output; the lower middle when even) gives hosted_*; the
      cheapest is shown beside it.  relative_cost = blended / GPT-4's
      blended price in the same file (`gpt-4`: $30 in, $60 out per 1M ->
      $37.50), the 2023 article's definition (GPT-4 = 1.0).

Usage:  catalog_derive.py [--check] [models.csv] [shared-data-dir]
  default: rewrites the derived cells in place; --check: exits 1 and lists
  the differences instead (CI runs it when ../shared/data exists: the
  prices need it; the arena file is in tests/data).
"""
import csv, io, json, os, statistics, sys

ARENA = 'lmarena-text-full-2025-12-11.json'  # beside this script
LITELLM = 'litellm_model_prices_and_context_window.json'
LITELLM_DATE = '2026-07-24'
ARENA_DATE = '2025-12-11'
MAX_PER_TOKEN = 1e-3  # $1,000 per 1M tokens

DERIVED = ['arena_score', 'arena_ci', 'arena_votes', 'arena_name',
           'hosted_in_per_1m', 'hosted_out_per_1m', 'hosted_provider', 'hosted_offers',
           'cheapest_in_per_1m', 'cheapest_out_per_1m', 'cheapest_provider',
           'cached_in_per_1m', 'price_source']


def names_of(row):
    out = {row['model'].strip().lower()}
    if row.get('hf_repo'):
        out.add(row['hf_repo'].strip().lower())
    for a in (row.get('aliases') or '').split('|'):
        if a.strip():
            out.add(a.strip().lower())
    return out


def fmt(x):
    """A price per 1M tokens as written by hand: no float noise."""
    s = ('%.6f' % x).rstrip('0').rstrip('.')
    return s if s else '0'


def blended(i, o):
    return (3 * i + o) / 4


def offer_key_rest(key, entry):
    prov = entry.get('litellm_provider', '')
    parts = key.split('/')
    if len(parts) > 1 and parts[0] == prov:
        parts = parts[1:]
    # Fireworks names a model by its account's path as well
    # (fireworks_ai/accounts/fireworks/models/qwen3-30b-a3b-instruct-2507):
    # the model is the part after models/
    if len(parts) > 3 and parts[0] == 'accounts' and parts[2] == 'models':
        parts = parts[3:]
    return '/'.join(parts)


def load_offers(path):
    data = json.load(open(path))
    offers = {}
    for key, e in data.items():
        if not isinstance(e, dict) or e.get('mode') != 'chat':
            continue
        i, o = e.get('input_cost_per_token'), e.get('output_cost_per_token')
        if not isinstance(i, (int, float)) or not isinstance(o, (int, float)):
            continue
        if not (i > 0 and o > 0) or i > MAX_PER_TOKEN or o > MAX_PER_TOKEN:
            continue
        c = e.get('cache_read_input_token_cost')
        offers.setdefault(offer_key_rest(key, e).lower(), []).append({
            'key': key, 'provider': e.get('litellm_provider', key.split('/')[0]),
            'in': i * 1e6, 'out': o * 1e6,
            'cached': c * 1e6 if isinstance(c, (int, float)) and c > 0 else None})
    ref = data['gpt-4']
    ref_blended = blended(ref['input_cost_per_token'] * 1e6, ref['output_cost_per_token'] * 1e6)
    return offers, ref_blended


def load_arena(path):
    out = {}
    for key, e in json.load(open(path, encoding='utf-8'))['full'].items():
        r, hi, lo = e['rating'], e['rating_q975'], e['rating_q025']
        half = max(hi - r, r - lo)
        out[key.strip().lower()] = {'name': key, 'score': '%.0f' % r, 'ci': '%.0f' % half, 'votes': ''}
    return out


def derive(rows, arena, offers, ref_blended):
    for row in rows:
        for k in DERIVED:
            row[k] = ''
        names = names_of(row)
        hit = {arena[n]['name']: arena[n] for n in names if n in arena}
        if len(hit) > 1:
            raise SystemExit('%s matches %d arena entries (%s): keep one in its aliases'
                             % (row['model'], len(hit), ', '.join(sorted(hit))))
        if hit:
            a = next(iter(hit.values()))
            row['arena_score'], row['arena_ci'], row['arena_votes'], row['arena_name'] = \
                a['score'], a['ci'], a['votes'], a['name']
        found = {}
        for n in names:
            for off in offers.get(n, []):
                # one offer a provider and model: a provider listing the
                # model under two keys (fireworks_ai/kimi-k2p6 and its
                # accounts/fireworks/models/ form) is one offer, named by
                # the shorter key
                same = (off['provider'], offer_key_rest(off['key'], {'litellm_provider': off['provider']}).lower())
                if same not in found or (len(off['key']), off['key']) < (len(found[same]['key']), found[same]['key']):
                    found[same] = off
        if row.get('cost_basis', '').startswith('estimate'):
            row['relative_cost'] = row['relative_cost'] if not found else ''
        if not found:
            if not row.get('cost_basis', '').startswith('estimate'):
                row['relative_cost'], row['cost_basis'] = '', ''
            continue
        ranked = sorted(found.values(), key=lambda o: (blended(o['in'], o['out']), o['key']))
        med = ranked[(len(ranked) - 1) // 2]
        low = ranked[0]
        row['hosted_in_per_1m'], row['hosted_out_per_1m'] = fmt(med['in']), fmt(med['out'])
        row['hosted_provider'], row['hosted_offers'] = med['provider'], str(len(ranked))
        row['cheapest_in_per_1m'], row['cheapest_out_per_1m'] = fmt(low['in']), fmt(low['out'])
        row['cheapest_provider'] = low['provider']
        if med['cached'] is not None:
            row['cached_in_per_1m'] = fmt(med['cached'])
        row['relative_cost'] = fmt(blended(med['in'], med['out']) / ref_blended)
        row['cost_basis'] = 'hosted'
        row['price_source'] = 'LiteLLM price file %s: median of %d offer%s = %s; cheapest %s' % (
            LITELLM_DATE, len(ranked), '' if len(ranked) == 1 else 's', med['key'], low['key'])
    return rows


def main(argv):
    check = '--check' in argv
    args = [a for a in argv if a != '--check']
    here = os.path.dirname(os.path.abspath(__file__))
    models = args[0] if args else os.path.join(here, '..', '..', 'data', 'models.csv')
    shared = args[1] if len(args) > 1 else os.path.join(here, '..', '..', '..', 'shared', 'data')
    text = open(models, encoding='utf-8').read()
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames
    rows = list(reader)
    before = [dict(r) for r in rows]
    offers, ref = load_offers(os.path.join(shared, LITELLM))
    derive(rows, load_arena(os.path.join(here, ARENA)), offers, ref)
    if check:
        bad = 0
        for b, r in zip(before, rows):
            for k in header:
                if b.get(k, '') != r.get(k, ''):
                    print('%s: %s: shipped %r, derived %r' % (r['model'], k, b.get(k), r.get(k)))
                    bad += 1
        print('catalog_derive: %d difference%s' % (bad, '' if bad == 1 else 's'))
        return 1 if bad else 0
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=header, lineterminator='\n')
    w.writeheader()
    w.writerows(rows)
    open(models, 'w', encoding='utf-8').write(out.getvalue())
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
