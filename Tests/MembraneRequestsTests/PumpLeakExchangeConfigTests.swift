import Testing
import Foundation
import Membrane
import MembraneRequests

/// `simulate pump-leak --config` with `extracellular_exchange` (docs/pump-leak-config.md): a finite bath exchanging
/// ions with a reservoir and with glia (Cressman et al. 2009), checked against the closed form of diffusion, against
/// the amounts of each ion summed here from the printed states, and refused where it cannot apply.
@Suite("pump-leak configuration: extracellular exchange")
struct PumpLeakExchangeConfigTests {
    /// Kay 2017's reference volume, 4/3·π·(5 µm)³ in µm³.
    static let referenceVolume = 4.0 / 3 * Double.pi * 125

    static func run(_ config: String, duration: Double) throws -> [String: Any] {
        var context = RequestContext()
        let result = try RequestCatalog.run(command: "simulate/pump-leak", body: #"{"config": \#(config), "duration": \#(duration)}"#,
                                            context: &context)
        return try JSONSerialization.jsonObject(with: Data(result.json.render().utf8)) as! [String: Any]
    }

    static func state(_ d: [String: Any], _ which: String) -> [String: Any] { d[which] as! [String: Any] }
    static func mM(_ s: [String: Any], _ side: String, _ ion: String) -> Double { (s[side] as! [String: Double])[ion]! }

