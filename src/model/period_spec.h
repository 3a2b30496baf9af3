/*
 * period_spec.h: the `period` section of a scenario, as plain data: the years of a
 * stability period and the rates by which each later year grows. Owned by the model
 * (fs_model.period), used by the period stage (period.h).
 */
#ifndef FISCALSIM_PERIOD_SPEC_H
#define FISCALSIM_PERIOD_SPEC_H

#include <stdbool.h>

typedef struct fs_period_spec {
    int years;                   /* including the scenario's year, 2..30 */
    double *source_growth;       /* per source, a yearly rate */
    double population_growth, cost_growth, envelope_growth, city_growth;
    bool stability;              /* freeze the ratios, transfers only rising */
    const char *file;
    int line;
} fs_period_spec;

void fs_period_spec_free(fs_period_spec *spec);

#endif
