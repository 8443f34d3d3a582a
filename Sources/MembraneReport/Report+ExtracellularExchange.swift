import Membrane

/// `extracellular_exchange` of a run whose extracellular space exchanges ions with the world outside it
/// (``ExtracellularExchange``): each process with its parameters and source, how volume is treated, and per ion where
/// its amount went between `initial` and `final` (mol; `imbalance_relative` is round-off). Nil without exchange.
public func extracellularExchangeJSON(_ model: CellModel, initial: [Double], final: [Double]?) -> JSONValue? {
    guard !model.scenario.extracellularExchange.isEmpty else { return nil }
    let units = ["rate": "per_s", "concentration": "mM", "G_max": "mM_per_s", "K_half": "mM", "slope": "mM"]
    let processes: [JSONValue] = model.exchangeSettings.map { setting in
        let glia = setting.name.hasPrefix("glia.")
        return .object([("name", .string(setting.name))]
            + setting.parameters.map { ("\($0.name)_\(units[$0.name] ?? "SI")", .number($0.value)) }
            + [("equation", .string(glia ? "d[K]o/dt = -G_max/(1 + exp((K_half - [K]o)/slope))" : "dc_o/dt = -rate*(c_o - concentration)")),
               ("source", .string(glia ? "Kager, Wadman & Somjen 2000; Cressman et al. 2009 (J Comput Neurosci 26:159), Table 1: G 66 mM/s (code: 200/3), K_sat 18 mM, slope 2.5 mM"
                                       : "Cressman et al. 2009, I_diff = epsilon*([K]o - k_bath), epsilon 1.2 /s (code: 4/3)"))])
    }
    var pairs: [(String, JSONValue)] = [
        ("processes", .array(processes)),
        ("volume", .string("only solute is exchanged: the water of cell + extracellular space is conserved, so the extracellular volume follows the osmotic balance of what remains (constant with impermeable water)")),
    ]
    if let final {
        pairs.append(("ions", .object(model.exchangeBalance(from: initial, to: final).map { b in
            (b.ion, .object([("initial_total_mol", .number(b.initialTotal)), ("cell_change_mol", .number(b.cellChange)),
                             ("extracellular_change_mol", .number(b.extracellularChange))]
                            + b.processes.map { ("\($0.name)_removed_mol", .number($0.removed)) }
                            + b.processes.map { ("\($0.name)_rate_mM_per_s", .number($0.rate)) }
                            + [("imbalance_relative", .number(b.imbalance))]))
        })))
    }
    return .object(pairs)
}

/// Text lines: per ion with exchange, where its amount went (fmol) and the final rates.
func extracellularExchangeLines(_ model: CellModel, initial: [Double], final: [Double]) -> [String] {
    model.exchangeBalance(from: initial, to: final).map { b in
        let processes = b.processes.map { "\($0.name) \(Format.significant($0.removed * 1e15, 4)) fmol (now \(Format.significant($0.rate, 4)) mM/s)" }
        return "\(b.ion): cell \(Format.significant(b.cellChange * 1e15, 4)) fmol, extracellular space \(Format.significant(b.extracellularChange * 1e15, 4)) fmol, removed: "
            + processes.joined(separator: ", ") + " (balance to \(Format.significant(b.imbalance, 2)))"
    }
}
