import ArgumentParser
import Foundation
import Membrane
import MembraneRequests

struct SimulateHHCommand: RequestCommand {
    static let configuration = CommandConfiguration(
        commandName: "hh",
        abstract: "An excitable cell (Hodgkin–Huxley) or a population: current clamp (constant or protocols), spike times and counts; or an ideal voltage clamp: currents and I–V.",
        discussion: """
        Examples:
          membrane simulate hh --preset hodgkin-huxley-1952 --stimulus-uA-per-cm2 10 --duration 1
          membrane simulate hh --cells 1000 --stimulus-uA-per-cm2 0:20 --duration 1 --json
          membrane simulate hh --set g_Na=60 --set E_L=-60 --stimulus-uA-per-cm2 10 --duration 0.1 --csv hh.csv --plot hh.svg
        hodgkin-huxley-1952 is NEURON's hh (6.3 °C; E_Na and E_K fixed, as NEURON's ena and ek). Spikes are upward
        crossings of 0 mV located on the integrator's dense output (Dormand–Prince 5(4), rtol 1e-5, cells in SIMD lanes
        on all cores); only spike times and final states are kept. --cells N spreads A:B over N cells (cell k gets
        A + (B − A)·k/(N − 1)). --set NAME=VALUE (repeatable) overrides a parameter (membrane presets --json lists
        them with units). --csv and --plot (one cell) record every step of the same cell on Rodas4 (--interval S
        resamples): V_m, concentrations, gates, E and each current. Ctrl-C stops the run and prints what was
        computed (termination "interrupted", exit status 130).
        --spike-cost (one cell) gives the cost of each trough-to-trough cycle: the Na⁺ that entered against the least
        charge C·ΔV, the overlap factor and the ATP the Na/K pump spends exporting it (3 Na⁺ per ATP).
        hubel-ullah-2016 (Hübel & Ullah 2016, ModelDB 187599 code_Fig3.ode; RT/F = 26.64 mV as published) is the
        energy-failure neuron: the pump stops at 50 s (--set t_pump_stop=S, or --pump-block-at S), the cell bursts, depolarises and swells;
        --set g_ClL=0 keeps its volume. It runs 1000 s by default (rtol 1e-8, --method auto: Dormand–Prince through the burst, BDF where stiff), with no current clamp:
          membrane simulate hh --preset hubel-ullah-2016 --set g_ClL=0 --csv hu.csv --interval 0.1
        Protocols (times in ms, currents in µA/cm², potentials in mV; items separated by ;):
          membrane simulate hh --stimulus-protocol "step:start=10,duration=50,amplitude=10" --duration 0.1 --plot step.svg
          membrane simulate hh --stimulus-protocol "train:start=0,period=20,width=1,count=10,amplitude=20" --duration 0.25
          membrane simulate hh --stimulus-protocol "ramp:start=0,duration=500,from=0,to=20" --duration 0.5
        --stimulus-protocol adds steps, trains and ramps to the constant stimulus (one cell, on Rodas4).
          membrane simulate hh --voltage-clamp "hold=-65;step:start=5,duration=20,to=-80:40:10" --plot iv.svg --csv iv.csv
        --voltage-clamp is an ideal clamp (V_m = V_cmd exactly, as Hodgkin & Huxley 1952 modelled it): one sweep per
        level of to=FROM:TO:STEP (a bare -80:40:10 is step:start=5,duration=20,to=-80:40:10); per sweep the clamp
        current (= membrane current, outward positive), its minimum (peak inward) and end (late) values, and each
        channel's peak and end current: the I–V table. Segments: hold=MV, step:start,duration,to, ramp:start,duration,from,to.
          membrane simulate hh --concentrations held --permeation Na=ghk,K=ohmic --voltage-clamp -80:60:10
        --permeation ION=ghk passes the ion through the GHK current equation with P matching ḡ as the chord
        conductance at rest (−65 mV), so rest is unchanged; it needs --concentrations held or dynamic.
        luo-rudy-1991 (Luo & Rudy 1991 ventricular cell, 37 °C) starts at rest and is paced by 25.5 µA/cm², 2 ms
        pulses every 1000 ms from 100 ms (--set pacing_cycle_ms=, stim_amplitude=, stim_duration_ms=, stim_start_ms=;
        --stimulus-uA-per-cm2 sets the amplitude); per beat it prints rest, peak, V̇max and APD90 (2 s by default,
        rtol 1e-8, --method auto). --set K_o=8 raises the bath's K⁺ (see also membrane hyperkalemia):
          membrane simulate hh --preset luo-rudy-1991 --set K_o=8 --plot lr.svg
        With --concentrations dynamic --extracellular-volume-relative X the extracellular space can lose ions to a bath
        of fixed concentration (--bath-diffusion-per-s K=1.33 [--bath-concentration K=4]) and K⁺ to glia
        (--glial-uptake-mM-per-s 66 [--glial-uptake-half-mM 18 --glial-uptake-slope-mM 2.5]), as in Cressman et al. 2009;
        the JSON's extracellular_exchange says where each ion's amount went:
          membrane simulate hh --concentrations dynamic --extracellular-volume-relative 0.15 --stimulus-uA-per-cm2 20 --glial-uptake-mM-per-s 66 --bath-diffusion-per-s K=1.33 --duration 0.5
        cressman-2009 (Cressman et al. 2009 with the 2011 erratum; RT/F = 26.64 mV as published) is the seizure
        neuron: K⁺ accumulates outside, cleared by pump, glia and diffusion to a bath of k_bath mM (default 4: the
        cell rests). At --set k_bath=8 it bursts every ≈ 30 s while [K]o and [Na]i oscillate slowly. It runs 300 s by
        default (rtol 1e-8, --method auto), with no current clamp; the JSON lists bursts and their period:
          membrane simulate hh --preset cressman-2009 --set k_bath=8 --plot seizure.svg --interval 0.01
        """)

