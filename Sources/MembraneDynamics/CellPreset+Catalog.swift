import MembraneUnits
import MembraneChemistry

/// The built-in cell presets. Every number carries its source; where a value is a choice within a
/// published range, the note says so.
extension CellPreset {
    /// Builds a solution from literal catalog names (a programming error if a name is unknown).
    static func solution(_ pairs: KeyValuePairs<String, Double>) -> Solution {
        do { return try Solution(millimolar: pairs) } catch { preconditionFailure("preset solution: \(error)") }
    }

    /// A mammalian central neuron at 37 °C.
    public static let mammalianNeuron = CellPreset(
        name: "mammalian-neuron",
        description: "mammalian central neuron at 37 °C (textbook concentrations, Hodgkin–Katz permeability ratios)",
        temperature: Temperature.body,
        inside: solution(["K": 140, "Na": 12, "Cl": 7, "Ca": 0.0001]),
        outside: solution(["K": 5, "Na": 145, "Cl": 120, "Ca": 1.5]),
        restingPotential: .millivolts(-70),
        permeabilities: [("K", 1), ("Na", 0.04), ("Cl", 0.45)],
        radius: .micrometres(10),
        sources: [
            ("concentrations", "Purves et al., Neuroscience, 6th ed. (2018), Table 2.1 (mammalian neuron: K 140/5, Na 5–15/145, Cl 4–30/110, Ca 0.0001/1–2 mM); values chosen within or near those ranges: K 140/5, Na 12/145 (E_Na ≈ +67 mV), Cl 7/120, Ca 0.1 µM/1.5 mM"),
            ("resting potential", "−65 to −70 mV (Purves et al. 2018, ch. 2)"),
            ("permeabilities", "P_K : P_Na : P_Cl = 1 : 0.04 : 0.45, Hodgkin & Katz 1949, J. Physiol. 108:37 (squid axon at rest; the standard textbook ratios for neurons)"),
            ("radius", "10 µm soma radius, a choice for a typical small neuron"),
        ])

    /// The squid giant axon of Hodgkin, Huxley and Katz.
    public static let squidGiantAxon = CellPreset(
        name: "squid-giant-axon",
        description: "squid (Loligo) giant axon at 6.3 °C, the preparation of Hodgkin & Huxley 1952",
        temperature: try! Temperature.celsius(6.3),
        inside: solution(["K": 400, "Na": 50, "Cl": 40, "Ca": 0.0001]),
        outside: solution(["K": 20, "Na": 440, "Cl": 560, "Ca": 10]),
        restingPotential: .millivolts(-65),
        permeabilities: [("K", 1), ("Na", 0.04), ("Cl", 0.45)],
        radius: .micrometres(250),
        sources: [
            ("concentrations", "Hille, Ion Channels of Excitable Membranes, 3rd ed. (2001), Table 1.1 / Purves et al. 2018 Table 2.1 (squid axon: K 400/20, Na 50/440, Cl 40–150/560, Ca 0.0001/10 mM); Cl_i = 40 mM, the lower end"),
            ("temperature", "6.3 °C, the reference temperature of Hodgkin & Huxley 1952 (J. Physiol. 117:500) and NEURON's default (src/nrnoc/membdef.h)"),
            ("resting potential", "−65 mV, Hodgkin & Huxley 1952 (NEURON membdef.h DEF_vrest)"),
            ("permeabilities", "P_K : P_Na : P_Cl = 1 : 0.04 : 0.45, Hodgkin & Katz 1949, J. Physiol. 108:37"),
            ("radius", "250 µm (0.5 mm diameter giant axon; Hodgkin & Huxley 1952 used 476 µm diameter fibres)"),
        ],
        notes: ["The squid axon's cytoplasm also holds ~360 mM isethionate and other organic anions (Hille 2001); they are impermeant and omitted."])

