"""scikit-learn's KMeans on the same data, init and iteration count as KMeansBench (gio-bench).

Usage: /usr/bin/python3 kmeans_sklearn.py DATA.npy INIT.npy ITERATIONS THREADS
Prints one JSON line: wall and CPU seconds of the fit, iterations run, inertia, BLAS info.
"""
import json
import os
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_info, threadpool_limits

data, init, iters, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
x = np.load(data)
c0 = np.load(init)
with threadpool_limits(limits=threads):
    km = KMeans(n_clusters=len(c0), init=c0, n_init=1, max_iter=iters, tol=0.0,
                algorithm="lloyd", random_state=0)
    wall, cpu = time.perf_counter(), time.process_time()
    km.fit(x)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({
    "sklearn": __import__("sklearn").__version__,
    "wall": wall, "cpu": cpu, "iterations": int(km.n_iter_), "inertia": float(km.inertia_),
    "dtype": str(x.dtype),
    "pools": [{k: p.get(k) for k in ("internal_api", "num_threads", "architecture")}
              for p in threadpool_info()],
}))
