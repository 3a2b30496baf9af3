/*
 * output_args.c: the options that choose what a command writes, shared by `run`, `plot`
 * and `compare`: --charts, --lang and --format.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* --charts LIST into opt->formats. Returns 0, or -1 for a format it does not know. */
static int parse_charts(const char *list, cli_charts *opt)
{
    opt->formats = 0;
    if (!strcmp(list, "none")) return 0;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        if (!strcmp(tok, "png")) opt->formats |= FS_CHARTS_PNG;
        else if (!strcmp(tok, "svg")) opt->formats |= FS_CHARTS_SVG;
        else if (!strcmp(tok, "pdf")) opt->formats |= FS_CHARTS_PDF;
        else return -1;
    }
    return 0;
}

/* --lang LANG into opt->lang. Returns 0, or -1 for a language it does not know. */
static int parse_lang(const char *lang, cli_charts *opt)
{
    if (strcmp(lang, "vi") && strcmp(lang, "en")) return -1;
    opt->lang = lang;
    return 0;
}

int cli_chart_option(int argc, char **argv, int *i, cli_charts *opt)
{
    const char *arg = argv[*i];
    if (strcmp(arg, "--charts") && strcmp(arg, "--lang") && strcmp(arg, "--plots")) return 0;
    if (!strcmp(arg, "--plots") && *i + 1 >= argc) return cli_usage_error("--plots needs the folder of the chart scripts");
    if (*i + 1 >= argc) return cli_usage_error("%s needs a value", arg);
    const char *value = argv[++*i];
    if (!strcmp(arg, "--plots")) opt->plots = value;
    if (!strcmp(arg, "--charts") && parse_charts(value, opt) != 0)
        return cli_usage_error("--charts takes png, svg, pdf (comma separated) or none");
    if (!strcmp(arg, "--lang") && parse_lang(value, opt) != 0) return cli_usage_error("--lang takes vi or en");
    return 1;
}

int cli_output_option(int argc, char **argv, int *i, const char **dir)
{
    const char *arg = argv[*i];
    if (strcmp(arg, "-o") && strcmp(arg, "--output")) return 0;
    if (*i + 1 >= argc) return cli_usage_error("%s needs a folder", arg);
    *dir = argv[++*i];
    if (!(*dir)[0]) return cli_usage_error("%s needs a folder, got an empty name", arg);
    return 1;
}

int cli_parse_formats(const char *list, bool *csv, bool *xlsx)
{
    *csv = *xlsx = false;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        if (!strcmp(tok, "csv")) *csv = true;
        else if (!strcmp(tok, "xlsx")) *xlsx = true;
        else return -1;
    }
    return *csv || *xlsx ? 0 : -1;
}
