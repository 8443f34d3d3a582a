import Testing
import Foundation
import MembranePhysics
import MembraneChemistry
import MembraneUnits
import MembraneTestSupport
import PropertyBased

@Suite("Gibbs–Donnan equilibrium")
struct DonnanTests {
    static func kclBath(_ c: Double, extra: [ImpermeantSolute] = []) throws -> (Solution, [ImpermeantSolute]) {
        (try Solution(millimolar: ["K": c, "Cl": c]), extra)
    }

    /// One impermeant anion (concentration a, charge −1) and a KCl bath of concentration c: K_in = c·r,
    /// Cl_in = c/r and c·r − c/r − a = 0, so r = (a + √(a² + 4c²))/(2c) (Keener & Sneyd 2009 §2.6.3;
    /// seed 000). The solver (Brent on ln r to ~1e-15) must match the quadratic to 1e-9.
    @Test func quadraticClosedForm() async {
        await propertyCheck(input: Gen.double(in: 0...500), Gen.double(in: 1...500), Gen.double(in: 0...45)) { a, c, t in
            let cond = conditions(celsius: t)
            let problem = try DonnanProblem(outside: try Solution(millimolar: ["K": c, "Cl": c]), permeant: ["K", "Cl"],
                                            insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(a))],
                                            conditions: cond)
            let eq = try Donnan.solve(problem)
            let r = (a + (a * a + 4 * c * c).squareRoot()) / (2 * c)
            #expect(isRelativelyClose(eq.ratio, r, relative: 1e-9))
            #expect(isRelativelyClose(eq.inside[0].millimolar, c * r, relative: 1e-9))
            #expect(isRelativelyClose(eq.inside[1].millimolar, c / r, relative: 1e-9))
            #expect(isClose(eq.potential.volts, -cond.thermalVoltage * log(r), within: 1e-12))
        }
    }

    /// The INTERFACE.md example: charge −1.2, 120 mM inside, is the quadratic with a = 1.2·120 = 144.
    @Test func nonIntegerMeanCharge() throws {
        let problem = try DonnanProblem(outside: try Solution(millimolar: ["K": 100, "Cl": 100]), permeant: ["K", "Cl"],
                                        insideImpermeants: [ImpermeantSolute(charge: -1.2, concentration: .millimolar(120))])
        let eq = try Donnan.solve(problem)
        let r = (144 + (144.0 * 144 + 40000).squareRoot()) / 200
        #expect(isRelativelyClose(eq.ratio, r, relative: 1e-12))
        #expect(abs(eq.insideChargeResidual) < 1e-10)
    }

    /// The product rule (Donnan 1911): for every cation–anion pair (c⁺)^{|z⁻|}(c⁻)^{|z⁺|} is equal on both
    /// sides, for any valences and any mix of impermeants; the inside stays electroneutral.
    @Test func productRuleAndElectroneutrality() async {
        await propertyCheck(input: Gen.double(in: 1...200), Gen.double(in: 0.1...10), Gen.double(in: -3...3), Gen.double(in: 0...300)) { na, ca, z, x in
            let bath = try Solution(millimolar: ["Na": na, "Ca": ca, "Cl": na + 2 * ca])
            let problem = try DonnanProblem(outside: bath, permeant: ["Na", "Ca", "Cl"],
                                            insideImpermeants: [ImpermeantSolute(charge: z, concentration: .millimolar(x))])
            let eq = try Donnan.solve(problem)
            for rule in eq.productRules { #expect(rule.relativeDeviation < 1e-10, "\(rule.cation.name)·\(rule.anion.name)") }
            #expect(eq.ratioConsistency < 1e-12)
            #expect(abs(eq.insideChargeResidual) <= 1e-9 * (na + ca + x))
        }
    }

    /// Van 't Hoff: ΔΠ = RT·(Osm_in − Osm_out), recomputed from the returned concentrations.
    @Test func osmoticImbalanceIsVantHoff() throws {
        let cond = conditions(celsius: 37)
        let problem = try DonnanProblem(outside: try Solution(millimolar: ["K": 100, "Cl": 100]), permeant: ["K", "Cl"],
                                        insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(50))], conditions: cond)
        let eq = try Donnan.solve(problem)
        let osmIn = eq.inside.reduce(0) { $0 + $1.millimolar } + 50
        // R = k_B·N_A exactly (CODATA 2018).
        let rt = 1.380649e-23 * 6.02214076e23 * 310.15
        #expect(isRelativelyClose(eq.osmoticPressureDifference, rt * (osmIn - 200), relative: 1e-12))
        #expect(eq.osmoticPressureDifference > 0)  // the Donnan inside is hyperosmotic (seed 003)
    }

    /// Osmotic compartment, no impermeant in the bath: no finite-volume equilibrium (the cell swells
    /// without bound; Kay 2017, seed 003). The solver must say so, not return a number.
    @Test func noFiniteVolumeWithoutBathImpermeant() throws {
        let problem = try DonnanProblem(outside: try Solution(millimolar: ["K": 100, "Cl": 100]), permeant: ["K", "Cl"],
                                        insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(50))],
                                        compartment: .osmotic)
        #expect {
            _ = try Donnan.solve(problem)
        } throws: { error in
            guard case MembraneError.undefined(_, let reason) = error else { return false }
            return reason.contains("swells without bound")
        }
    }

    /// With the same impermeant on both sides (z = −1, X_out = 100 mM in a bath K = 150, Cl = 50), the double
    /// Donnan equilibrium has the inside identical to the bath: r = 1, V = 0, X_in = X_out, so the volume is
    /// X_ref/X_out exactly (Kay 2017's argument that extracellular impermeants bound the volume).
    @Test func finiteVolumeWithBathImpermeant() throws {
        let bath = try Solution(millimolar: ["K": 150, "Cl": 50])
        let problem = try DonnanProblem(outside: bath, permeant: ["K", "Cl"],
                                        insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(50))],
                                        extraOutside: [ImpermeantSolute(name: "X_out", charge: -1, concentration: .millimolar(100))],
                                        compartment: .osmotic)
        let eq = try Donnan.solve(problem)
        #expect(isClose(eq.potential.volts, 0, within: 1e-12))
        #expect(isRelativelyClose(eq.relativeVolume, 0.5, relative: 1e-10))
        #expect(isClose(eq.osmolarityInside, eq.osmolarityOutside, within: 1e-9))
    }

    /// A rigid wall at 1.5× the reference volume: the volume is the wall's, the concentrations are the rigid
    /// Donnan quadratic at X = X_ref/1.5, and the turgor is van 't Hoff's RT·(Osm_in − Osm_out) of those.
    @Test func rigidWallTurgor() throws {
        let cond = conditions(celsius: 20)
        let problem = try DonnanProblem(outside: try Solution(millimolar: ["K": 10, "Cl": 10]), permeant: ["K", "Cl"],
                                        insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(300))],
                                        compartment: .walled(maximumRelativeVolume: 1.5, elasticModulus: nil), conditions: cond)
        let eq = try Donnan.solve(problem)
        let a = 300.0 / 1.5, c = 10.0
        let r = (a + (a * a + 4 * c * c).squareRoot()) / (2 * c)
        let osmIn = c * r + c / r + a
        #expect(eq.relativeVolume == 1.5)
        #expect(isRelativelyClose(eq.inside[0].millimolar, c * r, relative: 1e-10))
        let rt = 1.380649e-23 * 6.02214076e23 * 293.15
        #expect(isRelativelyClose(try #require(eq.turgor), rt * (osmIn - 20), relative: 1e-10))
    }

    /// An elastic wall balances the osmotic excess with P = ε·(V/V_wall − 1) at a volume beyond the wall's.
    @Test func elasticWallBalance() throws {
        let cond = conditions(celsius: 20)
        let eps = 5e6
        let problem = try DonnanProblem(outside: try Solution(millimolar: ["K": 10, "Cl": 10]), permeant: ["K", "Cl"],
                                        insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(300))],
                                        compartment: .walled(maximumRelativeVolume: 1.0, elasticModulus: eps), conditions: cond)
        let eq = try Donnan.solve(problem)
        let turgor = try #require(eq.turgor)
        #expect(eq.relativeVolume > 1)
        #expect(isRelativelyClose(turgor, eps * (eq.relativeVolume - 1), relative: 1e-9))
        #expect(isRelativelyClose(turgor, eq.osmoticPressureDifference, relative: 1e-8))
    }

    @Test func badInput() throws {
        let bath = try Solution(millimolar: ["K": 100, "Cl": 100])
        // An anionic impermeant with only an anion permeant cannot be balanced.
        #expect(throws: MembraneError.self) {
            _ = try Donnan.solve(try DonnanProblem(outside: bath, permeant: ["Cl"],
                                                   insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(10))]))
        }
        // Negative concentration.
        #expect(throws: MembraneError.self) {
            _ = try Donnan.solve(try DonnanProblem(outside: bath, permeant: ["K", "Cl"],
                                                   insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(-10))]))
        }
        // A bath that is not electroneutral.
        #expect(throws: MembraneError.self) {
            _ = try Donnan.solve(try DonnanProblem(outside: try Solution(millimolar: ["K": 100, "Cl": 70]), permeant: ["K", "Cl"],
                                                   insideImpermeants: []))
        }
        // A permeant ion absent from the bath.
        #expect(throws: MembraneError.self) {
            _ = try DonnanProblem(outside: bath, permeant: ["Na"], insideImpermeants: [])
        }
    }
}

