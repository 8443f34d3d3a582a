import Testing
import Foundation
import MembraneChemistry
import MembraneDynamics
import MembranePhysics
import MembraneUnits
import MembraneTestSupport

/// CODATA 2018 exact constants typed out, so that expected values do not come from the code under test.
private enum Exact {
    static let e = 1.602176634e-19, avogadro = 6.02214076e23, boltzmann = 1.380649e-23
    static let faraday = e * avogadro, gas = boltzmann * avogadro
}

private func field(_ body: () throws -> Void) -> String? {
    do { try body() } catch let e as MembraneError { return e.field } catch { return "not a MembraneError" }
    return nil
}

/// The plant H⁺-ATPase and the K⁺/H⁺ symporter against closed forms.
@Suite("Plant H⁺-ATPase and K⁺/H⁺ symport")
struct PlantTransporterTests {
    static let c25 = conditions(celsius: 25)
    static let atp = ATPHydrolysis(deltaG: .kilojoulesPerMole(-50), source: "test")

    /// E_H = (ln 10·RT/F)·(pH_in − pH_out) and V_stall = E_H − |ΔG_ATP|/(n·F), typed out: pH 7.3 | 5.5 at 25 °C gives
    /// E_H = +106.5 mV; with −50 kJ/mol and n = 1 the stall is E_H − 518.2 mV = −411.7 mV. The pump current vanishes
    /// there, is outward above and inward below, for n = 1…3.
    @Test func stallPotentialClosedForm() throws {
        let vt = Exact.gas * 298.15 / Exact.faraday
        let eH = log(10) * vt * 1.8
        #expect(isClose(eH * 1e3, 106.49, within: 0.01))
        let cell = PlantPumpLeakCell(pHCytosol: 7.3, pHApoplast: 5.5, potassiumOutside: .millimolar(0.1),
                                     chlorideOutside: .millimolar(0.1), conditions: Self.c25)
        #expect(isClose(cell.protonPotential.volts, eH, within: 1e-15))
        for n in 1...3 {
            var pump = PlasmaMembraneHATPase.plantRoot
            pump.protonsPerATP = n
            let stall = pump.stallPotential(protonPotential: .volts(eH), atp: Self.atp, conditions: Self.c25)
            #expect(isClose(stall.volts, eH - 50e3 / (Double(n) * Exact.faraday), within: 1e-15))
            let at = pump.current(at: stall, protonPotential: .volts(eH), atp: Self.atp, conditions: Self.c25).amperesPerSquareMetre
            #expect(abs(at) < 1e-13 * pump.saturationCurrent.amperesPerSquareMetre)
            #expect(pump.current(at: stall + .millivolts(1), protonPotential: .volts(eH), atp: Self.atp, conditions: Self.c25).amperesPerSquareMetre > 0)
            #expect(pump.current(at: stall - .millivolts(1), protonPotential: .volts(eH), atp: Self.atp, conditions: Self.c25).amperesPerSquareMetre < 0)
            // ΔG_cycle = ΔG_ATP − n·F·(V − E_H) is zero at the stall.
            #expect(abs(pump.cycleFreeEnergy(at: stall, protonPotential: .volts(eH), atp: Self.atp, conditions: Self.c25).joulesPerMole) < 1e-9)
        }
        #expect(isClose(eH - 50e3 / Exact.faraday, -0.41173, within: 1e-5))
    }

