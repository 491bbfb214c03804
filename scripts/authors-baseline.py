#!/usr/bin/env python3
# The baseline that `le similarity`'s speed is measured against: the authors' probe (method.md
# §2) in float32 PyTorch on the CPU. For each probe i: restore the weights, one SGD step on
# (x_i, y_i) alone (step rule: η, ×3 while the self-change is exactly 0, give up at 1e4), then
# re-run the network over all n rows and record the change. It forwards all rows as one batch
# (the authors' code loops over small batches built from Python lists), so it is, if anything,
# faster than their code. Not part of `npm test`; needs Debian's python3-torch and an optimized
# BLAS behind it (apt-get install python3-torch libopenblas0-pthread) — PyPI is not reachable
# here. Debian's torch calls the system libblas.so.3; with the reference BLAS alone a 1000×784 by
# 784×4096 product takes 1.1 s instead of 0.04 s and the baseline is 40× slower than it should be.
#
# Usage: /usr/bin/python3 scripts/authors-baseline.py D.csv W.safetensors [--measure kernelized|relative]
#        [--lr 1e-6] [--threads N] [--probes K] [--out S.csv] [--compare S.csv]
# With --probes K only the first K probes are timed and the total is extrapolated to n.
import argparse
import json
import os
import struct
import time

import numpy as np
import torch


def read_dataset(path):
    with open(path) as f:
        header = f.readline().strip().split(',')
    data = np.loadtxt(path, delimiter=',', skiprows=1, dtype=np.float64, ndmin=2)
    feature_cols = [k for k, name in enumerate(header) if name not in ('y', 'group')]
    return data[:, feature_cols], data[:, header.index('y')]


def read_safetensors(path):
    with open(path, 'rb') as f:
        (size,) = struct.unpack('<Q', f.read(8))
        header = json.loads(f.read(size))
        body = f.read()
    dtypes = {'F32': np.float32, 'F64': np.float64}
    tensors = {}
    for name, spec in header.items():
        if name == '__metadata__':
            continue
        start, end = spec['data_offsets']
        tensors[name] = np.frombuffer(body[start:end], dtype=dtypes[spec['dtype']]).reshape(spec['shape'])
    return tensors


def write_matrix(path, S):
    # cli.md's S.csv: header `id,0,…,n-1`, then `i,S_i0,…` per row.
    ids = np.arange(S.shape[0])
    np.savetxt(path, np.column_stack([ids, S]), delimiter=',', fmt=['%d'] + ['%.17g'] * S.shape[1],
               header='id,' + ','.join(map(str, ids)), comments='')


def read_matrix(path):
    return np.loadtxt(path, delimiter=',', skiprows=1, dtype=np.float64, ndmin=2)[:, 1:]


def agreement(S, reference):
    # This float32 matrix against another one (e.g. `le similarity`'s float64 exact engine).
    rel = np.abs(S - reference) / np.maximum(np.abs(reference), 1e-300)
    return {'compare': {'medianRelativeError': float(np.median(rel)),
                        'p99RelativeError': float(np.percentile(rel, 99)),
                        'maxErrorOverMaxEntry': float(np.abs(S - reference).max() / np.abs(reference).max())}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('data')
    ap.add_argument('weights')
    ap.add_argument('--measure', default='kernelized', choices=['kernelized', 'relative'])
    ap.add_argument('--lr', type=float, default=1e-6)
    ap.add_argument('--threads', type=int, default=os.cpu_count())
    ap.add_argument('--probes', type=int, default=0)
    ap.add_argument('--out')
    ap.add_argument('--compare', help="an S.csv to compare this matrix with, e.g. le similarity's")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    started = time.perf_counter()
    X, y = read_dataset(args.data)
    t = read_safetensors(args.weights)
    n, d = X.shape
    width = t['layers.0.weight'].shape[0]
    model = torch.nn.Sequential(torch.nn.Linear(d, width), torch.nn.ReLU(), torch.nn.Linear(width, 1))
    with torch.no_grad():
        model[0].weight.copy_(torch.from_numpy(np.array(t['layers.0.weight'], dtype=np.float32)))
        model[0].bias.copy_(torch.from_numpy(np.array(t['layers.0.bias'], dtype=np.float32)))
        model[2].weight.copy_(torch.from_numpy(np.array(t['layers.1.weight'], dtype=np.float32)))
        model[2].bias.copy_(torch.from_numpy(np.array(t['layers.1.bias'], dtype=np.float32)))
    inputs = torch.from_numpy(X.astype(np.float32))
    targets = torch.from_numpy(y.astype(np.float32))
    static = {k: v.clone() for k, v in model.state_dict().items()}
    loss_fn = torch.nn.MSELoss()
    with torch.no_grad():
        before = model(inputs).squeeze(1)

    probes = args.probes or n
    S = np.zeros((probes, n))
    unmoved = []
    probe_started = time.perf_counter()
    for i in range(probes):
        step = args.lr
        moved = False
        while not moved and step < 1e4:
            model.load_state_dict(static)
            opt = torch.optim.SGD(model.parameters(), lr=step)
            opt.zero_grad()
            loss_fn(model(inputs[i:i + 1]).squeeze(1), targets[i:i + 1]).backward()
            opt.step()
            with torch.no_grad():
                delta = (model(inputs).squeeze(1) - before).double().numpy()
            moved = delta[i] != 0.0
            used = step
            step *= 3
        if not moved:
            unmoved.append(i)
            continue
        if args.measure == 'relative':
            S[i] = np.abs(delta) / abs(delta[i])
        else:
            S[i] = delta / (-used * 2 * (before[i].item() - y[i]))
    probe_seconds = time.perf_counter() - probe_started
    if probes == n:
        S = (S + S.T) / 2
        if args.out:
            write_matrix(args.out, S)
    total = time.perf_counter() - started
    per_probe = probe_seconds / probes
    print(json.dumps({
        'n': n, 'd': d, 'width': width, 'threads': args.threads, 'torch': torch.__version__,
        'probesTimed': probes, 'secondsPerProbe': per_probe,
        'probeSeconds': probe_seconds, 'seconds': total,
        'extrapolatedSeconds': total - probe_seconds + per_probe * n,
        'unmoved': unmoved,
        **(agreement(S, read_matrix(args.compare)) if args.compare and probes == n else {}),
    }))


if __name__ == '__main__':
    main()