    @Option(help: "Excitable-cell preset: hodgkin-huxley-1952 (default), hubel-ullah-2016, luo-rudy-1991, cressman-2009 or wei-ullah-schiff-2014 (membrane presets lists them).") var preset: String?
    @Option(name: .customLong("set"), help: "NAME=VALUE: override a preset parameter in its unit (repeatable).") var set: [String] = []
    @Option(parsing: .unconditional, help: "Simulated time in seconds (default 1; hubel-ullah-2016: 1000; luo-rudy-1991: 2; cressman-2009: 300).") var duration: Scalar?
    @Option(name: .customLong("stimulus-uA-per-cm2"), parsing: .unconditional,
            help: "Constant current density from t = 0 in µA/cm² (depolarising), or FROM:TO over --cells (luo-rudy-1991: the pacing pulses' amplitude).") var stimulus: Scalar?
    @Option(name: .customLong("stimulus-protocol"),
            help: "Current-clamp steps/trains/ramps added to the stimulus (ms, µA/cm²): step:start=10,duration=50,amplitude=10; …") var stimulusProtocol: String?
    @Option(name: .customLong("voltage-clamp"), parsing: .unconditional,
            help: "Ideal voltage clamp (ms, mV): hold=-65;step:start=5,duration=20,to=-80:40:10 (one sweep per level), or -80:40:10.") var voltageClamp: String?
    @Option(name: .customLong("permeation"), help: "ION=ohmic|ghk per gated ion (repeatable or comma-separated), e.g. Na=ghk; GHK needs --concentrations held or dynamic.") var permeation: [String] = []
    @Option(parsing: .unconditional, help: "Number of independent cells.") var cells: Int?
    @Option(help: "E_Na and E_K: fixed (NEURON's hh, default), held (Nernst of held concentrations) or dynamic (Na⁺, K⁺ follow the currents).") var concentrations: String?
    @Option(name: .customLong("extracellular-volume-relative"), parsing: .unconditional,
            help: "With --concentrations dynamic: an extracellular space of this volume relative to the cell's (default: infinite bath).") var extracellularVolume: Scalar?
    @Option(name: .customLong("bath-diffusion-per-s"),
            help: "With --extracellular-volume-relative: ION=RATE (s⁻¹) diffusion of the extracellular space to a bath of fixed concentration, dc/dt = −k·(c − c_bath) (repeatable or comma-separated; Cressman 2009: K=1.33).") var bathDiffusion: [String] = []
    @Option(name: .customLong("bath-concentration"),
            help: "ION=mM: the bath concentration of a diffusing ion (default: the initial outside concentration).") var bathConcentration: [String] = []
    @Option(name: .customLong("glial-uptake-mM-per-s"), parsing: .unconditional,
            help: "With --extracellular-volume-relative: glial K⁺ uptake G/(1 + e^((K_half − K_o)/s)) of at most G mM/s (Cressman 2009: 66).") var glialUptake: Scalar?
    @Option(name: .customLong("glial-uptake-half-mM"), parsing: .unconditional,
            help: "The glial uptake's half-activation K_half, mM (default 18).") var glialUptakeHalf: Scalar?
    @Option(name: .customLong("glial-uptake-slope-mM"), parsing: .unconditional,
            help: "The glial uptake's slope s, mM (default 2.5).") var glialUptakeSlope: Scalar?
    @Option(name: .customLong("pump-uA-per-cm2"), parsing: .unconditional,
            help: "With --concentrations held or dynamic: a Na⁺/K⁺ pump (3 Na⁺ out, 2 K⁺ in) of maximal current ρ µA/cm², saturating in [Na]ᵢ and [K]ₒ (Kager 2000, Cressman 2009).") var pump: Scalar?
    @Option(name: .customLong("pump-block-at"), parsing: .unconditional,
            help: "Block the Na⁺/K⁺ pump at this time (s), or 'none': hubel-ullah-2016's t_pump_stop; the pumps of cressman-2009 and wei-ullah-schiff-2014 (neuron and glia); the --pump-uA-per-cm2 pump of a Hodgkin–Huxley cell.") var pumpBlockAt: Scalar?
    @Option(name: .customLong("block"), help: "BLOCKER=FRACTION: block a fraction (0 to 1) of a channel — TTX (g_Na) or TEA (g_K) (repeatable).") var block: [String] = []
    @Flag(name: .customLong("spike-cost"), help: "The cost of each action potential of one cell: Na⁺ entering against C·ΔV, the overlap factor, ATP.") var spikeCost = false
    @Option(parsing: .unconditional, help: "Relative tolerance of Dormand–Prince (default 1e-5; 1e-8 for the presets with their own model).") var rtol: Scalar?
    @Option(help: "Integrator of the presets with their own model (hubel-ullah-2016, cressman-2009, wei-ullah-schiff-2014, luo-rudy-1991): auto (Dormand–Prince, switching to BDF where stiff; default), bdf or rodas4.") var method: String?
    @Option(parsing: .unconditional, help: "Resample the CSV and plot every S seconds (default: every step).") var interval: Scalar?
    @Option(help: "Write one cell's time series as CSV (state-object names, gates, E, currents).") var csv: String?
    @Option(help: "Write V_m, currents and concentrations against time as an SVG plot (one cell).") var plot: String?
    @OptionGroup var output: OutputOptions

