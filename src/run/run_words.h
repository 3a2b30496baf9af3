/*
 * run_words.h: private to src/run. The sentences the reports of run, compare, sweep and
 * backtest print on the terminal, in each language (run_words.c). Every figure goes in
 * as text, already written in the language's number and date format (money_text.h),
 * so each sentence is a printf format of %s (and %d for a year). Warnings and errors on
 * stderr stay in English: they are diagnostics, named by file, line and key.
 */
#ifndef FISCALSIM_RUN_WORDS_H
#define FISCALSIM_RUN_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "lang.h"

typedef struct report_words {
    fs_lang lang;
    const char *arrow; /* before → after */
    /* run */
    const char *optimal, *legal, *time_limit;
    const char *summary;         /* name, how, lowest coverage, units under need, units, folder */
    const char *year_solved;     /* year (%d), lowest coverage, units under need, transfers */
    const char *year_status[3];  /* solved, no feasible allocation, not run */
    const char *shares;          /* the units the shares apply to */
    const char *shares_by_unit;  /* source, lowest %, highest %, units */
    const char *disbursement;    /* year (%d), date, whole, its band, lower level, its band, band % */
    const char *band;            /* lowest, highest */
    const char *calib_baseline;  /* points, year (%d), largest difference */
    const char *calib_points;    /* points, plural, year (%d) */
    const char *calib_residual;  /* largest residual */
    const char *calib_prior;     /* years, plural, points */
    const char *calib_few;       /* points, plural, parameters */
    const char *calib_weight;    /* this year's %, date, the prior's %, band scale */
    const char *cash_none;
    const char *cash_months;     /* months, plural */
    const char *cash_delay;      /* delay, money unit, not paid by a deadline */
    const char *at_risk;         /* units at risk, units to watch */
    /* compare */
    const char *compare;         /* base, reform, gains, losses, unchanged, allocation change, transfers
                                  * change, money unit, folder */
    const char *shares_changed;  /* the units the shares apply to */
    const char *none;
    const char *shares_changed_units; /* count */
    const char *compare_disb;    /* money unit */
    /* sweep */
    const char *sweep_merged;    /* name, shards, variants, solved, infeasible, failed, folder */
    const char *sweep_shard;     /* name, shard, shards, folder */
    const char *sweep_done;      /* name, variants, from the journal, solved, infeasible, failed, folder */
    /* backtest */
    const char *backtest;        /* name, plan years, folder */
    const char *cutoff;          /* day, points, % inside the band */
    const char *cutoff_error;    /* day of the year's end, points, model, last year, mean curve */
    const char *year_end[2];     /* 31 December, 31 January */
} report_words;

/* The sentences of lang. */
const report_words *report_words_of(fs_lang lang);

/* "s" after an English noun counted n times when n is not 1; "" in Vietnamese. */
const char *report_plural(size_t n, const report_words *w);

/* Texts of figures in w's language, each into its own buffer (returned). */
typedef char report_number[48];
const char *report_int(report_number buf, int64_t v, const report_words *w);
const char *report_real(report_number buf, double v, int decimals, const report_words *w);

/* A share (0.125) as a number of percent with the fewest decimals that show it, at most
 * 4 ("12,5" in vi, "12.5" in en; "40"), without the sign %. */
const char *report_share(report_number buf, double share, const report_words *w);

#endif
