import Membrane

/// A study, not a model of the library: NEURON's `hh` (nrn `share/modfile/hh.mod`, 6.3 °C, E_Na 50, E_K −77,
/// E_L −54.3 mV, ḡ 120/36/0.3 mS/cm², C 1 µF/cm²) with every constant written into the code, as a compiler would see
/// a hand-written kernel. It runs on the library's own ``LaneDormandPrince`` with the population's default tolerances,
/// so its run time against `population --threads 1` is the most a kernel specialised for this one shape could save
/// over the general ``GatedCellKernel`` (BENCHMARKS.md, "the floor of one evaluation"). The same exponential sharing
/// as the general kernel: e^{−(V+65)/80} squared to the /40, /20 and /10 slopes, e^{−(V+65)/18} on its own.
struct HardCodedHodgkinHuxley<Lanes: SIMD>: LaneODESystem where Lanes.Scalar == Double {
    var stimulus = Lanes()
    var dimension: Int { 4 }

    /// u/(e^u − 1), its Bernoulli series for |u| < 0.02 (as ``GatedCellStructure``'s exp-linear form).
    @inline(__always) static func trap(_ u: Lanes, _ eu: Lanes) -> Lanes {
        var k = u / (eu - 1)
        let u2 = u * u
        let inner: Lanes = -1.0 / 720 + u2 * (1.0 / 30240)
        let middle: Lanes = 1.0 / 12 + u2 * inner
        let series: Lanes = 1 - 0.5 * u + u2 * middle
        k.replace(with: series, where: LaneMath.magnitude(u) .< 0.02)
        return k
    }

    func derivatives(at t: Lanes, state y: UnsafePointer<Lanes>, into dydt: UnsafeMutablePointer<Lanes>) {
        let v = y[0], m = y[1], h = y[2], n = y[3]
        let w = v + 65
        let e80 = LaneMath.exp(w * (-1.0 / 80))
        let e40 = e80 * e80, e20 = e40 * e40, e10 = e20 * e20
        let e18 = LaneMath.exp(w * (-1.0 / 18))
        let alphaM = Self.trap(-(v + 40) * 0.1, e10 * 12.182493960703473)  // e^{−(V+40)/10} = e^{−(V+65)/10}·e^{2.5}
        let betaM = 4 * e18
        let alphaH = 0.07 * e20
        let betaH = 1 / (1 + e10 * 20.085536923187668)                     // e^{−(V+35)/10} = e^{−(V+65)/10}·e^{3}
        let alphaN = 0.1 * Self.trap(-(v + 55) * 0.1, e10 * 2.718281828459045)
        let betaN = 0.125 * e80
        dydt[1] = alphaM - (alphaM + betaM) * m
        dydt[2] = alphaH - (alphaH + betaH) * h
        dydt[3] = alphaN - (alphaN + betaN) * n
        let m3 = m * m * m, n2 = n * n
        let sodium: Lanes = 120 * m3 * h * (v - 50)
        let potassium: Lanes = 36 * (n2 * n2) * (v + 77)
        let leak: Lanes = 0.3 * (v + 54.3)
        dydt[0] = stimulus - sodium - potassium - leak
    }
}

/// `cells` hard-coded cells at 0–20 µA/cm² for 1 s on one thread, 4 per vector, spikes located as ``SpikingRun`` does:
/// (run time in s, spikes, accepted steps).
func hardCodedPopulation(cells: Int, rtol: Double) throws -> (Double, Int, Int) {
    let solver = DormandPrinceSolver(relativeTolerance: rtol, absoluteTolerances: [0.01, 1e-5, 1e-5, 1e-5])
    var integrator = try LaneDormandPrince(system: HardCodedHodgkinHuxley<SIMD4<Double>>(), solver: solver)
    func steady(_ v: Double) -> [Double] {
        let am = 0.1 * (v + 40) / (1 - Double.exp(-(v + 40) / 10)), bm = 4 * Double.exp(-(v + 65) / 18)
        let ah = 0.07 * Double.exp(-(v + 65) / 20), bh = 1 / (Double.exp(-(v + 35) / 10) + 1)
        let an = 0.01 * (v + 55) / (1 - Double.exp(-(v + 55) / 10)), bn = 0.125 * Double.exp(-(v + 65) / 80)
        return [v, am / (am + bm), ah / (ah + bh), an / (an + bn)]
    }
    let start = steady(-65)
    var next = 0, spikes = 0
    func load(_ lane: Int) {
        guard next < cells else { integrator.stop(lane: lane); return }
        integrator.system.stimulus[lane] = cells > 1 ? 20 * Double(next) / Double(cells - 1) : 0
        integrator.start(lane: lane, at: 0, state: start, end: 1000)
        next += 1
    }
    let t0 = now()
    for lane in 0..<4 { load(lane) }
    let level = SIMD4<Double>(repeating: 0)
    while any(integrator.active) {
        let outcome = integrator.step()
        if any(outcome.accepted) {
            let crossed = outcome.accepted .& (integrator.previousState(component: 0) .< level)
                .& (integrator.state(component: 0) .>= level)
            if any(crossed) {
                for lane in 0..<4 where crossed[lane] {
                    if integrator.interpolant(lane: lane, component: 0).crossing(of: 0) != nil { spikes += 1 }
                }
            }
        }
        if any(outcome.finished) { for lane in 0..<4 where outcome.finished[lane] { load(lane) } }
    }
    return (now() - t0, spikes, integrator.statistics.acceptedSteps)
}
