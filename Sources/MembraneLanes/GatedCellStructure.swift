import MembraneNumerics
import RealModule

/// What every cell of a population run by the ``GatedCellKernel`` shares: its channels, their gates and the gates' rates
/// (in ms⁻¹ of V in mV), and where the kernel's state components sit in the cell model's state (MembraneDynamics
/// compiles a `CellModel` into a structure and each cell's ``GatedCellParameters``).
public struct GatedCellStructure: Sendable, Equatable {
    /// The gates, channel by channel; channel c's are gates[firstGate[c] ..< firstGate[c + 1]]; gate k's α and β are
    /// rates[2k] and rates[2k + 1].
    public let gates: [Gate]
    /// The rates α and β of each gate, in gate order.
    public let rates: [Rate]
    /// The exponentials of the rates, in the order they are computed: HH's six rates need two exponentials and three
    /// squarings (α_m, β_h and α_n vary as e^{−V/10}, α_h as e^{−V/20}, β_n as e^{−V/80}: powers of two of one another).
    public let exponents: [Exponent]
    /// The first gate of each channel, and the number of gates last.
    public let firstGate: [Int]
    /// The number of channels.
    @inlinable public var channelCount: Int { firstGate.count - 1 }
    /// The state components of the cell model the lanes' components come from (V's first).
    public let modelIndices: [Int]

    /// A structure of `gates` (channel by channel, channel c's starting at `firstGate[c]`) with `rates` (α and β of
    /// each gate). Rates of one slope share an exponential, and a slope 2^k times a smaller one squares that one k times
    /// (k ≤ 6, smallest |slope| first): each rate's ``Rate/exponent`` and ``Rate/factor`` are set here.
    public init(gates: [Gate], rates: [Rate], firstGate: [Int], modelIndices: [Int]) {
        precondition(rates.count == 2 * gates.count && firstGate.first == 0 && firstGate.last == gates.count,
                     "two rates per gate, and channels that cover the gates")
        var exponents: [Exponent] = []
        for slope in Set(rates.map(\.slope)).sorted(by: { abs($0) < abs($1) }) {
            let first = rates.first { $0.slope == slope }!
            var exponent = Exponent(slope: slope, offset: first.offset)
            search: for (j, base) in exponents.enumerated() where base.source < 0 {
                for k in 1...6 {
                    let power = Double(1 << k)
                    if abs(slope - power * base.slope) <= 1e-14 * abs(slope) {
                        exponent = Exponent(slope: slope, offset: power * base.offset, source: j, doublings: k)
                        break search
                    }
                }
            }
            exponents.append(exponent)
        }
        var shared = rates
        for i in shared.indices {
            let j = exponents.firstIndex { $0.slope == shared[i].slope }!
            shared[i].exponent = j
            // f = e^{d − d₀}: the rate's offset relative to its shared exponential's.
            shared[i].factor = Double.exp(shared[i].offset - exponents[j].offset)
        }
        self.gates = gates
        self.rates = shared
        self.exponents = exponents
        self.firstGate = firstGate
        self.modelIndices = modelIndices
    }

    /// A rate in ms⁻¹ of V in mV, written through u = c·V + d so that every form needs e^u: r·e^u (exponential,
    /// u = (V − m)/s), r/(1 + e^u) (sigmoid, u = −(V − m)/s) or r·u/(e^u − 1) (exp-linear, u = −(V − m)/s: r·x/(1 − e^{−x})
    /// with x = −u). e^u = f·E with E = e^{cV + d₀} the exponential its slope shares with other rates
    /// (``GatedCellStructure/exponents``, f = e^{d − d₀}). Near u = 0, where e^u − 1 cancels, the exp-linear form is
    /// its Bernoulli series 1 − u/2 + u²/12 − u⁴/720 + u⁶/30240 (truncation < 3·10⁻²⁰ for |u| < 0.02; beyond, the
    /// cancellation costs at most a factor 50 of round-off): the removable singularity NEURON's vtrap guards.
    public struct Rate: Sendable, Equatable {
        /// The three forms of Hodgkin–Huxley rate functions.
        public enum Form: Sendable, Equatable {
            /// r·e^u.
            case exponential
            /// r/(1 + e^u).
            case sigmoid
            /// r·u/(e^u − 1).
            case expLinear
        }
        /// The rate's form.
        public var form: Form
        /// r, ms⁻¹.
        public var rate: Double
        /// c, mV⁻¹.
        public var slope: Double
        /// d.
        public var offset: Double
        /// The shared exponential (index into ``GatedCellStructure/exponents``).
        public var exponent = 0
        /// The factor f = e^{d − d₀} between the rate's exponential and the shared one.
        public var factor = 1.0