    /// Frog (Rana) sartorius muscle fibre.
    public static let frogSkeletalMuscle = CellPreset(
        name: "frog-skeletal-muscle",
        description: "frog skeletal muscle fibre at 20 °C (Boyle & Conway 1941; Hodgkin & Horowicz 1959)",
        temperature: try! Temperature.celsius(20),
        inside: solution(["K": 124, "Na": 10.4, "Cl": 1.5, "Ca": 0.0001]),
        outside: solution(["K": 2.25, "Na": 109, "Cl": 77.5, "Ca": 2.1]),
        restingPotential: .millivolts(-90),
        permeabilities: [("K", 1), ("Na", 0.01), ("Cl", 2)],
        radius: .micrometres(40),
        sources: [
            ("concentrations", "Boyle & Conway 1941, J. Physiol. 100:1, as tabulated in Hille 2001 Table 1.1 (frog muscle: K 124/2.25, Na 10.4/109, Cl 1.5/77.5, Ca ~10⁻⁴/2.1 mM)"),
            ("temperature", "20 °C, room temperature of the frog muscle experiments (Hodgkin & Horowicz 1959)"),
            ("resting potential", "about −90 mV, Hodgkin & Horowicz 1959, J. Physiol. 148:127"),
            ("permeabilities", "P_K : P_Na : P_Cl = 1 : 0.01 : 2, Hodgkin & Horowicz 1959, J. Physiol. 148:127"),
            ("radius", "40 µm (80 µm diameter sartorius fibre)"),
        ])

    /// Mammalian (human) ventricular myocyte, ten Tusscher et al. 2004.
    public static let ventricularMyocyte = CellPreset(
        name: "ventricular-myocyte",
        description: "human ventricular myocyte at 37 °C (ten Tusscher, Noble, Noble & Panfilov 2004)",
        temperature: Temperature.body,
        inside: solution(["K": 138.3, "Na": 11.6, "Cl": 18, "Ca": 0.0002]),
        outside: solution(["K": 5.4, "Na": 140, "Cl": 130, "Ca": 2]),
        restingPotential: .millivolts(-86.2),
        permeabilities: [("K", 1), ("Na", 0.01833)],
        radius: .micrometres(10),
        sources: [
            ("concentrations", "K, Na, Ca and V_rest: ten Tusscher et al. 2004, Am. J. Physiol. 286:H1573 (model initial state, CellML PMR 'tentusscher_noble_noble_panfilov_2004', via myokit models c/tentusscher-2004.mmt); Cl_i 18 mM: Cl⁻ activity 17.9 ± 1.5 mM in isolated rabbit ventricular myocytes (Desilets & Baumgarten 1986, Am. J. Physiol. 251:C197; E_Cl ≈ −45 mV); Cl_o 130 mM, between plasma (≈110 mM) and the Tyrode's solution (≈145 mM) of those measurements"),
            ("resting potential", "−86.2 mV, ten Tusscher et al. 2004"),
            ("permeabilities", "P_Na/P_K = 0.01833, Luo & Rudy 1991, Circ. Res. 68:1501 (PR_NaK of the time-dependent K current); Cl is given no resting permeability"),
            ("radius", "10 µm: equivalent sphere of a ~100 µm × 20 µm myocyte's capacitance is larger (≈150 pF); this radius is illustrative"),
        ],
        notes: ["The resting potential of a myocyte is set by I_K1, whose conductance is not a constant-field permeability: the GHK estimate from these ratios lies a few mV positive of −86 mV."])

    /// Human erythrocyte.
    public static let redBloodCell = CellPreset(
        name: "red-blood-cell",
        description: "human red blood cell at 37 °C: Cl⁻ dominates the resting conductance",
        temperature: Temperature.body,
        inside: solution(["K": 140, "Na": 10, "Cl": 95]),
        outside: solution(["K": 5, "Na": 145, "Cl": 145]),
        restingPotential: .millivolts(-9),
        permeabilities: [("K", 1), ("Na", 1), ("Cl", 750)],
        radius: .micrometres(2.8),
        sources: [
            ("concentrations", "Lew & Bookchin red-cell model defaults (Lew & Bookchin 1986, J. Membr. Biol. 92:57; code sdrogers/redcellmodeljava RBC_model.java: cell Na 10, K 140, A⁻ 95; medium Na 145, K 5, A⁻ 145 mM)"),
            ("resting potential", "−9 mV, Cotterrell & Whittam 1971, J. Physiol. 214:509 (from the Cl⁻ distribution); never below −14 mV by microelectrode, Lassen & Sten-Knudsen 1968, J. Physiol. 195:681"),
            ("permeabilities", "P_K : P_Na : P_Cl ≈ 1 : 1 : 750: conductive (not band-3 exchange) P_Cl = 2.1e-8 cm/s at 37 °C (Hunter 1977, J. Physiol. 268:35); P_K ≈ P_Na ≈ 0.0016 h⁻¹ vs P_A = 1.2 h⁻¹ in the Lew–Bookchin model's reference steady state (Goldman.java, fG = 0.1 of the pump flux)"),
            ("radius", "2.8 µm: sphere of the red cell's 90 fL volume (its true shape is a biconcave disc of 135 µm² area)"),
        ],
        notes: ["The permeability ratios of the red cell are known to an order of magnitude only; any P_Cl/P_K above about 20 pins V_m within 1 mV of E_Cl."])

