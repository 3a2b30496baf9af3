/*
 * fuzz_xlsx.c: libFuzzer target for the workbook reader: fuzz_table.c with the units
 * table given as an .xlsx file (seed: tests/fuzz/seeds/units.xlsx, written by
 * `fiscalsim template`).
 */
#define FUZZ_TABLE_EXT "xlsx"
#include "fuzz_table.c"