        /// A rate of `form` with r (ms⁻¹), c (mV⁻¹) and d; ``GatedCellStructure/init(gates:rates:firstGate:modelIndices:)``
        /// sets its shared exponential.
        public init(form: Form, rate: Double, slope: Double, offset: Double) {
            self.form = form
            self.rate = rate
            self.slope = slope
            self.offset = offset
        }

        /// The rate at V, from its shared exponential E.
        @inlinable @inline(__always)
        func value<Lanes: SIMD>(at v: Lanes, exponential: Lanes) -> Lanes where Lanes.Scalar == Double {
            let r = Lanes(repeating: rate)
            let e = Lanes(repeating: factor) * exponential
            switch form {
            case .exponential:
                return r * e
            case .sigmoid:
                return r / (Lanes(repeating: 1) + e)
            case .expLinear:
                return r * Self.expLinear(Lanes(repeating: slope) * v + Lanes(repeating: offset), e)
            }
        }

        /// u/(e^u − 1) lane by lane from u and e^u; its Bernoulli series for |u| < 0.02 (above), evaluated only when
        /// some lane is there (rarely: V within 0.2 mV of the rate's midpoint). Shared with the compiled
        /// ``HodgkinHuxley1952Kernel``.
        @inlinable @inline(__always)
        static func expLinear<Lanes: SIMD>(_ u: Lanes, _ eu: Lanes) -> Lanes where Lanes.Scalar == Double {
            var k = u / (eu - Lanes(repeating: 1))
            let near = LaneMath.magnitude(u) .< Lanes(repeating: 0.02)
            if any(near) {
                let u2 = u * u
                let series = Lanes(repeating: 1) - Lanes(repeating: 0.5) * u
                    + u2 * (Lanes(repeating: 1.0 / 12) + u2 * (Lanes(repeating: -1.0 / 720) + u2 * Lanes(repeating: 1.0 / 30240)))
                k.replace(with: series, where: near)
            }
            return k
        }
    }

    /// An exponential E = e^{cV + d₀} shared by the rates of slope c: computed (``source`` −1), or, when c is 2^k times
    /// the slope of an exponential computed earlier, that one squared k times (then d₀ = 2^k times its offset; each
    /// squaring doubles the relative round-off, ≤ 3 squarings here).
    public struct Exponent: Sendable, Equatable {
        /// c, mV⁻¹.
        public var slope: Double
        /// d₀.
        public var offset: Double
        /// The exponential it squares (−1: computed).
        public var source = -1
        /// How many times it squares ``source``.
        public var doublings = 0
    }

    /// One gate: its channel, its exponent (≥ 1) in the open fraction and the temperature factor φ of its rates.
    public struct Gate: Sendable, Equatable {
        /// The channel it gates (index).
        public var channel: Int
        /// p in x^p.
        public var exponent: Int
        /// φ, the temperature factor of its rates.
        public var phi: Double

        /// A gate of `channel` entering its open fraction as x^`exponent`, its rates scaled by φ.
        public init(channel: Int, exponent: Int, phi: Double) {
            self.channel = channel
            self.exponent = exponent
            self.phi = phi
        }
    }
}
