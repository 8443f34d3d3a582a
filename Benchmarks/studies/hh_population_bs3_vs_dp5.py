"""Work against precision on the 1000-cell population of BENCHMARKS.md (NEURON's hh at 6.3 degC, cell k at 20k/999
uA/cm^2, 1 s): Dormand-Prince 5(4) (Membrane's SpikingRun) against Bogacki-Shampine 3(2), a lower-order pair whose
real stability interval per evaluation of f is larger (about 2.5 for 3 evaluations against 3.3 for 6), and where the
evaluations go (cells that stop firing after at most two spikes against cells that fire on).

Every cell is its own lane with its own step (numpy arrays across the 1000 cells, as the Swift lane integrator), with
the lane integrator's controller (PI, beta 0.04, safety 0.9, factors 0.2-10, exponent 1/(q+1) for the embedded order
q), error norm (RMS of err/(atol + rtol max(|y|, |y1|)), here atol = rtol for V in mV and the gates) and spikes
(upward crossings of 0 mV) located on each step's cubic Hermite; spike counts and first/last spike times against
Tests/Reference/hh's DOP853 reference (rtol 1e-12), NEURON's fixed step (dt 0.025 ms) from the same directory.
Tableaux: Dormand & Prince 1980 (Hairer, Norsett & Wanner I, Table II.5.2); Bogacki & Shampine, Appl. Math. Lett.
2:321 (1989).
Usage: Benchmarks/.venv/bin/python Benchmarks/studies/hh_population_bs3_vs_dp5.py (after Benchmarks/peers/setup.sh)"""
import os, sys
import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
REF = os.path.join(ROOT, 'Tests', 'Reference', 'hh')
sys.path.insert(0, REF)
from hh_equations import initial_state, ionic_current  # noqa: E402
ref = np.genfromtxt(os.path.join(REF, 'scipy_dop853_population_1s.csv'), delimiter=',', skip_header=1)
neuron = np.genfromtxt(os.path.join(REF, 'neuron_fixed_dt0.025_population_1s.csv'), delimiter=',', skip_header=1)
STIM = ref[:, 1]
N = len(STIM)
T = 1000.0  # ms


def vtrap(x):
    """x/(e^x - 1), its series near 0 (hh.mod's vtrap)."""
    with np.errstate(all='ignore'):
        r = x / np.expm1(x)
    return np.where(np.abs(x) < 1e-4, 1 - x / 2 + x * x / 12, r)


def rhs(y):
    """hh.mod at 6.3 degC (Tests/Reference/hh/hh_equations.py, its rates with numpy's exp), every lane at once."""
    v, m, h, n = y
    with np.errstate(all='ignore'):
        am = vtrap(-(v + 40) / 10); bm = 4 * np.exp(-(v + 65) / 18)
        ah = 0.07 * np.exp(-(v + 65) / 20); bh = 1 / (np.exp(-(v + 35) / 10) + 1)
        an = 0.1 * vtrap(-(v + 55) / 10); bn = 0.125 * np.exp(-(v + 65) / 80)
        return np.array([STIM - ionic_current(v, m, h, n), am * (1 - m) - bm * m, ah * (1 - h) - bh * h, an * (1 - n) - bn * n])


def rest():
    """NEURON's finitialize(-65) in every lane."""
    return np.tile(np.array(initial_state())[:, None], (1, N))


PAIRS = {
    'DP5(4)': dict(q=4, a=[[], [1/5], [3/40, 9/40], [44/45, -56/15, 32/9],
                           [19372/6561, -25360/2187, 64448/6561, -212/729],
                           [9017/3168, -355/33, 46732/5247, 49/176, -5103/18656],
                           [35/384, 0, 500/1113, 125/192, -2187/6784, 11/84]],
                   e=[71/57600, 0, -71/16695, 71/1920, -17253/339200, 22/525, -1/40]),
    'BS3(2)': dict(q=2, a=[[], [1/2], [0, 3/4], [2/9, 1/3, 4/9]],
                   e=[2/9 - 7/24, 1/3 - 1/4, 4/9 - 1/3, -1/8]),
}


