#!/usr/bin/python3
"""The SciPy side of bench_flow: solve A x = b from Matrix Market files with spsolve.

usage: flow_scipy.py A.mtx b.mtx x.bin
Prints one line: read_seconds solve_seconds residual peak_rss_mb; writes x as float64.
"""
import resource
import sys
import time

import numpy as np
import scipy.io
import scipy.sparse
import scipy.sparse.linalg

t0 = time.perf_counter()
a = scipy.sparse.csc_matrix(scipy.io.mmread(sys.argv[1]))
b = np.asarray(scipy.io.mmread(sys.argv[2])).ravel()
t1 = time.perf_counter()
x = scipy.sparse.linalg.spsolve(a, b)  # SuperLU with COLAMD, as Eigen's SparseLU here
t2 = time.perf_counter()
residual = np.linalg.norm(a @ x - b) / np.linalg.norm(b)
x.astype(np.float64).tofile(sys.argv[3])
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{t1 - t0:.6f} {t2 - t1:.6f} {residual:.3e} {rss:.1f}")
