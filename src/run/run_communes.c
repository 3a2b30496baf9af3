/*
 * run_communes.c: communes.txt, the explanation of every unit of a run (run_private.h:
 * run_write_communes), from which the chart stage draws communes.pdf, a page per
 * commune. Each unit's text is what `fiscalsim explain` prints for it, in the run's
 * language; a form feed ends each one. It is a table of the run like the others: `plot`
 * redraws the pages from it. The pages are drawn by a gnuplot of their own, on a thread
 * of their own, while the charts are drawn (run_draw_charts): the machine's second core
 * halves the time of a default run's charts.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "explain.h"
#include "run_private.h"

fs_status run_write_communes(fs_run *run, const char *stage)
{
    char path[FS_PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/communes.txt", stage);
    FILE *f = fopen(path, "w");
    if (!f) return fs_diag_add(&run->diag, FS_EIO, path, 0, NULL, "cannot write: %s", strerror(errno));
    for (size_t u = 0; u < run->model->unit_count; u++) {
        fs_explain_unit(run->model, run->result, run->disburse, u, run->lang, f);
        fputs("\f\n", f);
    }
    int failed = ferror(f);
    failed |= fclose(f) != 0;
    if (failed) return fs_diag_add(&run->diag, FS_EIO, path, 0, NULL, "cannot write: %s", strerror(errno));
    return FS_OK;
}

/* communes.pdf, drawn on its own thread. */
typedef struct communes_job {
    const fs_chart_data *data;
    const fs_chart_options *opt;
    const fs_chart_place *place;
    fs_diag diag;
    fs_status st;
} communes_job;

static void *draw_communes(void *arg)
{
    communes_job *job = arg;
    run_locale l = run_locale_enter();
    job->st = fs_communes_draw(job->data, job->opt, job->place, NULL, &job->diag);
    run_locale_leave(l);
    return NULL;
}

fs_status run_draw_charts(fs_run *run, const fs_chart_data *data, const fs_chart_options *opt,
                          const fs_chart_place *place)
{
    communes_job job = {data, opt, place, {0}, FS_OK};
    pthread_t thread;
    bool threaded = opt->pdf && pthread_create(&thread, NULL, draw_communes, &job) == 0;
    fs_status st = fs_chart_draw(data, opt, place, &run->diag);
    if (threaded) pthread_join(thread, NULL);
    else if (opt->pdf) draw_communes(&job);
    /* When the charts failed, that is the run's failure: the pages' own (most often the
     * same, gnuplot missing) is not said twice. */
    for (size_t k = 0; st == FS_OK && k < job.diag.count && job.diag.items; k++) {
        const fs_error *e = &job.diag.items[k];
        fs_diag_add(&run->diag, e->code, e->file[0] ? e->file : NULL, e->line, e->key[0] ? e->key : NULL, "%s",
                    e->message);
    }
    if (st == FS_OK && job.st != FS_OK) st = job.st ? job.st : fs_diag_status(&job.diag);
    fs_diag_clear(&job.diag);
    return st;
}