def run(pair, rtol, beta=0.04):
    """Evaluations of f per cell, spike counts, first and last spike times (FSAL pairs: the last stage is y1)."""
    tab = PAIRS[pair]; stages = len(tab['a']); ex = 1 / (tab['q'] + 1)
    y = rest(); t = np.zeros(N); k1 = rhs(y); h = np.full(N, 0.01); errold = np.full(N, 1e-4)
    rejected_last = np.zeros(N, bool); active = np.ones(N, bool)
    evaluations = np.ones(N); count = np.zeros(N, int); first = np.full(N, np.nan); last = np.full(N, np.nan)
    while active.any():
        hh = np.where(active, np.minimum(h, T - t), 0.0)
        k = [k1]
        for s in range(1, stages):
            ys = y + hh * sum(a * kk for a, kk in zip(tab['a'][s], k))
            k.append(rhs(ys))
        y1 = ys; evaluations += active * (stages - 1)
        est = hh * sum(e * kk for e, kk in zip(tab['e'], k))
        with np.errstate(all='ignore'):
            err = np.sqrt(np.mean((est / (rtol + rtol * np.maximum(abs(y), abs(y1)))) ** 2, axis=0))
        err[~np.isfinite(err)] = 1e10
        accepted = active & (err <= 1)
        fac = np.clip(np.maximum(err, 1e-36) ** (ex - 0.75 * beta) / errold ** beta / 0.9, 0.1, 5)
        h_accepted = np.where(rejected_last, np.minimum(hh / fac, hh), hh / fac)
        h_rejected = hh / np.minimum(5, np.maximum(err, 1e-36) ** ex / 0.9)
        for j in np.nonzero(accepted & (y[0] < 0) & (y1[0] >= 0))[0]:
            f0, f1, a0, a1, H = k[0][0, j], k[-1][0, j], y[0, j], y1[0, j], hh[j]
            lo, hi = 0.0, 1.0
            for _ in range(50):
                s = 0.5 * (lo + hi)
                p = ((2 * s**3 - 3 * s**2 + 1) * a0 + (s**3 - 2 * s**2 + s) * H * f0 + (-2 * s**3 + 3 * s**2) * a1
                     + (s**3 - s**2) * H * f1)
                lo, hi = (s, hi) if p < 0 else (lo, s)
            ts = t[j] + lo * H; count[j] += 1; last[j] = ts
            if np.isnan(first[j]): first[j] = ts
        y = np.where(accepted, y1, y); k1 = np.where(accepted, k[-1], k1); t = np.where(accepted, t + hh, t)
        errold = np.where(accepted, np.maximum(err, 1e-4), errold)
        rejected_last = np.where(active, ~accepted, rejected_last)
        h = np.where(accepted, h_accepted, np.where(active, h_rejected, h)); active &= t < T - 1e-12
    return evaluations, count, first, last


def report(label, count, first, last, evaluations=None):
    wrong = int(np.sum(count != ref[:, 2]))
    same = (count == ref[:, 2]) & ~np.isnan(ref[:, 3])
    fe = np.max(np.abs(first - ref[:, 3])[same]); le = np.max(np.abs(last - ref[:, 4])[same])
    work = '' if evaluations is None else f'{evaluations.mean():9.0f}'
    quiet = '' if evaluations is None else f'{evaluations[ref[:, 2] <= 2].sum() / evaluations.sum():6.1%}'
    print(f'{label:18s} {work:>9s} {quiet:>7s} {wrong:6d} {fe:10.2e} {le:10.2e}', flush=True)


print(f'{"run":18s} {"evals/cell":>9s} {"quiet":>7s} {"wrong":>6s} {"first(ms)":>10s} {"last(ms)":>10s}')
print('(quiet: share of the evaluations spent on the cells that fire at most twice in the reference)')
report('NEURON dt 0.025', neuron[:, 2], neuron[:, 3], neuron[:, 4])
for pair, tolerances in [('DP5(4)', [1e-5, 1e-4, 1e-3]), ('BS3(2)', [1e-5, 1e-6, 1e-7])]:
    for rtol in tolerances:
        ev, c, f, l = run(pair, rtol)
        report(f'{pair} rtol {rtol:g}', c, f, l, ev)