    var progressLabel: String? { "hh" }
    var wantsFigure: Bool { plot != nil }
    var wantsTimeSeries: Bool { csv != nil }
    var outputFiles: [(field: String, path: String?)] { [("csv", csv), ("plot", plot)] }

    func request() throws -> HHSimulationRequest {
        var r = HHSimulationRequest()
        r.preset = preset
        r.set = set.isEmpty ? nil : Assignments(set.joined(separator: ", "))
        r.duration = duration
        r.stimulus = stimulus
        r.cells = cells
        r.rtol = rtol
        r.method = method
        r.interval = interval
        r.concentrations = concentrations
        r.extracellularVolume = extracellularVolume
        r.bathDiffusion = bathDiffusion.isEmpty ? nil : Assignments(bathDiffusion.joined(separator: ", "))
        r.bathConcentration = bathConcentration.isEmpty ? nil : Assignments(bathConcentration.joined(separator: ", "))
        r.glialUptake = glialUptake
        r.glialUptakeHalf = glialUptakeHalf
        r.glialUptakeSlope = glialUptakeSlope
        r.pump = pump
        r.pumpBlockAt = pumpBlockAt
        r.block = block.isEmpty ? nil : Assignments(block.joined(separator: ", "))
        r.spikeCost = spikeCost ? true : nil
        r.stimulusProtocol = stimulusProtocol
        r.voltageClamp = voltageClamp
        r.permeation = permeation.isEmpty ? nil : Assignments(permeation.joined(separator: ", "))
        if cells != nil, let file = csv ?? plot {
            throw MembraneError.invalidValue(field: csv != nil ? "csv" : "plot", value: file,
                                             allowed: "--csv and --plot for one cell (without --cells)")
        }
        return r
    }

    func writeFiles(_ output: inout HHSimulationRequest.Output) throws {
        if let csv, let text = output.csv { try OutputFile.write(text, to: csv, field: "csv") }
        output.wrote(csv: csv, plot: plot)
    }
}
