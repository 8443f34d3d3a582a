import MembraneLanes

extension GatedCellStructure {
    /// The gates and rates of the squid axon's Na⁺ (m³h) and K⁺ (n⁴) channels, in the structure's form.
    static func squidGates() -> [(exponent: Int, alpha: GatedCellStructure.Rate, beta: GatedCellStructure.Rate, channel: Int)] {
        let channels = [HodgkinHuxleyChannel.hodgkinHuxley1952Sodium(), HodgkinHuxleyChannel.hodgkinHuxley1952Potassium()]
        return channels.enumerated().flatMap { c, channel in
            channel.gates.map { (exponent: $0.exponent, alpha: GatedCellStructure.Rate($0.alpha), beta: GatedCellStructure.Rate($0.beta), channel: c) }
        }
    }

    /// True when the structure is two channels gated m³h and n⁴ with exactly the squid axon's rates and one φ: cells
    /// of it can run on the ``HodgkinHuxley1952Kernel``, the squid axon's rates compiled in.
    public var runsOnHodgkinHuxley1952Kernel: Bool {
        let structure = self, squid = Self.squidGates()
        guard structure.channelCount == 2, structure.gates.count == squid.count, structure.rates.count == 2 * squid.count,
              let phi = structure.gates.first?.phi else { return false }
        func same(_ a: GatedCellStructure.Rate, _ b: GatedCellStructure.Rate) -> Bool {
            a.form == b.form && a.rate == b.rate && a.slope == b.slope && a.offset == b.offset
        }
        for (k, gate) in structure.gates.enumerated() {
            let s = squid[k]
            guard gate.channel == s.channel, gate.exponent == s.exponent, gate.phi == phi,
                  same(structure.rates[2 * k], s.alpha), same(structure.rates[2 * k + 1], s.beta) else { return false }
        }
        return true
    }
}
