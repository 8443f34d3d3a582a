import MembraneNumerics

/// The ``GatedCellKernel``'s equations for one channel set, Hodgkin & Huxley's squid axon as NEURON's `hh.mod`
/// (``HodgkinHuxleyChannel/hodgkinHuxley1952Sodium(conductance:reversal:)``,
/// ``HodgkinHuxleyChannel/hodgkinHuxley1952Potassium(conductance:reversal:)``: J. Physiol. 117:500, 1952), with the rate
/// constants written into the code, as NEURON compiles `hh.mod` to C and Brian2 generates code for its equations
/// (t in ms, V in mV):
///
///     C·dV/dt = I_stim − ḡ_Na·m³h·(V − E_Na) − ḡ_K·n⁴·(V − E_K) − Σ g_L·(V − E_L)
///     dx/dt = φ·(α_x − (α_x + β_x)·x)
///     α_m = u/(e^u − 1), u = −(V + 40)/10;  β_m = 4·e^{−(V + 65)/18}
///     α_h = 0.07·e^{−(V + 65)/20};          β_h = 1/(1 + e^{−(V + 35)/10})
///     α_n = 0.1·u/(e^u − 1), u = −(V + 55)/10;  β_n = 0.125·e^{−(V + 65)/80}
///
/// What varies from cell to cell stays data, lane by lane: ḡ_Na·(1 − b) and ḡ_K·(1 − b) (block), E_Na and E_K (fixed
/// or Nernst of held concentrations), the passive currents, the stimulus and C; φ = 3^((T − 6.3 °C)/10) is the
/// structure's. `GatedCellStructure.runsOnHodgkinHuxley1952Kernel` accepts a structure only when its gates and rates are exactly those of the library's two
/// channels (so any change of a rate constant runs on the general kernel), and `GatedCellKernelTests` checks that this
/// kernel gives the ``CellModel``'s right-hand side. One exponential per evaluation (the general kernel takes two):
/// x = e^{−(V+65)/720}, whose powers give e^{−(V+65)/80} = x⁹ and e^{−(V+65)/18} = x⁴⁰ (720 = 9·80 = 40·18), and
/// e^{−(V+65)/80} squared gives the /40, /20 and /10 slopes. The powers cost a few multiplications in place of an
/// exponential; their round-off grows with the exponent (x's 2 ulp become 144 in e^{−(V+65)/10} = x⁷², plus the
/// products' own), under 10⁻¹³ relative, far inside the kernel test's 10⁻¹². A population runs 1.2–1.6× faster on it
/// than on the general kernel (BENCHMARKS.md, "Hodgkin–Huxley"). `Copy` names the compiled copy of the lane worker
/// that runs it (``LaneCodeCopy``: ``PortableLaneCode``, or the AVX2 copy's own type).
public struct HodgkinHuxley1952Kernel<Lanes: SIMD, Copy: LaneCodeCopy>: GatedLaneSystem where Lanes.Scalar == Double {
    @usableFromInline var sodiumConductance = Lanes()
    @usableFromInline var potassiumConductance = Lanes()
    @usableFromInline var sodiumReversal = Lanes()
    @usableFromInline var potassiumReversal = Lanes()
    @usableFromInline var passiveConductance = Lanes()
    @usableFromInline var passiveDrive = Lanes()
    @usableFromInline var stimulus = Lanes()
    @usableFromInline var inverseCapacitance = Lanes(repeating: 1)
    @usableFromInline let phi: Lanes

    /// V and the gates m, h, n.
    @inlinable public var dimension: Int { 4 }

    /// A kernel for cells of `structure` (one that `runsOnHodgkinHuxley1952Kernel`), every lane's parameters zero and 1/C = 1 until
    /// ``load(_:into:)``.
    public init(structure: GatedCellStructure) {
        precondition(structure.channelCount == 2 && structure.gates.map(\.exponent) == [3, 1, 4],
                     "HodgkinHuxley1952Kernel runs only the squid axon's structure")
        phi = Lanes(repeating: structure.gates[0].phi)
    }

    /// Sets lane `lane`'s parameters (channel 0 is the Na⁺ channel, 1 the K⁺ channel, as `runsOnHodgkinHuxley1952Kernel` checked).
    @inlinable public mutating func load(_ p: GatedCellParameters, into lane: Int) {
        sodiumConductance[lane] = p.conductances[0]
        potassiumConductance[lane] = p.conductances[1]
        sodiumReversal[lane] = p.reversals[0]
        potassiumReversal[lane] = p.reversals[1]
        passiveConductance[lane] = p.passiveConductance
        passiveDrive[lane] = p.passiveDrive
        stimulus[lane] = p.stimulus
        inverseCapacitance[lane] = p.inverseCapacitance
    }

    /// The right-hand side above, lane by lane: [dV/dt (mV/ms), dm/dt, dh/dt, dn/dt (ms⁻¹)].
    @inlinable
    public func derivatives(at t: Lanes, state y: UnsafePointer<Lanes>, into dydt: UnsafeMutablePointer<Lanes>) {
        let v = y[0], m = y[1], h = y[2], n = y[3]
        // One exponential, x = e^{−(V+65)/720}: e^{−(V+65)/80} = x⁹ and e^{−(V+65)/18} = x⁴⁰ (720 = 80·9 = 18·40).
        let x = LaneMath.exp((v + 65) * (-1.0 / 720))
        let x2 = x * x, x4 = x2 * x2, x8 = x4 * x4, x16 = x8 * x8, x32 = x16 * x16
        let e80 = x8 * x
        let e40 = e80 * e80, e20 = e40 * e40, e10 = e20 * e20
        let e18 = x32 * x8
        // e^{−(V+40)/10} = e^{−(V+65)/10}·e^{2.5}, e^{−(V+35)/10} = e^{−(V+65)/10}·e³, e^{−(V+55)/10} = e^{−(V+65)/10}·e.
        let alphaM = GatedCellStructure.Rate.expLinear(-(v + 40) * 0.1, e10 * 12.182493960703473)
        let betaM = 4 * e18
        let alphaH = 0.07 * e20
        let betaH = 1 / (1 + e10 * 20.085536923187668)
        let alphaN = 0.1 * GatedCellStructure.Rate.expLinear(-(v + 55) * 0.1, e10 * 2.718281828459045)
        let betaN = 0.125 * e80
        dydt[1] = phi * (alphaM - (alphaM + betaM) * m)
        dydt[2] = phi * (alphaH - (alphaH + betaH) * h)
        dydt[3] = phi * (alphaN - (alphaN + betaN) * n)
        let n2 = n * n
        let sodium = sodiumConductance * (m * m * m * h) * (v - sodiumReversal)
        let potassium = potassiumConductance * (n2 * n2) * (v - potassiumReversal)
        let current = sodium + potassium + passiveConductance * v - passiveDrive - stimulus
        dydt[0] = (Lanes() - current) * inverseCapacitance
    }
}