/// Donnan equilibrium in activities (issue 3: every potential command takes --activity-model).
@Suite("Donnan with activities")
struct DonnanActivityTests {
    /// At equilibrium every permeant satisfies a_in/a_out = r^z with γ evaluated afresh (ActivityCalculator on the
    /// inside and outside compositions, the impermeant counted with its charge for the ionic strength), the inside
    /// is electroneutral in concentrations, and V_D = −(RT/F)·ln r.
    @Test(arguments: [ActivityModel.davies, .truesdellJones])
    func activitiesSatisfyTheDonnanCondition(model: ActivityModel) throws {
        let c = conditions(celsius: 25)
        let problem = try DonnanProblem(outside: Solution(millimolar: ["K": 100, "Na": 20, "Cl": 120]), permeant: ["K", "Na", "Cl"],
                                        insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(120))],
                                        compartment: .rigid, conditions: c)
        let eq = try Donnan.solve(problem, activityModel: model)
        let calc = ActivityCalculator(model: model, temperature: c.temperature)
        // Inside: the permeants plus the impermeant anion (z = −1) for the ionic strength.
        let x = Ion(name: "X", charge: -1, transport: nil, isCustom: true)
        var insideSolution = try Solution(zip(problem.permeants, eq.inside).map { SolutionComponent(ion: $0.0.ion, concentration: $0.1) })
        try insideSolution.add(x, .millimolar(120))
        let gIn = try calc.analyze(insideSolution)
        let gOut = try calc.analyze(Solution(millimolar: ["K": 100, "Na": 20, "Cl": 120]))
        for (q, cin) in zip(problem.permeants, eq.inside) {
            let aIn = gIn.gamma(of: q.ion.name)! * cin.millimolar, aOut = gOut.gamma(of: q.ion.name)! * q.outside.millimolar
            #expect(isRelativelyClose(aIn / aOut, pow(eq.ratio, Double(q.ion.charge)), relative: 1e-9), "\(q.ion.name)")
        }
        #expect(abs(eq.insideChargeResidual) < 1e-9)
        #expect(isClose(eq.potential.volts, -c.thermalVoltage * log(eq.ratio), within: 1e-15))
        // The concentrations differ from the ideal solution (the inside is more concentrated than the bath).
        let ideal = try Donnan.solve(problem)
        #expect(abs(eq.inside[0].millimolar - ideal.inside[0].millimolar) > 0.1)
    }

    /// Water balances the osmotic coefficients (issue 5: "with osmotic coefficients once activities exist"): in an
    /// osmotic compartment (finite volume thanks to a neutral impermeant in the bath) φ_in·Σc_in = φ_out·Σc_out, with
    /// each φ evaluated afresh by ActivityCalculator on the full composition (the impermeant anion as an ion, the
    /// neutral bath solute as a solute), to 1e-9; the volume differs from the ideal one, and the reported pressure is 0.
    @Test(arguments: [ActivityModel.davies, .truesdellJones, .pitzer])
    func waterBalancesOsmoticCoefficients(model: ActivityModel) throws {
        let c = conditions(celsius: 25)
        let x = Ion(name: "X", charge: -1, transport: nil, isCustom: true)
        let sucrose = Ion(name: "S", charge: 0, transport: nil, isCustom: true)
        let problem = try DonnanProblem(outside: Solution(millimolar: ["K": 100, "Na": 20, "Cl": 120]), permeant: ["K", "Na", "Cl"],
                                        insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(80))],
                                        extraOutside: [ImpermeantSolute(name: "S", charge: 0, concentration: .millimolar(40))],
                                        compartment: .osmotic, conditions: c)
        let eq = try Donnan.solve(problem, activityModel: model)
        let calc = ActivityCalculator(model: model, temperature: c.temperature)
        var inside = try Solution(zip(problem.permeants, eq.inside).map { SolutionComponent(ion: $0.0.ion, concentration: $0.1) })
        try inside.add(x, eq.insideImpermeants[0].concentration)
        var bath = try Solution(millimolar: ["K": 100, "Na": 20, "Cl": 120])
        try bath.add(sucrose, .millimolar(40))
        let phiIn = try #require(calc.analyze(inside).osmoticCoefficient), phiOut = try #require(calc.analyze(bath).osmoticCoefficient)
        let osmIn = inside.components.reduce(0) { $0 + $1.concentration.millimolar }
        let osmOut = bath.components.reduce(0) { $0 + $1.concentration.millimolar }
        #expect(isRelativelyClose(phiIn * osmIn, phiOut * osmOut, relative: 1e-9), "\(phiIn)·\(osmIn) vs \(phiOut)·\(osmOut)")
        #expect(isRelativelyClose(eq.effectiveOsmolarityInside, phiIn * osmIn, relative: 1e-9))
        #expect(abs(eq.osmoticPressureDifference) < 1e-6 * c.rt * osmOut)
        #expect(phiIn < 1 && phiOut < 1)
        let ideal = try Donnan.solve(problem)
        #expect(abs(eq.relativeVolume / ideal.relativeVolume - 1) > 1e-3)
    }

    /// The Debye–Hückel limiting law has a closed-form osmotic deficit: ln γᵢ = −zᵢ²·A·ln 10·√I gives, by
    /// Gibbs–Duhem, Σm·(1 − φ) = (2/3)·A·ln 10·I^{3/2} (for one 1:1 salt the textbook 1 − φ = A·ln 10·√m/3;
    /// Robinson & Stokes 1959, eq. 9.12). A rigid compartment reports ΔΠ = R·T·[ΔΣc − ρ_w·(2/3)·A·ln 10·(I_in^{3/2} −
    /// I_out^{3/2})] (I molal from the reported compositions) to 1e-9, in a dilute case where the law holds.
    @Test func limitingLawDeficitIsClosedForm() throws {
        let c = conditions(celsius: 25)
        let problem = try DonnanProblem(outside: Solution(millimolar: ["K": 4, "Cl": 4]), permeant: ["K", "Cl"],
                                        insideImpermeants: [ImpermeantSolute(charge: -1, concentration: .millimolar(3))],
                                        compartment: .rigid, conditions: c)
        let eq = try Donnan.solve(problem, activityModel: .debyeHuckel)
        let dh = DebyeHuckelParameters(temperature: c.temperature)
        let rho = WaterProperties.density(c.temperature)
        func ionicStrength(_ chargesAndConcentrations: [(Double, Double)]) -> Double {
            0.5 * chargesAndConcentrations.reduce(0) { $0 + $1.0 * $1.0 * $1.1 } / rho
        }
        let iIn = ionicStrength(zip(problem.permeants, eq.inside).map { (Double($0.0.ion.charge), $0.1.millimolar) } + [(-1, 3)])
        let iOut = ionicStrength([(1, 4), (-1, 4)])
        let deficit = { (i: Double) in rho * 2 / 3 * dh.a * log(10) * pow(i, 1.5) }
        let expected = c.rt * ((eq.osmolarityInside - eq.osmolarityOutside) - (deficit(iIn) - deficit(iOut)))
        #expect(isRelativelyClose(eq.osmoticPressureDifference, expected, relative: 1e-9),
                "\(eq.osmoticPressureDifference) vs \(expected)")
        #expect(isRelativelyClose(eq.osmoticDeficitOutside, deficit(iOut), relative: 1e-9))
    }
}