    /// The two-state cycle written out from its four rate constants (Hansen et al. 1981): k_out = a·e^{u/2},
    /// k_in = b·e^{−u/2}, κ_f = 1 and κ_b from detailed balance k_out·κ_f/(k_in·κ_b) = e^{−ΔG_cycle/RT}; the steady
    /// cycling rate (k_out·κ_f − k_in·κ_b)/(Σk) equals the pump's I/I_sat.
    @Test func twoStateCycle() throws {
        let vt = Exact.gas * 298.15 / Exact.faraday, eH = log(10) * vt * 1.8
        for (a, b, n) in [(10.0, 0.01, 1), (1.0, 1.0, 1), (100.0, 0.1, 2)] {
            let pump = PlasmaMembraneHATPase(saturationCurrent: .amperesPerSquareMetre(1), protonsPerATP: n,
                                             forwardTranslocation: a, reverseTranslocation: b)
            for mV in stride(from: -450.0, through: 100, by: 25) {
                let v = mV * 1e-3, u = Double(n) * v / vt
                let kOut = a * exp(u / 2), kIn = b * exp(-u / 2), kf = 1.0
                let dG = -50e3 - Double(n) * Exact.faraday * (v - eH)
                let kb = kOut * kf / (kIn * exp(-dG / (Exact.gas * 298.15)))
                let expected = (kOut * kf - kIn * kb) / (kOut + kIn + kf + kb)
                let got = pump.turnoverFraction(at: .volts(v), protonPotential: .volts(eH), atp: Self.atp, conditions: Self.c25)
                #expect(isRelativelyClose(got, expected, relative: 1e-10, absolute: 1e-15), "a \(a) b \(b) n \(n) V \(mV)")
            }
        }
        // Saturation at positive V (the sigmoid of Gradmann et al. 1978, Blatt et al. 1990).
        let pump = PlasmaMembraneHATPase.plantRoot
        #expect(pump.turnoverFraction(at: .millivolts(200), protonPotential: .volts(eH), atp: Self.atp, conditions: Self.c25) > 0.98)
    }

    /// The symporter's flux vanishes exactly where the coupled reaction is at equilibrium, K_in/K_out =
    /// e^{−(1+n)FV/RT}·10^{n·ΔpH} — the bound of ``PotassiumAccumulation`` (an independent code path) — and far from
    /// it approaches J_max·K_o/(K_m + K_o), with ΔG typed out.
    @Test func symporterEquilibrium() throws {
        for n in 1...2 {
            var s = ProtonCoupledSymporter.arabidopsisPotassium
            s.protonsPerSubstrate = n
            let pmf = try ProtonMotiveForce(deltaPsi: .millivolts(-150), pHInside: 7.3, pHOutside: 5.5, conditions: Self.c25)
            let bound = try PotassiumAccumulation(pmf: pmf, protonsPerPotassium: n).symporterLogRatio
            let ko = 0.1
            let atBound = s.influx(substrateInside: .millimolar(ko * exp(bound)), substrateOutside: .millimolar(ko), pHInside: 7.3,
                                   pHOutside: 5.5, at: .millivolts(-150), conditions: Self.c25)
            #expect(abs(atBound.molesPerSquareMetreSecond) < 1e-12 * s.maximumFlux.molesPerSquareMetreSecond)
            let far = s.influx(substrateInside: .millimolar(1e-6), substrateOutside: .millimolar(ko), pHInside: 7.3, pHOutside: 5.5,
                               at: .millivolts(-150), conditions: Self.c25)
            let vt = Exact.gas * 298.15 / Exact.faraday
            let g = log(1e-6 / ko) - Double(n) * log(10) * 1.8 + Double(1 + n) * -0.150 / vt
            #expect(isRelativelyClose(far.molesPerSquareMetreSecond, 1e-8 * ko / (0.03 + ko) * (1 - exp(g)), relative: 1e-12))
            #expect(isRelativelyClose(far.molesPerSquareMetreSecond, 1e-8 * ko / (0.03 + ko), relative: 1e-9))
        }
    }
}

/// The pump–leak steady state of the plant cell: invariants, limits and published ranges.
@Suite("Plant pump–leak steady state")
struct PlantSteadyStateTests {
    static let root = PlantPumpLeakCell(preset: .arabidopsisRoot)!

