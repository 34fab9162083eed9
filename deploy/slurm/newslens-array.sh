#!/usr/bin/env bash
# newslens analyze as a Slurm job array: one task per shard, all reading the corpus from and writing the tables to
# one shared file system. Slurm gives each task SLURM_ARRAY_TASK_ID (here 0..7) and SLURM_ARRAY_TASK_COUNT;
# `--shard auto` turns them into shard I of N (counted from SLURM_ARRAY_TASK_MIN, so --array=1-8 works too).
# To change the number of shards, change --array only.
#   sbatch deploy/slurm/newslens-array.sh            (or: sbatch --export=ALL,CORPUS=/x,OUT=/y deploy/slurm/newslens-array.sh)
#SBATCH --job-name=newslens-analyze
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=24:00:00
#SBATCH --output=newslens-%A_%a.log
set -euo pipefail

CORPUS="${CORPUS:-/shared/corpus}"
OUT="${OUT:-/shared/newslens}"

# `newslens` is the .NET tool (see the README), or the container image through Apptainer:
#   NEWSLENS="apptainer exec --bind /shared newslens.sif newslens" sbatch deploy/slurm/newslens-array.sh
NEWSLENS="${NEWSLENS:-newslens}"

# --allow-skipped: a bad file or record skipped (named in the log and in the shard's manifest) does not fail the task;
# a corpus path that gives no file, or input of no bytes, does (exit 2). A task with nothing to read succeeds.
srun $NEWSLENS analyze "$CORPUS" --out "$OUT" --shard auto --threads "${SLURM_CPUS_PER_TASK:-1}" --allow-skipped
