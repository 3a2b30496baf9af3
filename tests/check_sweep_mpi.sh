#!/usr/bin/env bash
# Sweeps over MPI ranks (a build with -DFISCALSIM_MPI=ON): `mpirun -np 2 fiscalsim sweep`
# writes the outputs of a single-process sweep to the byte, on a Latin hypercube of the
# default scenario and on the water-filling sweep; --shard is refused under mpirun; a
# process not started by mpirun runs alone.
# usage: check_sweep_mpi.sh FISCALSIM PROJECT_DIR
set -u
bin=$1 project=$2
. "$(dirname "$0")/expect.sh"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
mpi() { mpirun --oversubscribe -np "$@"; }

cat > "$tmp/lhs.cfg" <<CFG
base = "$project/scenarios/haiphong-2026.cfg";
sweep = {
  design = "lhs"; variants = 600; seed = 5;
  parameters = (
    { key = "policy.envelope"; min = 27900000.0; max = 29300000.0; },
    { key = "revenue.lu_commune"; min = 0.7; max = 1.3; },
    { key = "policy.hold_harmless"; min = 0.8; max = 0.95; }
  );
};
CFG
for cfg in "$tmp/lhs.cfg" "$project/tests/fixtures/sweep-water-filling.cfg"; do
  name=$(basename "$cfg" .cfg)
  "$bin" sweep "$cfg" -o "$tmp/$name-one" --jobs 1 --charts none >/dev/null; expect "$name: one process" 0 $?
  mpi 2 "$bin" sweep "$cfg" -o "$tmp/$name-mpi" --charts none >"$tmp/$name.out" 2>&1; expect "$name: mpirun -np 2" 0 $?
  for f in sweep.csv sensitivity.csv sweep.json; do
    expect_same_file "$name: $f of 2 ranks = of one process" "$tmp/$name-one/$f" "$tmp/$name-mpi/$f"
  done
  expect "$name: one report, from rank 0" 1 "$(grep -c 'biến thể' "$tmp/$name.out")"
  expect "$name: no journal left" "sensitivity.csv sweep.csv sweep.json" "$(cd "$tmp/$name-mpi" && echo *)"
done
mpi 2 "$bin" sweep "$tmp/lhs.cfg" -o "$tmp/shard" --shard 1/2 --charts none >/dev/null 2>&1
expect "--shard under mpirun" 64 $?
finish sweep-mpi
