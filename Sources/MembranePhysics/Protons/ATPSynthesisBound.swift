import MembraneUnits

/// How many H⁺ must enter per ATP made, at the least, for a given Δp and phosphorylation potential.
///
/// Making ATP costs ΔG_p = −ΔG_ATP (ΔG_ATP = ΔG°′ + RT·ln([ADP][Pi]/[ATP]) < 0, ``ATPHydrolysis``); n H⁺ entering
/// release n·F·|Δp|. Synthesis can run only if n·F·|Δp| ≥ ΔG_p:
///
///     n ≥ n_min = |ΔG_ATP| / (F·|Δp|)                 (Δp < 0: H⁺ entry downhill)
///
/// (Nicholls & Ferguson, *Bioenergetics 4*, 2013, §4.7 and ch. 7). With |Δp| = 200 mV one H⁺ gives 19.3 kJ/mol, so
/// ΔG_p = 50–60 kJ/mol needs n ≥ 2.6–3.1. The enzyme's own ratio is structural, c/3 for a rotor ring of c
/// subunits (three ATP per turn): ``ATPSynthaseRing``.
public struct ATPSynthesisBound: Sendable, Hashable {
    /// Δp across the coupling membrane (inside: the N-side, where ATP is made).
    public var pmf: ProtonMotiveForce
    /// ΔG_ATP (as hydrolysis; synthesis costs |ΔG_ATP|, the phosphorylation potential ΔG_p).
    public var atp: ATPHydrolysis

    /// The bound at `pmf` and `atp`.
    public init(pmf: ProtonMotiveForce, atp: ATPHydrolysis) {
        self.pmf = pmf
        self.atp = atp
    }

    /// F·|Δp| in J/mol: what one H⁺ entering can give.
    public var energyPerProton: MolarEnergy { MolarEnergy(joulesPerMole: pmf.conditions.faraday * abs(pmf.value.volts)) }

    /// n_min = |ΔG_ATP|/(F·|Δp|); nil unless H⁺ entry is downhill (Δp < 0).
    public var minimalProtonsPerATP: Double? {
        guard pmf.value.volts < 0 else { return nil }
        return abs(atp.deltaG.joulesPerMole) / energyPerProton.joulesPerMole
    }

    /// Whether `ring` (with its transport H⁺) can make ATP at this Δp and ΔG_ATP.
    public func allows(_ ring: ATPSynthaseRing) -> Bool {
        guard let n = minimalProtonsPerATP else { return false }
        return ring.protonsPerATPIncludingTransport >= n
    }
}

/// The c-ring of an F₁F₀ ATP synthase: c subunits, one H⁺ each per turn, three ATP per turn, so c/3 H⁺ per ATP at
/// the enzyme; a mitochondrion also spends about one H⁺ per ATP on importing Pi (H⁺/Pi symport) and exchanging
/// ATP⁴⁻ for ADP³⁻ (Nicholls & Ferguson 2013, §7.2).
public struct ATPSynthaseRing: Sendable, Hashable {
    /// The organism and membrane ("bovine heart mitochondria").
    public var name: String
    /// c: the number of c subunits of the rotor ring (8 in mammals, 14 in chloroplasts).
    public var cSubunits: Int
    /// H⁺ per ATP spent on transport of Pi, ADP and ATP across the membrane.
    public var transportProtons: Double
    /// The structure or measurement the ring size comes from.
    public var source: String

    /// c/3: H⁺ per ATP at the enzyme (three ATP per turn).
    public var protonsPerATP: Double { Double(cSubunits) / 3 }
    /// c/3 + ``transportProtons``: H⁺ per ATP including the transport of Pi, ADP and ATP across the membrane.
    public var protonsPerATPIncludingTransport: Double { protonsPerATP + transportProtons }

    /// Bovine heart mitochondria: c₈ (Watt, Montgomery, Runswick, Leslie & Walker 2010, PNAS 107:16823): 8/3 = 2.67
    /// H⁺/ATP, 3.67 with transport. (The primary was not read; the eightfold F₀ ring of mammals is restated in a 2015
    /// PNAS model of the coupled F₀/F₁ rotation, PMC4553772.)
    public static let mammalianMitochondrion = ATPSynthaseRing(
        name: "mammalian mitochondrial ATP synthase (c8)", cSubunits: 8, transportProtons: 1,
        source: "c8 ring: Watt et al. 2010, PNAS 107:16823; +1 H⁺ for Pi/ADP/ATP transport (Nicholls & Ferguson 2013)")

    /// Spinach chloroplast: c₁₄ (Seelert et al. 2000, Nature 405:418, abstract: atomic force microscopy shows a ring
    /// of 14 subunits; Vollmar et al. 2009, J. Biol. Chem. 284:18228): 14/3 = 4.67 H⁺/ATP;
    /// ATP is made in the stroma, where the substrates are, so no transport H⁺. Measured on reconstituted CF₀F₁:
    /// 3.9 ± 0.3 H⁺/ATP (Petersen, Förster, Turina & Gräber 2012, PNAS 109:11150), below the structural 4.67.
    public static let chloroplast = ATPSynthaseRing(
        name: "chloroplast ATP synthase (c14)", cSubunits: 14, transportProtons: 0,
        source: "c14 ring: Seelert et al. 2000, Nature 405:418; Vollmar et al. 2009, J. Biol. Chem. 284:18228")
}
