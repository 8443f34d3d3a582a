import Testing
import Foundation
import Membrane
import MembraneRequests

/// `--set` ranges of the extracellular exchange's names over `--cells` (`bath_diffusion.K.rate=0:2`,
/// `glia.K.G_max=A:B`, …): cell k takes A + (B − A)·k/(N − 1) as for the preset's parameters, each cell on the general
/// path with its own exchange. The cells are independent, so each must equal the single cell run with its value, and
/// the physics orders them: diffusion to a bath at the resting [K]ₒ removes more of the K⁺ a firing cell piles up
/// outside the faster it is.
@Suite("simulate hh: exchange parameters spread over a population")
struct ExchangeSpreadTests {
    static let base = #""concentrations": "dynamic", "extracellular-volume-relative": 0.15, "stimulus-uA-per-cm2": 20, "duration": 0.2"#

    static func run(_ body: String) throws -> [String: Any] { try ParameterSpreadTests.run(body) }

    static func outsideK(_ d: [String: Any]) -> Double? { (d["outside_mM"] as? [String: Double])?["K"] }
    static func exchangedK(_ d: [String: Any]) -> Double? { (d["exchanged_mol"] as? [String: Double])?["K"] }

    /// Three cells, k = 0, 1, 2 s⁻¹ towards a bath at 2.5 mM: each cell's `set` (its value of the range), final [K]ₒ and K⁺ removed equal its
    /// own single-cell run; the cell with k = 0 removed nothing; [K]ₒ falls and the amount removed grows with k;
    /// every [K]ₒ stays above the bath (diffusion cannot overshoot it while the cell releases K⁺).
    @Test func eachCellHasItsOwnBathDiffusionRate() throws {
        let population = try Self.run(#"{\#(Self.base), "cells": 3, "set": "bath_diffusion.K.rate=0:2, bath_diffusion.K.concentration=2.5"}"#)
        let cells = try #require(population["cells"] as? [[String: Any]])
        #expect(cells.count == 3)
        var lastK = Double.infinity, lastRemoved = -Double.infinity
        for (k, rate) in [0.0, 1.0, 2.0].enumerated() {
            let own = try #require(cells[k]["set"] as? [String: Double])
            #expect(own == ["bath_diffusion.K.rate": rate], "cell \(k): \(own)")  // the ranges only
            let single = try Self.run(#"{\#(Self.base), "set": "bath_diffusion.K.rate=\#(rate), bath_diffusion.K.concentration=2.5"}"#)
            let final = try #require(single["final"] as? [String: Any])
            let ko = try #require(Self.outsideK(cells[k])), removed = try #require(Self.exchangedK(cells[k]))
            let singleKo = try #require(Self.outsideK(final)), singleRemoved = try #require(Self.exchangedK(final))
            #expect(abs(ko - singleKo) <= 1e-9 * singleKo, "cell \(k): [K]o \(ko) vs single \(singleKo)")
            #expect(abs(removed - singleRemoved) <= 1e-9 * max(abs(singleRemoved), 1e-30), "cell \(k): removed \(removed) vs \(singleRemoved)")
            #expect(cells[k]["spike_count"] as? Int == (single["spike_times_ms"] as? [Double])?.count)
            if rate == 0 { #expect(removed == 0) }
            #expect(ko > 2.5 && ko < lastK, "cell \(k): [K]o \(ko) mM after \(lastK)")
            #expect(removed > lastRemoved, "cell \(k): removed \(removed) mol after \(lastRemoved)")
            lastK = ko
            lastRemoved = removed
        }
    }

    /// A preset range and an exchange range together (g_Na and glia.K.G_max): each cell gets both, and more glial
    /// uptake leaves less K⁺ outside; the order of a shape and its rate in `set` does not matter.
    @Test func presetAndExchangeRangesTogether() throws {
        let population = try Self.run(#"{\#(Self.base), "cells": 2, "set": "glia.K.K_half=10, g_Na=110:120, glia.K.G_max=0:66"}"#)
        let cells = try #require(population["cells"] as? [[String: Any]])
        #expect((cells[0]["set"] as? [String: Double]) == ["g_Na": 110, "glia.K.G_max": 0])
        #expect((cells[1]["set"] as? [String: Double]) == ["g_Na": 120, "glia.K.G_max": 66])
        let last = try Self.run(#"{\#(Self.base), "set": "g_Na=120, glia.K.G_max=66, glia.K.K_half=10"}"#)
        let final = try #require(last["final"] as? [String: Any])
        #expect(abs(try #require(Self.outsideK(cells[1])) - (try #require(Self.outsideK(final)))) <= 1e-9 * 10)
        #expect(try #require(Self.exchangedK(cells[0])) == 0 && (try #require(Self.exchangedK(cells[1]))) > 0)
    }

    /// Refusals name `set` (or `cells`) and quote the cell's value: no finite extracellular space, a rate below 0 at an
    /// end of the range, a bath concentration range without a rate, a range without `cells`.
    @Test(arguments: [
        (#"{"cells": 2, "set": "bath_diffusion.K.rate=0:2"}"#, "set", "extracellular"),
        (#"{\#(base), "cells": 2, "set": "bath_diffusion.K.rate=-1:2"}"#, "set", "≥ 0"),
        (#"{\#(base), "cells": 2, "set": "bath_diffusion.K.concentration=2:4"}"#, "set", "diffuses"),
        (#"{\#(base), "set": "glia.K.G_max=0:66"}"#, "set", "cells"),
        (#"{\#(base), "cells": 2, "set": "glia.Na.G_max=0:66"}"#, "set", "glia.K.G_max"),
    ])
    func refusedNamingTheField(_ body: String, _ field: String, _ allowed: String) {
        var context = RequestContext()
        do {
            _ = try RequestCatalog.run(command: "simulate/hh", body: body, context: &context)
            Issue.record("accepted: \(body)")
        } catch let e as MembraneError {
            #expect(e.field == field, "\(body): \(e.message)")
            #expect(e.message.contains(allowed), "\(body): \(e.message)")
        } catch { Issue.record("\(error)") }
    }
}
