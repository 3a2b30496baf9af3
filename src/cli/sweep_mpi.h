/*
 * sweep_mpi.h: a sweep spread over MPI ranks (`mpirun -np N fiscalsim sweep ...`, in a
 * build with -DFISCALSIM_MPI=ON).
 *
 * Each rank runs the blocks of the run order that a shard of that number would
 * (sweep.h: blocks b with b mod N = rank), then rank 0 gathers every finished row and
 * writes the one result; the others write nothing. Since a variant's result depends
 * on its block alone, the outputs are those of a single-machine sweep to the byte.
 * Without MPI, or when not started by mpirun, there is one rank and nothing to do.
 */
#ifndef FISCALSIM_SWEEP_MPI_H
#define FISCALSIM_SWEEP_MPI_H

#include <stddef.h>

#include "fiscalsim.h"

typedef struct sweep_mpi {
    int rank, size;              /* 0 and 1 when not under mpirun */
} sweep_mpi;

/* Starts MPI when the process was started by mpirun (and the build has MPI). */
sweep_mpi sweep_mpi_start(int *argc, char ***argv);

/* Ends MPI if it was started. */
void sweep_mpi_end(const sweep_mpi *mpi);

/* The status every rank agrees on: the worst (largest) of the ranks' statuses. */
fs_status sweep_mpi_agree(const sweep_mpi *mpi, fs_status st);

/* Gathers the finished variants of every rank into rank 0's run (fs_run_sweep_part,
 * fs_run_sweep_add_parts). Collective: every rank calls it. Returns FS_OK, or
 * FS_EINTERNAL (saying so on stderr) when memory runs out on a rank. */
fs_status sweep_mpi_gather(const sweep_mpi *mpi, fs_run *run);

#endif
