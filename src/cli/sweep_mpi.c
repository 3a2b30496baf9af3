/*
 * sweep_mpi.c: the MPI side of a sweep (see sweep_mpi.h). Rows travel as bytes with
 * their variant numbers: every rank runs the same binary on the same machine type.
 */
#include "sweep_mpi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef FISCALSIM_MPI
#include <mpi.h>

/* Set by mpirun (Open MPI, and the PMI of other launchers). */
static int started_by_mpirun(void)
{
    return getenv("OMPI_COMM_WORLD_SIZE") || getenv("PMI_SIZE") || getenv("PMIX_RANK");
}

sweep_mpi sweep_mpi_start(int *argc, char ***argv)
{
    sweep_mpi mpi = {0, 1};
    if (!started_by_mpirun()) return mpi;
    MPI_Init(argc, argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &mpi.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &mpi.size);
    return mpi;
}

void sweep_mpi_end(const sweep_mpi *mpi)
{
    (void)mpi;
    int started = 0;
    MPI_Initialized(&started);
    if (started) MPI_Finalize();
}

fs_status sweep_mpi_agree(const sweep_mpi *mpi, fs_status st)
{
    if (mpi->size <= 1) return st;
    int mine = (int)st, worst = 0;
    MPI_Allreduce(&mine, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return (fs_status)worst;
}

fs_status sweep_mpi_gather(const sweep_mpi *mpi, fs_run *run)
{
    if (mpi->size <= 1) return FS_OK;
    void *send = NULL;
    size_t mine = 0, record = 0;
    int ok = fs_run_sweep_part(run, &send, &mine, &record) == FS_OK;
    /* Counted in records, not bytes: a sweep of 10^7 variants is over 2 GB of rows. */
    int count = (int)mine;
    int *counts = mpi->rank == 0 ? calloc((size_t)mpi->size, sizeof *counts) : NULL;
    int *offsets = mpi->rank == 0 ? calloc((size_t)mpi->size, sizeof *offsets) : NULL;
    if (mpi->rank == 0 && (!counts || !offsets)) ok = 0;
    int all_ok = 0;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    fs_status st = FS_OK;
    if (all_ok) {
        MPI_Datatype row_type;
        MPI_Type_contiguous((int)record, MPI_BYTE, &row_type);
        MPI_Type_commit(&row_type);
        MPI_Gather(&count, 1, MPI_INT, counts, 1, MPI_INT, 0, MPI_COMM_WORLD);
        char *got = NULL;
        size_t total = 0;
        if (mpi->rank == 0) {
            for (int k = 0; k < mpi->size; k++) offsets[k] = (int)total, total += (size_t)counts[k];
            got = malloc((total + 1) * record);
            if (!got) abort(); /* the ranks are waiting in MPI_Gatherv: nothing else to do */
        }
        MPI_Gatherv(send, count, row_type, got, counts, offsets, row_type, 0, MPI_COMM_WORLD);
        MPI_Type_free(&row_type);
        if (mpi->rank == 0) st = fs_run_sweep_add_parts(run, got, total);
        free(got);
    } else {
        fputs("fiscalsim: out of memory gathering the ranks' variants\n", stderr);
        st = FS_EINTERNAL;
    }
    free(send), free(counts), free(offsets);
    return st;
}
#else /* no MPI in this build: one rank */

sweep_mpi sweep_mpi_start(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return (sweep_mpi){0, 1};
}

void sweep_mpi_end(const sweep_mpi *mpi)
{
    (void)mpi;
}

fs_status sweep_mpi_agree(const sweep_mpi *mpi, fs_status st)
{
    (void)mpi;
    return st;
}

fs_status sweep_mpi_gather(const sweep_mpi *mpi, fs_run *run)
{
    (void)mpi, (void)run;
    return FS_OK;
}

#endif
