/*
 * run_figures.c: a run's figures by accessor (fiscalsim.h). A figure asked before its
 * stage (no scenario loaded, not solved) or of a unit out of range is 0, or NULL.
 */
#include <stdio.h>

#include "run_private.h"

static bool has_unit(const fs_run *run, size_t u)
{
    return run->model && u < run->model->unit_count;
}

static bool solved(const fs_run *run)
{
    return run->result != NULL;
}

const char *fs_run_name(const fs_run *run)
{
    return run->model ? run->model->name : NULL;
}

const char *fs_run_money_unit(const fs_run *run)
{
    return run->model ? run->model->money_unit : NULL;
}

int fs_run_year(const fs_run *run)
{
    return run->model ? run->model->year : 0;
}

size_t fs_run_unit_count(const fs_run *run)
{
    return run->model ? run->model->unit_count : 0;
}

const char *fs_run_unit_name(const fs_run *run, size_t u)
{
    return has_unit(run, u) ? run->model->units[u].name : NULL;
}

long fs_run_find_unit(const fs_run *run, const char *name)
{
    size_t near[5], count = 0;
    return run->model ? fs_model_lookup_unit(run->model, name, near, 5, &count) : -1;
}

size_t fs_run_unit_suggestions(const fs_run *run, const char *name, char *buf, size_t size)
{
    size_t near[5], count = 0, used = 0;
    if (size) buf[0] = '\0';
    if (!run->model) return 0;
    fs_model_lookup_unit(run->model, name, near, 5, &count);
    for (size_t k = 0; k < count && used < size; k++)
        used += (size_t)snprintf(buf + used, size - used, "%s\"%s\"", k ? ", " : "", run->model->units[near[k]].name);
    return count;
}

int64_t fs_run_unit_need(const fs_run *run, size_t u)
{
    return has_unit(run, u) ? run->model->need[u] : 0;
}

int64_t fs_run_unit_allocation(const fs_run *run, size_t u)
{
    return has_unit(run, u) && solved(run) ? run->result->units[u].allocation : 0;
}

int64_t fs_run_total_allocation(const fs_run *run)
{
    return solved(run) ? run->result->total_allocation : 0;
}

int64_t fs_run_total_transfer(const fs_run *run)
{
    return solved(run) ? run->result->total_transfer : 0;
}

double fs_run_min_coverage(const fs_run *run)
{
    return solved(run) ? run->result->min_coverage : 0;
}

size_t fs_run_units_under_need(const fs_run *run)
{
    return solved(run) ? run->result->units_under_need : 0;
}

int fs_run_failed_year(const fs_run *run)
{
    return run->failed_year;
}