    /// Zero net current and zero net flux of K⁺, Cl⁻ and (so) H⁺ at the solution; charge conservation I = F·Σz·J;
    /// the cytosol electroneutral with the reported impermeant charge; Cl⁻ at its Nernst potential.
    @Test func invariants() throws {
        for pumpMax in [0.3, 1.0, 5.0] {
            var cell = Self.root
            cell.pump.saturationCurrent = .microamperesPerSquareCentimetre(pumpMax)
            let s = try PlantSteadyStateSolver.solve(cell)
            let scale = s.pumpCurrent.amperesPerSquareMetre
            #expect(abs(s.netCurrent.amperesPerSquareMetre) < 1e-10 * scale)
            let jScale = s.symportInflux.molesPerSquareMetreSecond
            #expect(abs(s.netPotassiumEfflux.molesPerSquareMetreSecond) < 1e-10 * jScale)
            #expect(abs(s.netChlorideEfflux.molesPerSquareMetreSecond) < 1e-10 * jScale)
            #expect(abs(s.netProtonEfflux.molesPerSquareMetreSecond) < 1e-9 * scale / Exact.faraday)
            let f = Exact.faraday
            let sumZJ = f * (s.netPotassiumEfflux.molesPerSquareMetreSecond - s.netChlorideEfflux.molesPerSquareMetreSecond
                             + s.netProtonEfflux.molesPerSquareMetreSecond)
            #expect(isClose(sumZJ, s.netCurrent.amperesPerSquareMetre, within: 1e-12 * scale))
            #expect(isClose(s.potassiumInside.millimolar - s.chlorideInside.millimolar + s.impermeantCharge, 0, within: 1e-12))
            let vt = Exact.gas * 298.15 / Exact.faraday
            #expect(isRelativelyClose(s.chlorideInside.millimolar, 0.1 * exp(s.vm.volts / vt), relative: 1e-12))
            // The H⁺ circuit: what the pump exports returns through the leak and the symporter.
            #expect(isRelativelyClose(s.pumpCurrent.amperesPerSquareMetre,
                                      -s.protonLeakCurrent.amperesPerSquareMetre + f * s.symportInflux.molesPerSquareMetreSecond,
                                      relative: 1e-9))
            // ATP use = I_pump/(n·F).
            #expect(isRelativelyClose(s.atpUse.molesPerSquareMetreSecond, s.pumpCurrent.amperesPerSquareMetre / f, relative: 1e-12))
        }
    }

    /// V_stall < V_m < E_H; the K⁺ accumulation ratio lies above the channel's bound e^{−FV/RT} (K⁺ leaks out, so
    /// V_m > E_K) and below the symporter's thermodynamic bound.
    @Test func bounds() throws {
        for (pumpMax, symport) in [(1.0, 1.0), (3.0, 0.2), (0.5, 5.0)] {
            var cell = Self.root
            cell.pump.saturationCurrent = .microamperesPerSquareCentimetre(pumpMax)
            cell.symporter.maximumFlux = .molesPerSquareMetreSecond(symport * 1e-8)
            let s = try PlantSteadyStateSolver.solve(cell)
            #expect(s.stallPotential.volts < s.vm.volts && s.vm.volts < s.protonPotential.volts)
            #expect(s.potassiumLogRatio > s.uniporterLogBound && s.potassiumLogRatio < s.symporterLogBound)
            #expect(s.vm.volts > s.potassiumPotential.volts)
            // The bounds typed out: −F·V/RT and −2·F·V/RT + ln 10·1.8.
            let vt = Exact.gas * 298.15 / Exact.faraday
            #expect(isClose(s.uniporterLogBound, -s.vm.volts / vt, within: 1e-12))
            #expect(isClose(s.symporterLogBound, -2 * s.vm.volts / vt + log(10) * 1.8, within: 1e-12))
        }
    }

    /// The preset with an active pump sits in the published range of plant V_m, −120 to −200 mV (Maathuis & Sanders 1993,
    /// Planta 191:302; Hirsch et al. 1998, Science 280:918), accumulates K⁺ to the tens of mM of the cytosol (Walker, Leigh
    /// & Miller 1996, PNAS 93:10510: ~80 mM; here 30–300 mM), and its turgor lies in the 0.1–1 MPa typical of plant
    /// cells (Nobel, *Physicochemical and Environmental Plant Physiology*, 4th ed. 2009, ch. 2).
    @Test func publishedRanges() throws {
        let s = try PlantSteadyStateSolver.solve(Self.root)
        #expect(s.vm.millivolts <= -120 && s.vm.millivolts >= -200, "V_m \(s.vm.millivolts) mV")
        #expect(s.potassiumInside.millimolar > 30 && s.potassiumInside.millimolar < 300, "K_in \(s.potassiumInside.millimolar)")
        let w = try #require(s.wall)
        #expect(w.turgor > 0.1e6 && w.turgor < 1e6, "turgor \(w.turgor) Pa")
        #expect(s.warnings.isEmpty)
    }

    /// A bath far richer in K⁺ than soil (500 mM) drives the symporter to a cytosol above 1 M: the exact steady state,
    /// with a warning that no cell holds it.
    @Test func warnsBeyondViableCell() throws {
        var cell = Self.root
        cell.potassiumOutside = .millimolar(500)
        let s = try PlantSteadyStateSolver.solve(cell)
        #expect(s.potassiumInside.millimolar > 1000)
        #expect(s.warnings.contains { $0.contains("K⁺") })
        #expect(abs(s.netCurrent.amperesPerSquareMetre) < 1e-10 * s.pumpCurrent.amperesPerSquareMetre)
    }

    /// A Cl⁻/2 H⁺ symporter (Sanders 1980) holds Cl⁻ above its Nernst distribution e^{F·V/RT} and below the
    /// symporter's bound 10^{2·ΔpH}·e^{−F·V/RT} (typed out); the net Cl⁻ flux, the net current and the H⁺ balance
    /// (pump = H⁺ leak + n_K·J_K + 2·J_Cl) hold with it.
    @Test func chlorideSymporter() throws {
        var cell = Self.root
        cell.chlorideOutside = .millimolar(1)
        cell.chlorideSymporter = .chloride(maximumFlux: .molesPerSquareMetreSecond(1e-9))
        let s = try PlantSteadyStateSolver.solve(cell)
        let vt = Exact.gas * 298.15 / Exact.faraday
        let ratio = s.chlorideInside.millimolar / 1
        #expect(ratio > exp(s.vm.volts / vt) && ratio < pow(10, 2 * 1.8) * exp(-s.vm.volts / vt))
        #expect(isClose(try #require(s.chlorideSymporterLogBound), 2 * log(10) * 1.8 - s.vm.volts / vt, within: 1e-12))
        #expect(abs(s.netChlorideEfflux.molesPerSquareMetreSecond) < 1e-10 * s.chlorideSymportInflux.molesPerSquareMetreSecond)
        #expect(abs(s.netCurrent.amperesPerSquareMetre) < 1e-10 * s.pumpCurrent.amperesPerSquareMetre)
        let f = Exact.faraday
        #expect(isRelativelyClose(s.pumpCurrent.amperesPerSquareMetre,
                                  -s.protonLeakCurrent.amperesPerSquareMetre + f * s.symportInflux.molesPerSquareMetreSecond
                                    + 2 * f * s.chlorideSymportInflux.molesPerSquareMetreSecond, relative: 1e-9))
        // Its current: one net positive charge in per turnover.
        #expect(isRelativelyClose(s.chlorideSymportCurrent.amperesPerSquareMetre, -f * s.chlorideSymportInflux.molesPerSquareMetreSecond,
                                  relative: 1e-12))
        #expect(s.chlorideInside.millimolar > 0.1)  // mM, not the µM of the leak alone
    }

    /// With the symporter off, K⁺ sits at its Nernst potential (K_in = K_out·e^{−FV/RT} exactly) and the leaks' own
    /// GHK potential lies above V_m (their net current is inward, balancing the pump): V_stall < V_m < V_GHK.
    @Test func symporterOff() throws {
        var cell = Self.root
        cell.symporter.maximumFlux = .molesPerSquareMetreSecond(0)
        let s = try PlantSteadyStateSolver.solve(cell)
        let vt = Exact.gas * 298.15 / Exact.faraday
        #expect(isRelativelyClose(s.potassiumInside.millimolar, 0.1 * exp(-s.vm.volts / vt), relative: 1e-12))
        #expect(s.stallPotential.volts < s.vm.volts && s.vm.volts < s.leakPotential.volts)
    }

    /// With no H⁺ return (no leak, no symporter) the pump charges the membrane to its stall potential (static head).
    @Test func staticHead() throws {
        var cell = Self.root
        cell.symporter.maximumFlux = .molesPerSquareMetreSecond(0)
        cell.leaks.proton = .metresPerSecond(0)
        let s = try PlantSteadyStateSolver.solve(cell)
        #expect(isClose(s.vm.volts, s.stallPotential.volts, within: 1e-9))
    }

    /// With the pump off every ion reaches equilibrium: V_m = E_H = E_K = E_Cl, K_in·Cl_in = K_out·Cl_out (the Donnan
    /// product rule), all fluxes zero — and the Donnan solver, given the same impermeant charge and neutral osmolytes
    /// in the same elastic wall, returns the same potential, volume and turgor.
    @Test func pumpOffIsDonnanEquilibrium() throws {
        var cell = Self.root
        cell.pump.saturationCurrent = .amperesPerSquareMetre(0)
        let s = try PlantSteadyStateSolver.solve(cell)
        let eH = s.protonPotential.volts
        #expect(s.vm.volts == eH)
        #expect(isClose(s.potassiumPotential.volts, eH, within: 1e-12))
        #expect(isClose(try #require(s.chloridePotential).volts, eH, within: 1e-12))
        #expect(isRelativelyClose(s.potassiumInside.millimolar * s.chlorideInside.millimolar, 0.1 * 0.1, relative: 1e-12))
        #expect(s.symportInflux.molesPerSquareMetreSecond == 0 || abs(s.symportInflux.molesPerSquareMetreSecond) < 1e-20)
        let w = try #require(s.wall)
        let catalog = IonCatalog.standard
        let x = s.impermeantCharge
        let problem = DonnanProblem(
            permeants: [DonnanPermeant(ion: catalog.ion(named: "K")!, outside: .millimolar(0.1)),
                        DonnanPermeant(ion: catalog.ion(named: "Cl")!, outside: .millimolar(0.1))],
            insideImpermeants: [ImpermeantSolute(name: "X", charge: x > 0 ? 1 : -1, concentration: .millimolar(abs(x) * w.relativeVolume)),
                                ImpermeantSolute(name: "neutral", charge: 0, concentration: .millimolar(150))],
            compartment: .walled(maximumRelativeVolume: 1, elasticModulus: 10e6), conditions: cell.conditions)
        let d = try Donnan.solve(problem)
        #expect(isClose(d.potential.volts, eH, within: 1e-9))
        #expect(isRelativelyClose(d.relativeVolume, w.relativeVolume, relative: 1e-9))
        #expect(isRelativelyClose(try #require(d.turgor), w.turgor, relative: 1e-8))
    }

    /// The wall's balance: turgor = ε·(V/V_wall − 1) = R·T·(Osm_in − Osm_out), with R·T typed out.
    @Test func wallBalance() throws {
        let s = try PlantSteadyStateSolver.solve(Self.root)
        let w = try #require(s.wall)
        #expect(isRelativelyClose(w.turgor, 10e6 * (w.relativeVolume - 1), relative: 1e-12))
        #expect(isRelativelyClose(w.turgor, Exact.gas * 298.15 * (w.osmolarityInside - w.osmolarityOutside), relative: 1e-9))
        #expect(isRelativelyClose(w.osmolarityInside, s.ionOsmolarity + 150 / w.relativeVolume, relative: 1e-12))
    }

    /// A stronger pump hyperpolarizes; a leakier membrane to H⁺ depolarizes.
    @Test func trends() throws {
        var weak = Self.root, strong = Self.root, leaky = Self.root
        weak.pump.saturationCurrent = .microamperesPerSquareCentimetre(0.5)
        strong.pump.saturationCurrent = .microamperesPerSquareCentimetre(2)
        leaky.leaks.proton = .centimetresPerSecond(1e-3)
        let vw = try PlantSteadyStateSolver.solve(weak).vm, vs = try PlantSteadyStateSolver.solve(strong).vm
        let vr = try PlantSteadyStateSolver.solve(Self.root).vm, vl = try PlantSteadyStateSolver.solve(leaky).vm
        #expect(vs < vr && vr < vw)
        #expect(vl > vr)
    }

    /// An independent implementation (Tests/Reference/plant/reference.py: the same published equations written from
    /// their sources, scipy's brentq) agrees to 1e-9 on V_m, K⁺_in, Cl⁻_in, the pump and symport fluxes and the turgor.
    @Test func independentReference() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/plant/reference.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let cases = try #require(root["cases"] as? [String: [String: [String: Double]]])
        #expect(cases.count == 6)
        for (name, c) in cases {
            let i = try #require(c["inputs"]), o = try #require(c["outputs"])
            func v(_ k: String) throws -> Double { try #require(i[k], "\(name): \(k)") }
            var cell = PlantPumpLeakCell(
                pHCytosol: try v("pHi"), pHApoplast: try v("pHo"), potassiumOutside: .millimolar(try v("Ko")),
                chlorideOutside: .millimolar(try v("Clo")),
                pump: PlasmaMembraneHATPase(saturationCurrent: .amperesPerSquareMetre(try v("Isat")), protonsPerATP: Int(try v("n_atp")),
                                            forwardTranslocation: try v("a"), reverseTranslocation: try v("b")),
                symporter: ProtonCoupledSymporter(maximumFlux: .molesPerSquareMetreSecond(try v("Jmax")),
                                                  halfSaturation: .millimolar(try v("Km")), protonsPerSubstrate: Int(try v("n_k"))),
                chlorideSymporter: try i["JmaxCl"].map { .chloride(maximumFlux: .molesPerSquareMetreSecond($0),
                                                                   halfSaturation: .millimolar(try v("KmCl"))) },
                leaks: PlantLeaks(potassium: .metresPerSecond(try v("PK")), chloride: .metresPerSecond(try v("PCl")),
                                  proton: .metresPerSecond(try v("PH"))),
                atp: ATPHydrolysis(deltaG: MolarEnergy(joulesPerMole: try v("dG_atp")), source: "reference"),
                wall: PlantWall(relaxedVolume: 1, elasticModulus: try v("eps"), neutralOsmolytes: .millimolar(try v("N0"))),
                conditions: Conditions(temperature: Temperature(storedValue: try v("T"))))
            cell.conditions.constants = .codata2018
            let s = try PlantSteadyStateSolver.solve(cell)
            func out(_ k: String) throws -> Double { try #require(o[k], "\(name): \(k)") }
            #expect(isRelativelyClose(s.vm.millivolts, try out("vm_mV"), relative: 1e-9), "\(name)")
            #expect(isRelativelyClose(s.potassiumInside.millimolar, try out("K_mM"), relative: 1e-9), "\(name)")
            #expect(isRelativelyClose(s.chlorideInside.millimolar, try out("Cl_mM"), relative: 1e-9), "\(name)")
            #expect(isRelativelyClose(s.pumpCurrent.amperesPerSquareMetre, try out("pump_A_per_m2"), relative: 1e-9), "\(name)")
            #expect(isRelativelyClose(s.symportInflux.molesPerSquareMetreSecond, try out("symport_mol_per_m2_s"), relative: 1e-9, absolute: 1e-25), "\(name)")
            #expect(isRelativelyClose(s.protonLeakCurrent.amperesPerSquareMetre, try out("proton_leak_A_per_m2"), relative: 1e-9), "\(name)")
            #expect(isRelativelyClose(s.chlorideSymportInflux.molesPerSquareMetreSecond, try out("chloride_symport_mol_per_m2_s"),
                                      relative: 1e-9, absolute: 1e-25), "\(name)")
            #expect(isRelativelyClose(try #require(s.wall).turgor, try out("turgor_Pa"), relative: 1e-8), "\(name)")
        }
    }

    /// Bad input answered with the field named.
    @Test func badInput() throws {
        func with(_ change: (inout PlantPumpLeakCell) -> Void) -> String? {
            var cell = Self.root
            change(&cell)
            return field { _ = try PlantSteadyStateSolver.solve(cell) }
        }
        #expect(with { $0.pHCytosol = 15 } == "ph-inside")
        #expect(with { $0.pHApoplast = -1 } == "ph-outside")
        #expect(with { $0.potassiumOutside = .millimolar(0) } == "k-outside")
        #expect(with { $0.chlorideOutside = .millimolar(-1) } == "cl-outside")
        #expect(with { $0.leaks.potassium = .centimetresPerSecond(-1e-6) } == "p-k-cm-per-s")
        #expect(with { $0.leaks.proton = .centimetresPerSecond(.nan) } == "p-h-cm-per-s")
        #expect(with { $0.pump.saturationCurrent = .microamperesPerSquareCentimetre(-1) } == "pump-max-uA-per-cm2")
        #expect(with { $0.symporter.protonsPerSubstrate = 5 } == "protons-per-k")
        #expect(with { $0.symporter.halfSaturation = .millimolar(0) } == "symport-km")
        #expect(with { $0.chlorideSymporter = .chloride(maximumFlux: .molesPerSquareMetreSecond(-1e-9)) } == "cl-symport-max-pmol-per-cm2-s")
        #expect(with { $0.chlorideSymporter = .chloride(maximumFlux: .molesPerSquareMetreSecond(1e-9), halfSaturation: .millimolar(-1)) } == "cl-symport-km")
        #expect(with { $0.atp = ATPHydrolysis(deltaG: .kilojoulesPerMole(5), source: "test") } == "delta-g-atp-kJ-per-mol")
        #expect(with {
            $0.pump.saturationCurrent = .amperesPerSquareMetre(0)
            $0.leaks.proton = .metresPerSecond(0)
            $0.symporter.maximumFlux = .molesPerSquareMetreSecond(0)
        } == "p-h-cm-per-s")
    }
}