    /// An inert membrane (no leaks, no pump) with water that hardly moves (P_f 1e-6 µm/s): only the exchange changes the
    /// bath, whose volume stays 0.2 of the cell's, so [K]ₒ(t) = 8 + (3 − 8)·e^{−t} towards a reservoir of 8 mM at
    /// k = 1 s⁻¹, and the amount removed is ([K]ₒ(0) − [K]ₒ(t))·W, here negative (K⁺ came in); Na⁺ diffusing to its own
    /// bath concentration (the default reservoir) does not move; the cell does not change.
    @Test func diffusionToAReservoirFollowsTheExponential() throws {
        let config = #"""
        {"bath_volume_relative": 0.2, "conductances_mS_per_cm2": {"Na": 0, "K": 0, "Cl": 0}, "pump": null, "events": [],
         "water": {"model": "osmotic", "osmotic_permeability_um_per_s": 1e-6},
         "extracellular_exchange": {"bath_diffusion_per_s": {"K": 1, "sodium": 0.5}, "bath_concentration_mM": {"K": 8}}}
        """#
        let out = try Self.run(config, duration: 3)
        #expect(out["termination"] as? String == "finished")
        let initial = Self.state(out, "initial"), final = Self.state(out, "final")
        let expected = 8 + (3 - 8) * exp(-3.0)
        #expect(abs(Self.mM(final, "outside_mM", "K") - expected) < 1e-6 * expected, "[K]o \(Self.mM(final, "outside_mM", "K")) vs \(expected)")
        #expect(abs(Self.mM(final, "outside_mM", "Na") - 147) < 1e-9 * 147)
        #expect(abs(Self.mM(final, "inside_mM", "K") - Self.mM(initial, "inside_mM", "K")) < 1e-9 * 30)
        let w = 0.2 * Self.referenceVolume  // µm³; mM·µm³ = 1e-18 mol
        let removed = try #require((final["exchanged_mol"] as? [String: Double])?["K"])
        #expect(abs(removed - (3 - expected) * w * 1e-18) < 1e-6 * abs(removed), "removed \(removed) mol")
        let exchange = try #require(out["extracellular_exchange"] as? [String: Any])
        let names = (exchange["processes"] as? [[String: Any]])?.map { $0["name"] as? String }
        #expect(names == ["bath_diffusion.K", "bath_diffusion.Na"])
    }

    /// Kay 2017's cell with the pump blocked at 20 s in a bath of 0.2 × its volume: K⁺ leaks out and piles up in the
    /// bath, glia and the reservoir take it away. For every ion the amount in the cell (c_in·V) + in the bath
    /// (c_out·(1.2·V_ref − V), the water of cell + bath being conserved) + what the exchange removed is the same at the
    /// start and the end (to 1e-8), each summed here from the printed states; and [K]ₒ ends lower than without exchange.
    @Test func everyIonIsConservedAndTheExchangeClearsPotassium() throws {
        let base = #""bath_volume_relative": 0.2, "events": [{"time_s": 20, "action": "block"}]"#
        let exchanged = try Self.run(#"""
            {\#(base), "extracellular_exchange": {"bath_diffusion_per_s": {"K": 0.5}, "bath_concentration_mM": {"K": 3},
             "glial_uptake_mM_per_s": 2, "glial_uptake_half_mM": 5, "glial_uptake_slope_mM": 1}}
            """#, duration: 200)
        let closed = try Self.run("{\(base)}", duration: 200)
        #expect(exchanged["termination"] as? String == "finished" && closed["termination"] as? String == "finished")
        func total(_ s: [String: Any], _ ion: String) -> Double {
            let v = s["volume_um3"] as! Double
            let removed = (s["exchanged_mol"] as? [String: Double])?[ion] ?? 0
            return (Self.mM(s, "inside_mM", ion) * v + Self.mM(s, "outside_mM", ion) * (1.2 * Self.referenceVolume - v)) * 1e-18 + removed
        }
        let initial = Self.state(exchanged, "initial"), final = Self.state(exchanged, "final")
        for ion in ["Na", "K", "Cl"] {
            #expect(abs(total(final, ion) - total(initial, ion)) < 1e-8 * total(initial, ion), "\(ion): \(total(initial, ion)) → \(total(final, ion)) mol")
        }
        let removedK = try #require((final["exchanged_mol"] as? [String: Double])?["K"])
        #expect(removedK > 0)
        let koClosed = Self.mM(Self.state(closed, "final"), "outside_mM", "K"), ko = Self.mM(final, "outside_mM", "K")
        #expect(ko < koClosed, "[K]o \(ko) with exchange, \(koClosed) without")
        #expect(closed["extracellular_exchange"] == nil)
    }

    /// Refusals name the key path under `config.extracellular_exchange` and say what is allowed.
    @Test(arguments: [
        (#"{"extracellular_exchange": {"bath_diffusion_per_s": {"K": 1}}}"#, "config.extracellular_exchange", "bath_volume_relative"),
        (#"{"bath_volume_relative": 0.2, "extracellular_exchange": {"bath_diffusion_per_s": {"K": -1}}}"#,
         "config.extracellular_exchange.bath_diffusion_per_s.K", "rate constant"),
        (#"{"bath_volume_relative": 0.2, "extracellular_exchange": {"bath_diffusion_per_s": {"Ca": 1}}}"#,
         "config.extracellular_exchange.bath_diffusion_per_s.Ca", "Na, K, Cl"),
        (#"{"bath_volume_relative": 0.2, "extracellular_exchange": {"bath_diffusion_per_s": {"K": 1, "potassium": 2}}}"#,
         "config.extracellular_exchange.bath_diffusion_per_s.potassium", "each ion once"),
        (#"{"bath_volume_relative": 0.2, "extracellular_exchange": {"bath_concentration_mM": {"K": 4}}}"#,
         "config.extracellular_exchange.bath_concentration_mM.K", "diffuses"),
        (#"{"bath_volume_relative": 0.2, "extracellular_exchange": {"glial_uptake_slope_mM": 2}}"#,
         "config.extracellular_exchange.glial_uptake_slope_mM", "glial_uptake_mM_per_s"),
        (#"{"bath_volume_relative": 0.2, "extracellular_exchange": {"glial_uptake_mM_per_s": 5, "glial_uptake_slope_mM": 0}}"#,
         "config.extracellular_exchange.glial_uptake_slope_mM", "> 0"),
        // A misspelt key is refused with the closest names.
        (#"{"bath_volume_relative": 0.2, "extracellular_exchange": {"glia": 5}}"#, "config.extracellular_exchange", "glial_uptake_mM_per_s"),
    ])
    func refusedNamingTheKey(_ config: String, _ field: String, _ allowed: String) {
        do {
            _ = try Self.run(config, duration: 1)
            Issue.record("accepted: \(config)")
        } catch let e as MembraneError {
            #expect(e.field == field, "\(config): \(e.field): \(e.message)")
            #expect(e.message.contains(allowed), "\(config): \(e.message)")
        } catch { Issue.record("\(config): \(error)") }
    }

    /// The steady-state solver has no exchange (its states would be balanced by the reservoir, not by the pump): a
    /// configuration with one is refused by `steady-state`, naming the exchange.
    @Test func steadyStateRefusesTheExchange() {
        var context = RequestContext()
        do {
            _ = try RequestCatalog.run(command: "steady-state", body: #"""
                {"config": {"bath_volume_relative": 0.2, "extracellular_exchange": {"glial_uptake_mM_per_s": 5}}}
                """#, context: &context)
            Issue.record("accepted")
        } catch let e as MembraneError { #expect(e.field.contains("extracellular_exchange"), "\(e.field): \(e.message)") } catch { Issue.record("\(error)") }
    }
}
