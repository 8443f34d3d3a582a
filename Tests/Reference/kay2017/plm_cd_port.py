#!/usr/bin/env python3
"""Port of Alan Kay's PLM_CD.m (Kay 2017, Front. Cell Dev. Biol. 5:41): the pump-leak model by the
charge-difference method, integrated exactly as the published script does it: explicit Euler with
dt = 1 ms, and after every step the volume is rescaled to osmotic balance (w <- w*Osm_i/Osm_o, every
concentration rescaled to conserve moles). Pump on for 0 < t < toff, off afterwards.

Usage: plm_cd_port.py [--dt 1e-3] [--constants script|codata] [--toff 5000] [--times 0,1000,...]
           [--xo 0] [--zo 0] [--gcl 0.2]  > out.csv

--constants script: F = 96485, RT/F = 25.69 mV (as in PLM_CD.m)
--constants codata: CODATA 2018 F and R at 298.15 K (what Membrane's kay-2017 preset uses)
Output columns: time_s, vm_mV, Na_mM, K_mM, Cl_mM, X_mM, volume_relative (to the initial volume).
Standard library only.
"""
import argparse, math, sys

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dt", type=float, default=1e-3)
    ap.add_argument("--constants", choices=["script", "codata"], default="script")
    ap.add_argument("--toff", type=float, default=5000.0)
    ap.add_argument("--times", default="0,1000,2000,3000,4000,5000,6000,7000,8000,9000,10000")
    ap.add_argument("--xo", type=float, default=0.0, help="extracellular impermeant, mM")
    ap.add_argument("--zo", type=float, default=0.0, help="its charge")
    ap.add_argument("--gcl", type=float, default=0.2, help="g_Cl in mS/cm2")
    a = ap.parse_args()
    if a.constants == "script":
        F = 96485.0; R = 25.69e-3
    else:
        e = 1.602176634e-19; NA = 6.02214076e23; kB = 1.380649e-23
        F = e * NA; R = kB * NA * 298.15 / F
    dt = a.dt
    times = [float(x) for x in a.times.split(",")]
    tt = max(times)
    ton, toff = 0.0, a.toff
    gna = 0.01 * 0.1 / F; gk = 0.3 * 0.1 / F; gcl = a.gcl * 0.1 / F
    p = 0.5e-4 / F
    ck, cna = 2.0, 3.0
    rad = 5e-5
    w = (4.0 / 3.0) * math.pi * rad ** 3
    w0 = w
    Ar = 4 * math.pi * rad ** 2
    C = 1e-4
    FinvCAr = F / (C * Ar)
    Oso = 300e-3; ko = 3e-3
    xo = a.xo * 1e-3; zo = a.zo
    clo = (Oso - xo + zo * xo) / 2
    nao = clo - ko - zo * xo
    x = 50e-3; z = -1.0; MX = x * w
    cl = (Oso - 2 * x) / 2
    na = 0.8 * (Oso - cl - x)
    k = 0.2 * (Oso - cl - x)
    t = 0.0
    x = MX / w
    out = sys.stdout
    out.write("time_s,vm_mV,Na_mM,K_mM,Cl_mM,X_mM,volume_relative\n")
    def emit(t, V):
        out.write("%.6f,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g\n" % (t, 1e3 * V, 1e3 * na, 1e3 * k, 1e3 * cl, 1e3 * x, w / w0))
    V = FinvCAr * w * (na + k - cl + z * x)
    nxt = 0
    if times[0] == 0:
        emit(0.0, V); nxt = 1
    steps = int(round(tt / dt))
    log = math.log
    for i in range(1, steps + 1):
        sw = 1.0 if (toff > t and t > ton) else 0.0
        V = FinvCAr * w * (na + k - cl + z * x)
        invw = 1.0 / w
        dna = -dt * Ar * invw * (gna * (V - R * log(nao / na)) + sw * cna * p)
        dk = -dt * Ar * invw * (gk * (V - R * log(ko / k)) - sw * ck * p)
        dcl = dt * Ar * invw * (gcl * (V + R * log(clo / cl)))
        na += dna; k += dk; cl += dcl
        Osi = na + k + cl + x
        w2 = w * Osi / Oso
        f = w / w2
        na *= f; k *= f; cl *= f; x *= f
        w = w2
        t = i * dt
        if nxt < len(times) and t >= times[nxt] - dt / 2:
            emit(t, FinvCAr * w * (na + k - cl + z * x)); nxt += 1
    out.flush()

if __name__ == "__main__":
    main()
