"""Work against precision of two explicit 5(4) pairs on NEURON's hh (10 uA/cm^2, 2 s): Dormand-Prince (Membrane's
SpikingRun) and Tsitouras 2011 (Tsit5), with the lane integrator's controller (DOPRI5's PI, beta 0.04, safety 0.9, factors
0.2-10), error norm (RMS of err/(atol + rtol max(|y|, |y1|)), atol = rtol for V in mV and the gates) and spikes located on
each step's cubic Hermite; spike times against Tests/Reference/hh's DOP853 reference (BENCHMARKS.md, issue 9).
Tableaux: Dormand & Prince 1980 (Hairer, Norsett & Wanner I, Table II.5.2); Tsitouras, Comput. Math. Appl. 62:770
(2011), the coefficients as OrdinaryDiffEq.jl's tsit_tableaus.jl.
Usage: Benchmarks/.venv/bin/python Benchmarks/studies/hh_tsit5_vs_dp5.py (after Benchmarks/peers/setup.sh)"""
import math, os, sys
import numpy as np
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'Tests', 'Reference', 'hh'))
from hh_equations import make_rhs, initial_state
ref_all = np.loadtxt(os.path.join(ROOT, 'Tests', 'Reference', 'hh', 'scipy_dop853_10s_10uA.csv'), delimiter=',', skiprows=1, ndmin=2)[:, 1]
T = 2000.0
ref = ref_all[ref_all < T]
DP = dict(c=[0,1/5,3/10,4/5,8/9,1,1],
  a=[[],[1/5],[3/40,9/40],[44/45,-56/15,32/9],[19372/6561,-25360/2187,64448/6561,-212/729],
     [9017/3168,-355/33,46732/5247,49/176,-5103/18656],[35/384,0,500/1113,125/192,-2187/6784,11/84]],
  e=[71/57600,0,-71/16695,71/1920,-17253/339200,22/525,-1/40])
TS = dict(c=[0,0.161,0.327,0.9,0.9800255409045097,1,1],
  a=[[],[0.161],[-0.008480655492356989,0.335480655492357],[2.8971530571054935,-6.359448489975075,4.3622954328695815],
     [5.325864828439257,-11.748883564062828,7.4955393428898365,-0.09249506636175525],
     [5.86145544294642,-12.92096931784711,8.159367898576159,-0.071584973281401,-0.028269050394068383],
     [0.09646076681806523,0.01,0.4798896504144996,1.379008574103742,-3.290069515436081,2.324710524099774]],
  e=[-0.00178001105222577714,-0.0008164344596567469,0.007880878010261995,-0.1447110071732629,0.5823571654525552,-0.45808210592918697,1/66])
def run(tab, rtol, stim=10.0):
    f = make_rhs(stim)
    F = lambda y: np.array(f(0, y))
    atol = np.array([rtol, rtol, rtol, rtol])  # as the bench: potentialTolerance = gateTolerance = rtol (mV, 1)
    y = np.array(initial_state()); t = 0.0; k1 = F(y); nfev = 1
    h = 0.01; errold = 1e-4; beta = 0.04; rejlast = False
    spikes = []; steps = 0; rej = 0
    while t < T:
        h = min(h, T - t)
        k = [k1]
        for s in range(1, 7):
            ys = y + h * sum(a * kk for a, kk in zip(tab['a'][s], k))
            if s == 6: y1 = ys
            k.append(F(ys)); nfev += 1
        err_v = h * sum(e * kk for e, kk in zip(tab['e'], k))
        sc = atol + rtol * np.maximum(abs(y), abs(y1))
        err = math.sqrt(np.mean((err_v / sc) ** 2))
        if not math.isfinite(err): err = 1e10
        if err <= 1:
            fac = err ** (0.2 - 0.75 * beta) / errold ** beta / 0.9
            fac = max(1 / 10, min(1 / 0.2, fac))
            hn = h / fac
            if rejlast: hn = min(hn, h)
            errold = max(err, 1e-4); rejlast = False
            if y[0] < 0 <= y1[0]:
                # cubic Hermite root on [t, t+h]
                f0, f1 = k[0][0], k[6][0]
                def p(s):
                    h00 = 2*s**3 - 3*s**2 + 1; h10 = s**3 - 2*s**2 + s; h01 = -2*s**3 + 3*s**2; h11 = s**3 - s**2
                    return h00*y[0] + h10*h*f0 + h01*y1[0] + h11*h*f1
                lo, hi = 0.0, 1.0
                for _ in range(60):
                    mid = 0.5 * (lo + hi)
                    if p(mid) < 0: lo = mid
                    else: hi = mid
                spikes.append(t + lo * h)
            t += h; y = y1; k1 = k[6]; h = hn; steps += 1
        else:
            rej += 1; rejlast = True
            h = h / min(1 / 0.2, err ** (0.2 - 0.75 * beta) / 0.9)
    s = np.array(spikes)
    e = np.max(np.abs(s - ref)) if len(s) == len(ref) else float('nan')
    return nfev, steps, rej, len(s), e
for rtol in [1e-4, 3e-5, 1e-5, 3e-6]:
    for name, tab in [('DP5', DP), ('Tsit5', TS)]:
        nfev, steps, rejected, count, error = run(tab, rtol)
        print(f"{name} rtol {rtol:g}: {nfev} evaluations, {steps} steps ({rejected} rejected), {count} spikes "
              f"(reference {len(ref)}), max spike-time error {error:.3g} ms", flush=True)
