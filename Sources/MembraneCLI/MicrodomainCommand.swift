import ArgumentParser
import Foundation
import Membrane
import MembraneReport

struct MicrodomainCommand: CalculationCommand {
    static let configuration = CommandConfiguration(
        commandName: "microdomain",
        abstract: "Free Ca²⁺ and the local E_Ca near open Ca²⁺ channels: c(r) = c∞ + i/(2π·z·F·D·r), buffered or not.",
        discussion: """
        Examples:
          membrane microdomain --current-pA 0.5 --distance-nm 10 --inside 100nM --outside 2
          membrane microdomain --current-pA 0.3 --distance-nm 20 --inside 100nM --outside 2 --buffer EGTA=10
          membrane microdomain --current-pA 0.3 --distance-nm 20 --inside 100nM --outside 2 --buffer BAPTA=1 --approximation rba
          membrane microdomain --current-pA 0.2 --distance-nm 10 --inside 50nM --outside 2 --channels 9 --spacing-nm 30 --plot ca.svg
        Each channel is a point source into the cytosolic half space (Neher 1986); --current-pA is the magnitude of
        its inward current. Buffers (--buffer, repeatable: EGTA, BAPTA, calbindin, or X(kon=…,kd=…,D=…)=conc) enter
        by the excess-buffer (eba, default) or rapid-buffer (rba) approximation. A cluster is --channels N on a
        square lattice of --spacing-nm, or --positions-nm "x,y; x,y"; c is evaluated at depth r below the reference
        (central) channel. Distances must be ≥ the pore radius (--pore-radius-nm, 0.3 nm by default).
        """)

    @Option(name: .customLong("current-pA"), parsing: .unconditional, help: "Inward single-channel current magnitude in pA.") var current: String
    @Option(name: .customLong("distance-nm"), parsing: .unconditional, help: "Distance from the pore in nm.") var distance: String
    @Option(parsing: .unconditional, help: "Bulk cytosolic free Ca²⁺ (mM unless a unit is written, e.g. 100nM).") var inside: String
    @Option(parsing: .unconditional, help: "Extracellular Ca²⁺ (mM unless a unit is written).") var outside: String
    @Option(help: "The permeant divalent cation (default Ca).") var ion: String = "Ca"
    @Option(name: .customLong("diffusion-um2-per-s"), parsing: .unconditional,
            help: "D of free Ca²⁺ in µm²/s (default 220: Allbritton, Meyer & Stryer 1992).") var diffusion: String?
    @Option(parsing: .unconditionalSingleValue, help: "A mobile buffer, e.g. EGTA=10, BAPTA=1mM, calbindin=0.1 (repeatable).") var buffer: [String] = []
    @Option(help: "Buffer approximation: eba (excess buffer, default) or rba (rapid buffer).") var approximation: String = "eba"
    @Option(name: .customLong("pore-radius-nm"), parsing: .unconditional, help: "Pore radius in nm (default 0.3).") var poreRadius: String?
    @Option(help: "Number of channels in a square cluster.") var channels: Int?
    @Option(name: .customLong("spacing-nm"), parsing: .unconditional, help: "Channel spacing of the cluster in nm.") var spacing: String?
    @Option(name: .customLong("positions-nm"), parsing: .unconditional, help: "Channel positions \"x,y; x,y\" in nm (first: reference).") var positions: String?
    @Option(name: .customLong("to-nm"), parsing: .unconditional, help: "Largest distance of the profile in nm (default 1000).") var toNm: String = "1000"
    @Option(parsing: .unconditional, help: "Write local and bulk E_Ca against distance as an SVG plot.") var plot: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func execute() throws -> any Renderable {
        let ion = try Inputs.ion(self.ion, valence: nil)
        var problem = MicrodomainProblem(
            current: try Inputs.number(current, field: "current-pA") * 1e-12, inside: try Inputs.concentration(inside, field: "inside"),
            outside: try Inputs.concentration(outside, field: "outside"), valence: ion.charge, conditions: try conditions.conditions())
        if let diffusion { problem.diffusivity = .squareMetresPerSecond(try Inputs.number(diffusion, field: "diffusion-um2-per-s") * 1e-12) }
        if let poreRadius { problem.poreRadius = .metres(try Inputs.number(poreRadius, field: "pore-radius-nm") * 1e-9) }
        problem.buffers = try buffer.flatMap { try CalciumBuffer.parseList($0, field: "buffer") }
        guard let approximation = BufferApproximation(rawValue: approximation.lowercased()) else {
            throw MembraneError.invalidValue(field: "approximation", value: self.approximation, allowed: "eba or rba")
        }
        problem.approximation = approximation
        switch (channels, spacing, positions) {
        case (nil, nil, nil): break
        case (let n?, let s?, nil): problem.channels = try MicrodomainProblem.squareCluster(count: n, spacing: .metres(try Inputs.number(s, field: "spacing-nm") * 1e-9))
        case (nil, nil, let p?): problem.channels = try ChannelPosition.parseList(p, field: "positions-nm")
        default:
            throw MembraneError.invalidValue(field: "channels", value: channels.map(String.init) ?? positions ?? spacing ?? "",
                                             allowed: "either --channels N with --spacing-nm S, or --positions-nm \"x,y; x,y\"")
        }
        let r = Length.metres(try Inputs.number(distance, field: "distance-nm") * 1e-9)
        let to = try Inputs.number(toNm, field: "to-nm") * 1e-9
        let table = try Microdomain.profileDistances(from: problem.poreRadius, to: .metres(to))
        let result = try Microdomain.solve(problem, distance: r, profile: table)
        if let plot {
            let dense = try Microdomain.profileDistances(from: problem.poreRadius, to: .metres(to), pointsPerDecade: 40)
            try Microdomain.solve(problem, distance: r, profile: dense, fractions: []).svg().write(toFile: plot, atomically: true, encoding: .utf8)
        }
        return result
    }
}
