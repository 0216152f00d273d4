#!/usr/bin/python3
"""Where the accuracy of a selection could come from, on a FashionMNIST task in shared/quality's
layout (prepare.py's output, or QualityRunner --export). Scores, with score.py's classifier
(scikit-learn L-BFGS logistic regression) and score.py's KL (exact estimator, k = 5):

  the selection; nearest-neighbour retrieval at its size (baselines.py's round robin);
  oracles that use the pool's labels: the selection without its wrong-class rows, retrieval
  skipping wrong-class rows, random rows of the target's classes, all rows of those classes;
  random rows among those the density filter keeps (no labels: gio's default threshold);
  coverage: target rows that are no selected row's nearest target row, and mean log ν_1.

Usage: accuracy_headroom.py TASK_DIR SELECTION_FILE   (Debian python3-numpy, python3-sklearn)
Used for gio-bench/docs/quality.md, "Why shift accuracy stays level with retrieval"."""
import json, math, os, sys, warnings
warnings.filterwarnings("ignore")
import numpy as np
from scipy.special import digamma
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import NearestNeighbors

t, f = sys.argv[1], sys.argv[2]
load = lambda name: np.load(os.path.join(t, name + ".npy"))
P, L, X = load("pool_pca50"), load("pool_labels"), load("target_pca50")
T, TL = load("test_pca50"), load("test_labels")
cls = json.load(open(os.path.join(t, "task.json")))["target_classes"]
good = np.isin(L, cls)
n, d = X.shape

def acc(idx):
    idx = np.unique(idx)
    return (LogisticRegression(max_iter=300).fit(P[idx], L[idx]).predict(T) == TL).mean()

def kl(idx, k=5):
    W = P[np.unique(idx)]
    rho = NearestNeighbors(n_neighbors=k + 1).fit(X).kneighbors(X)[0][:, k]
    nu = NearestNeighbors(n_neighbors=k).fit(W).kneighbors(X)[0][:, k - 1]
    return d * np.mean(np.log(nu / rho)) + math.log(len(W) / (n - 1))

def round_robin(lists, size):
    seen, out = set(), []
    for j in range(max(len(l) for l in lists)):
        for l in lists:
            if j < len(l) and l[j] not in seen:
                seen.add(l[j]); out.append(l[j])
                if len(out) == size:
                    return np.array(out)
    return np.array(out)

def report(name, idx):
    print("%-44s %6d  precision %.3f  accuracy %.4f  KL %7.2f" % (name, len(np.unique(idx)), good[idx].mean(), acc(idx), kl(idx)), flush=True)

sel = np.loadtxt(f, dtype=np.int64)
m = len(sel)
near = NearestNeighbors(n_neighbors=m // n + 150).fit(P).kneighbors(X, return_distance=False)
report("selection", sel)
report("nearest retrieval", round_robin([list(r) for r in near], m))
report("oracle: selection without wrong-class rows", sel[good[sel]])
report("oracle: retrieval skipping wrong-class rows", round_robin([[g for g in r if good[g]] for r in near], m))
rng = np.random.default_rng(0)
for s in range(2):
    report("oracle: random rows of the target's classes", rng.choice(np.flatnonzero(good), m, replace=False))
print("oracle: all %d rows of the target's classes: accuracy %.4f" % (good.sum(), acc(np.flatnonzero(good))))

# the density filter of gio's default (k 5, 6,000-row reference sample, 0.375-quantile of the
# target's own leave-one-out ratios), applied to the whole pool; no labels
k, S = 5, min(6000, len(P))
ref = np.sort(rng.choice(len(P), S, replace=False)) if S < len(P) else np.arange(len(P))
K = max(k, round(k * (S - 1) / n))
inref = np.zeros(len(P), bool); inref[ref] = True
dG = NearestNeighbors(n_neighbors=K + 1).fit(P[ref]).kneighbors(P)[0]
nuG = np.where(inref, dG[:, K], dG[:, K - 1])
nuX = NearestNeighbors(n_neighbors=k).fit(X).kneighbors(P)[0][:, k - 1]
const = math.log((S - 1) / n) + digamma(k) - digamma(K)
r = d * (np.log(nuG) - np.log(nuX)) + const
rX = d * (np.log(NearestNeighbors(n_neighbors=K).fit(P[ref]).kneighbors(X)[0][:, K - 1])
          - np.log(NearestNeighbors(n_neighbors=k + 1).fit(X).kneighbors(X)[0][:, k])) + const
kept = np.flatnonzero(r >= np.quantile(rX, 0.375))
print("density filter keeps %d pool rows, precision %.3f, %.3f of the target's classes" % (len(kept), good[kept].mean(), (r[good] >= np.quantile(rX, 0.375)).mean()))
report("random rows the density filter keeps", rng.choice(kept, m, replace=False))

one = NearestNeighbors(n_neighbors=1).fit(X)
for name, idx in (("selection", sel), ("nearest retrieval", round_robin([list(r) for r in near], m))):
    owners = np.bincount(one.kneighbors(P[idx], return_distance=False)[:, 0], minlength=n)
    nu1 = NearestNeighbors(n_neighbors=1).fit(P[idx]).kneighbors(X)[0][:, 0]
    print("coverage, %-18s target rows owning no selected row: %3d   mean log nu_1: %.3f" % (name, (owners == 0).sum(), np.log(nu1).mean()))
