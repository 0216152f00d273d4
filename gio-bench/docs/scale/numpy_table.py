#!/usr/bin/env python3
"""numpy's neighbour table on the same files the Java scale benchmark uses: for every target row
its L nearest pool rows, sgemm (‖g‖² − 2x·g, the target norm adds nothing to the ranking) and
argpartition in 50,000-row chunks, keeping a running top L. Prints the BLAS, its thread count and
the time (the read of the memory-mapped file included, as on the Java side).

usage: numpy_table.py POOL.npy TARGET.npy L [CHUNK]
"""
import sys
import time

import numpy as np


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        infos = [i for i in threadpool_info() if i.get("user_api") == "blas"]
        if infos:
            i = infos[0]
            return "%s %s (%s), architecture %s, %d threads" % (
                i.get("internal_api"), i.get("version"), i.get("filepath"), i.get("architecture"),
                i.get("num_threads"))
    except ImportError:
        pass
    return "unknown (threadpoolctl missing; see numpy.show_config())"


def table(pool, target, depth, chunk):
    n = target.shape[0]
    best_d = np.full((n, 0), np.inf, dtype=np.float32)
    best_i = np.zeros((n, 0), dtype=np.int64)
    for start in range(0, pool.shape[0], chunk):
        g = np.asarray(pool[start:start + chunk], dtype=np.float32)
        scores = (g * g).sum(axis=1)[None, :] - 2.0 * (target @ g.T)
        k = min(depth, scores.shape[1])
        part = np.argpartition(scores, k - 1, axis=1)[:, :k]
        cand_d = np.concatenate([best_d, np.take_along_axis(scores, part, axis=1)], axis=1)
        cand_i = np.concatenate([best_i, part + start], axis=1)
        k = min(depth, cand_d.shape[1])
        keep = np.argpartition(cand_d, k - 1, axis=1)[:, :k]
        best_d = np.take_along_axis(cand_d, keep, axis=1)
        best_i = np.take_along_axis(cand_i, keep, axis=1)
    order = np.argsort(best_d, axis=1, kind="stable")
    return np.take_along_axis(best_i, order, axis=1)


def main():
    pool_path, target_path, depth = sys.argv[1], sys.argv[2], int(sys.argv[3])
    chunk = int(sys.argv[4]) if len(sys.argv) > 4 else 50000
    print("numpy %s, BLAS: %s" % (np.__version__, blas_info()), flush=True)
    target = np.load(target_path).astype(np.float32)
    start = time.perf_counter()
    cpu = time.process_time()
    pool = np.load(pool_path, mmap_mode="r")
    ids = table(pool, target, depth, chunk)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print("numpy table: %d x %d x %d, L = %d: %.3f s wall, %.3f s CPU (first row's nearest: %d)"
          % (target.shape[0], pool.shape[0], pool.shape[1], depth, seconds, cpu, ids[0, 0]), flush=True)


if __name__ == "__main__":
    main()
