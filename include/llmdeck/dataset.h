/* dataset.h - the data set in use: the embedded files, or a --data DIR
 * (each file present there replaces the embedded one), plus --load files.
 *
 * The models catalogue is parsed here (with data/metrics.json applied);
 * the other data files (gpus.csv, hosting.json, rules.json, ...) are kept as
 * text for their modules to parse.  Every file records where it came from,
 * for `llmdeck data` and error messages. */
#ifndef LLMDECK_DATASET_H
#define LLMDECK_DATASET_H

#include <stddef.h>

#include "llmdeck/catalog.h"
#include "llmdeck/csvload.h"
#include "llmdeck/error.h"
#include "llmdeck/score.h"

#define LD_MAX_DATAFILES 16
#define LD_MAX_LOADS 16

/* Which built-in catalogue: today's sourced models (default), or the 2023
 * article's seven rows exactly as printed (`--dataset seed`).  The seed set
 * reads data/seed-models.csv and data/seed-metrics.json in place of
 * models.csv and metrics.json; the other files are shared. */
typedef enum { LD_DATASET_CURRENT = 0, LD_DATASET_SEED = 1 } ld_dataset_kind;

/* "current" / "seed" -> kind; -1 when neither. */
int dataset_parse_kind(const char *s, ld_dataset_kind *out);
const char *dataset_kind_name(ld_dataset_kind k);

typedef struct {
    char name[64];     /* "models.csv" */
    char origin[1024]; /* "embedded" or the path it was read from */
    const char *text;  /* NUL-terminated contents */
    size_t len;
    char *owned;       /* non-NULL when read from disk */
    size_t rows;       /* data rows (CSV) or entries, for `llmdeck data` */
} ld_datafile;

typedef enum { LD_LOAD_CSV = 0, LD_LOAD_LITELLM = 1 } ld_load_kind;

typedef struct {
    char path[1024];
    ld_load_kind kind;
    char *text;        /* LiteLLM JSON kept for the cost module */
    size_t len;
    size_t rows;       /* rows merged + appended (CSV) or entries (JSON) */
    size_t merged;     /* CSV rows that joined an existing model */
} ld_load;

struct ld_gpu_list;
struct ld_hosting;

/* The scale k of the self-hosting estimates: the median, over the open
 * rows with a hosted price, of hosted price / llmdeck's estimate at the
 * reference set-up (k = 1, not scaled, with fewer than
 * LD_ESTIMATE_MIN_HOSTED such rows). */
#define LD_ESTIMATE_MIN_HOSTED 20

typedef struct {
    double k, q1, q3; /* median and quartiles */
    size_t measured;  /* hosted rows compared */
    long rows;        /* unhosted rows given an estimate */
} ld_estimate_scale;

typedef struct {
    ld_catalog *models;
    ld_datafile files[LD_MAX_DATAFILES];
    size_t nfiles;
    ld_load loads[LD_MAX_LOADS];
    size_t nloads;
    char dir[1024];    /* --data DIR or LLMDECK_DATA, "" for embedded */
    ld_dataset_kind kind;
    /* The missing-value policy the data set's metrics.json asks for
     * ("missing": "zero" | "skip"; zero when absent, the article's rule). */
    ld_missing policy;
    /* metrics.json's "table_columns": the columns a table shows first, in
     * order (NULL-terminated; empty when the file has none). */
    char *table_columns[64];
    /* metrics.json's "default_sort" ("quality:desc"): how the table opens */
    char default_sort[128];
    /* gpus.csv, parsed once when the catalogue opens (NULL: none in the data
     * set); hosting.json with the LiteLLM offers, parsed on the first
     * dataset_hosting() call (hosting.h) */
    struct ld_gpu_list *gpus;
    struct ld_hosting *hosting;
    /* How the unhosted rows' self-hosting estimates were put on the
     * providers' scale when the catalogue opened (src/core/estimate.h). */
    ld_estimate_scale estimates;
} ld_dataset;

/* Opens the data set: `dir` (may be NULL: then $LLMDECK_DATA, else embedded
 * only).  Parses models.csv and applies metrics.json. */
int dataset_open(ld_dataset *ds, const char *dir, const ld_csv_options *opt,
                 ld_error *err);
/* The same for a chosen built-in catalogue. */
int dataset_open_kind(ld_dataset *ds, const char *dir, ld_dataset_kind kind,
                      const ld_csv_options *opt, ld_error *err);
/* Opens FILEs instead of the catalogue (like `vd file.csv`): the first
 * becomes the catalogue, the rest merge into it.  The seed set's
 * metrics.json applies to columns with known ids (a leaderboard export has
 * the article's mmlu, humaneval and gsm8k), with its policy. */
int dataset_open_files(ld_dataset *ds, char *const *paths, size_t n,
                       const ld_csv_options *opt, ld_error *err);
/* --load FILE: CSV merges rows by name/alias; LiteLLM JSON is kept for the
 * cost view.  Anything else is an error naming the file. */
int dataset_load(ld_dataset *ds, const char *path, const ld_csv_options *opt,
                 ld_error *err);
/* A data file's text ("rules.json"), or NULL; *len and *origin set if given. */
const char *dataset_file(const ld_dataset *ds, const char *name, size_t *len,
                         const char **origin);
void dataset_close(ld_dataset *ds);

/* The catalogue's as-of date from manifest.json ("2026-11-28"), or "" when
 * there is none or the manifest does not come from where models.csv came
 * from (a --data DIR without its own manifest).  Written to buf. */
const char *dataset_as_of(const ld_dataset *ds, char *buf, size_t n);

/* How far the catalogue reaches, so that an answer can say what it cannot
 * know: the newest release month among the open-weights rows (the newest
 * model a recommendation could name) and the dates of the snapshots that
 * metrics.json dates (columns.ID.as_of: the arena scores, the hosted
 * prices).  A field is "" when the data does not say (the seed data set,
 * a catalogue without `release`). */
typedef struct {
    size_t open_rows;         /* rows with open weights (all rows without an open_weights column) */
    size_t dated_rows;        /* of those, rows with a release month YYYY-MM */
    char newest_release[8];   /* "2025-11" */
    char newest_model[128];   /* the first row released that month, in catalogue order */
    char arena_as_of[11];     /* "2025-12-11" */
    char prices_as_of[11];    /* "2026-07-24" */
    size_t unscored_since;    /* open rows released in the arena snapshot's month or later without an
                                 arena score: they rank after the scored ones where Arena weighs most */
} ld_data_horizon;
void dataset_horizon(const ld_dataset *ds, ld_data_horizon *h);
/* "open models released up to 2026-04, Arena scores of 2025-12-11 (21
 * open models released from 2025-12 on have none), hosted prices of
 * 2026-07-24" (the known parts), or "" when none is known. */
const char *dataset_horizon_text(const ld_data_horizon *h, char *buf, size_t n);

/* Applies metrics.json (labels, units, weights, directions, descriptions) to
 * the catalog's columns.  `name` is used in error messages. */
int dataset_apply_metrics(ld_catalog *cat, const char *json, size_t len,
                          const char *name, ld_error *err);

#endif
