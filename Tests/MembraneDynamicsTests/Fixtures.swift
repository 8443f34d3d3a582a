import Foundation
import MembraneDynamics
import MembranePhysics
import MembraneUnits
import MembraneChemistry

/// Scenario variants used by several suites.
enum Fixtures {
    /// Kay 2017 with the pump never blocked.
    static var kayPumpOn: Scenario {
        var s = Scenario.kay2017
        s.events = []
        return s
    }

    /// Kay 2017 with 100 mM impermeant anion in the bath (Cl_out = 50 mM), as PLM_CD.m's xo, zo allow.
    static var kayBathImpermeant: Scenario {
        var s = Scenario.kay2017
        s.outside[2] = .millimolar(50)
        s.outsideImpermeant = ImpermeantSolute(name: "X_out", charge: -1, concentration: .millimolar(100))
        return s
    }

    /// Everything at once: GHK leaks, Luo–Rudy pump with its voltage factor, NKCC1 and KCC2, a finite bath
    /// ten times the cell, osmotic water with a finite permeability, charge-difference V.
    static var rich: Scenario {
        var s = Scenario.kay2017
        s.name = "rich"
        s.conditions = Conditions(temperature: .body)
        s.leaks = [.ghk("Na", centimetresPerSecond: 1e-8), .ghk("K", centimetresPerSecond: 2e-7), .ohmic("Cl", milliSiemensPerSquareCentimetre: 0.1)]
        s.pump = NaKPump(.luoRudy1994(voltageDependent: true), maximalCurrent: .microamperesPerSquareCentimetre(1.5), conditions: s.conditions)
        s.cotransporters = [.nkcc1(strength: 2.33e-8), .kcc2(strength: 7e-8)]
        s.bath = .finite(relativeVolume: 10)
        s.water = .osmotic(permeability: .metresPerSecond(2e-5))
        s.events = []
        s.duration = 20_000
        return s
    }

    /// The Kay 2017 reference table produced by Tests/Reference/kay2017/plm_cd_port.py.
    static func kayReference(_ file: String) throws -> [[Double]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Reference/kay2017/\(file)")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in line.split(separator: ",").map { Double($0)! } }
    }
}