    /// A giant internodal cell of the charophyte alga Chara.
    public static let plantCell = CellPreset(
        name: "plant-cell",
        description: "Chara corallina internodal cell in artificial pond water at 20 °C (H⁺-ATPase-driven, far below E_K)",
        temperature: try! Temperature.celsius(20),
        inside: solution(["K": 100, "Na": 10, "Cl": 20, "Ca": 0.0001]),
        outside: solution(["K": 0.1, "Na": 1, "Cl": 1.3, "Ca": 0.1]),
        restingPotential: .millivolts(-180),
        permeabilities: [("K", 1), ("Na", 0.1), ("Cl", 0.05)],
        radius: .micrometres(400),
        sources: [
            ("concentrations", "cytoplasm K ~100, Na ~10, Cl ~20 mM and free Ca ~0.1 µM; APW 1.0 NaCl, 0.1 KCl, 0.1 CaCl₂ mM (Hope & Walker 1975, The Physiology of Giant Algal Cells; Beilby 1984, Prog. Biophys. Mol. Biol.)"),
            ("temperature", "20 °C, laboratory culture temperature"),
            ("resting potential", "about −180 mV (Chara: −183 ± 5 mV, Hasanova & Musayev 2020, Ukr. Bot. J. 77:398; range −150 to −250 mV, Beilby 1984)"),
            ("permeabilities", "illustrative ratios; the resting potential of Chara is set by the electrogenic H⁺-ATPase, not by passive diffusion"),
            ("radius", "400 µm (0.8 mm diameter internode)"),
        ],
        notes: ["V_m lies ~100 mV negative of every passive E: the GHK value without the proton pump is far from the measured potential. That gap is the point of this preset."])

    /// Mitochondrial inner membrane: matrix (inside) vs cytosol (outside).
    public static let mitochondrion = CellPreset(
        name: "mitochondrion",
        description: "mitochondrial inner membrane at 37 °C: matrix (inside, pH 7.8) vs cytosol (outside, pH 7.2)",
        temperature: Temperature.body,
        inside: solution(["K": 130, "Na": 1.25, "Mg": 0.5, "Ca": 0.00025, "H": 1.584893192461114e-5]),
        outside: solution(["K": 140, "Na": 10, "Mg": 0.5, "Ca": 0.0001, "H": 6.309573444801929e-5]),
        restingPotential: .millivolts(-160),
        permeabilities: [("K", 1), ("Na", 0.1), ("H", 1e4)],
        radius: .micrometres(0.5),
        sources: [
            ("concentrations", "matrix K 130 mM, free Ca 250 nM, free Mg 0.5 mM (Biophys. J. 103:1616, 2012, Table 1); matrix Na = cytosolic Na / 8 (respiring mitochondria keep Na_out/Na_in ≈ 8, Jung, Apel & Brierley 1992, Am. J. Physiol.); cytosol K 140, Na 10, Mg 0.5 mM, Ca 0.1 µM (Purves et al. 2018 Table 2.1 ranges)"),
            ("pH", "matrix pH 7.8 (7.78 measured, Porcelli et al. 2005, Biochem. Biophys. Res. Commun. 326:799; 7.7–8.2 reviewed by Jasielec et al. 2020, Membranes 10:81), cytosol pH 7.2 (Llopis et al. 1998, PNAS 95:6803); H given as 10^-pH M"),
            ("resting potential", "ΔΨ_m ≈ −150 to −180 mV, matrix negative (Nicholls & Ferguson, Bioenergetics, 4th ed. 2013, ch. 4)"),
            ("permeabilities", "illustrative; ΔΨ_m is generated by the respiratory chain pumping H⁺, not by passive permeabilities"),
            ("radius", "0.5 µm, a typical mitochondrion"),
        ],
        notes: ["ΔΨ_m is set by proton pumping of the respiratory chain; the passive GHK value is shown only for contrast. The proton-motive force is Δp = ΔΨ − (2.303RT/F)·ΔpH."])
}
