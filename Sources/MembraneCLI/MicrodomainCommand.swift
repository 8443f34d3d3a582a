import ArgumentParser
import MembraneRequests

struct MicrodomainCommand: RequestCommand {
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

    @Option(name: .customLong("current-pA"), parsing: .unconditional, help: "Inward single-channel current magnitude in pA.") var current: Scalar
    @Option(name: .customLong("distance-nm"), parsing: .unconditional, help: "Distance from the pore in nm.") var distance: Scalar
    @Option(parsing: .unconditional, help: "Bulk cytosolic free Ca²⁺ (mM unless a unit is written, e.g. 100nM).") var inside: Scalar
    @Option(parsing: .unconditional, help: "Extracellular Ca²⁺ (mM unless a unit is written).") var outside: Scalar
    @Option(help: "The permeant divalent cation (default Ca).") var ion: String?
    @Option(name: .customLong("diffusion-um2-per-s"), parsing: .unconditional,
            help: "D of free Ca²⁺ in µm²/s (default 220: Allbritton, Meyer & Stryer 1992).") var diffusion: Scalar?
    @Option(parsing: .unconditionalSingleValue, help: "A mobile buffer, e.g. EGTA=10, BAPTA=1mM, calbindin=0.1 (repeatable).") var buffer: [Assignments] = []
    @Option(help: "Buffer approximation: eba (excess buffer, default) or rba (rapid buffer).") var approximation: String?
    @Option(name: .customLong("pore-radius-nm"), parsing: .unconditional, help: "Pore radius in nm (default 0.3).") var poreRadius: Scalar?
    @Option(parsing: .unconditional, help: "Number of channels in a square cluster.") var channels: Int?
    @Option(name: .customLong("spacing-nm"), parsing: .unconditional, help: "Channel spacing of the cluster in nm.") var spacing: Scalar?
    @Option(name: .customLong("positions-nm"), parsing: .unconditional, help: "Channel positions \"x,y; x,y\" in nm (first: reference).") var positions: String?
    @Option(name: .customLong("to-nm"), parsing: .unconditional, help: "Largest distance of the profile in nm (default 1000).") var toNm: Scalar?
    @Option(parsing: .unconditional, help: "Write local and bulk E_Ca against distance as an SVG plot.") var plot: String?
    @OptionGroup var conditions: ConditionsOptions
    @OptionGroup var output: OutputOptions

    func request() -> MicrodomainRequest {
        var r = MicrodomainRequest(currentPA: current, distanceNm: distance, inside: inside, outside: outside)
        r.ion = ion
        r.diffusionUm2PerS = diffusion
        r.buffer = buffer.isEmpty ? nil : Repeated(buffer)
        r.approximation = approximation
        r.poreRadiusNm = poreRadius
        r.channels = channels
        r.spacingNm = spacing
        r.positionsNm = positions
        r.toNm = toNm
        r.temperature = conditions.temperature
        r.constants = conditions.constants
        return r
    }
}
