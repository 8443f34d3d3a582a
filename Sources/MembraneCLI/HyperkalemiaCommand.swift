import ArgumentParser
import Membrane
import MembraneRequests

struct HyperkalemiaCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyperkalemia",
        abstract: "Rest and excitability against the bath's K⁺: a ventricular cell (luo-rudy-1991) or the squid axon (hodgkin-huxley-1952).",
        discussion: """
        Examples:
          membrane hyperkalemia --preset luo-rudy-1991 --k-o 4:12:1
          membrane hyperkalemia --preset hodgkin-huxley-1952 --k-o 2.5,5,10,20 --json
          membrane hyperkalemia --k-o 4:16:0.5 --plot hyperkalemia.svg
        For each K_o: the resting potential, E_K, whether one test pulse from rest evokes an action potential (V
        rises through 0 mV, the membrane's own current inward there), its peak, V̇max and APD90. luo-rudy-1991 (Luo & Rudy 1991, 37 °C): rest is the zero of
        the total ionic current with every gate at steady state; the pulse is the paper's stimulus (25.5 µA/cm² for
        2 ms, as the CellML model); g_K and g_K1 scale with √(K_o/5.4). hodgkin-huxley-1952 runs NEURON's hh with
        held concentrations (E_K = (RT/F)·ln(K_o/K_i), 6.3 °C); it settles for 500 ms, then a 20 µA/cm², 1 ms pulse.
        --set NAME=VALUE (repeatable) overrides another parameter of the preset (membrane presets lists them).
        """)

    @Option(help: "luo-rudy-1991 (default) or hodgkin-huxley-1952.") var preset: String?
    @Option(name: .customLong("k-o"), parsing: .unconditional,
            help: "K_o values in mM: FROM:TO:STEP or a list A,B,C (default 4:12:1; hodgkin-huxley-1952: 2.5:20:2.5).") var kOutside: Scalar?
    @Option(name: .customLong("set"), help: "NAME=VALUE: override a preset parameter in its unit (repeatable; not K_o).") var set: [String] = []
    @Option(name: .customLong("stimulus-uA-per-cm2"), parsing: .unconditional,
            help: "Test pulse amplitude in µA/cm², depolarising (default 25.5; hodgkin-huxley-1952: 20).") var stimulus: Scalar?
    @Option(name: .customLong("stimulus-ms"), parsing: .unconditional,
            help: "Test pulse duration in ms (default 2; hodgkin-huxley-1952: 1).") var stimulusDuration: Scalar?
    @Option(help: "Write rest and E_K against K_o, and V̇max, as an SVG plot.") var plot: String?
    @OptionGroup var output: OutputOptions

    var progressLabel: String? { "hyperkalemia" }

    func request() -> HyperkalemiaRequest {
        var r = HyperkalemiaRequest(preset: preset, kOutside: kOutside)
        r.set = set.isEmpty ? nil : Assignments(set.joined(separator: ", "))
        r.stimulus = stimulus
        r.stimulusDuration = stimulusDuration
        return r
    }
}
