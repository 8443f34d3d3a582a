extension Format {
    /// The spikes of a run in one phrase: "no spikes", "1 spike at 12.345 ms", or "235 spikes at 30.4106, 30.4984, …,
    /// 33.1795 s": the first `shown` times, then the last one after "…" when more are left out. `times` are in seconds;
    /// `unit` ("s" or "ms") is how they print, with `decimals` after the point.
    public static func spikeList(_ times: [Double], unit: String, decimals: Int, shown: Int = 10) -> String {
        guard let last = times.last else { return "no spikes" }
        let scale = unit == "ms" ? 1e3 : 1
        let head = times.prefix(shown).map { fixed($0 * scale, decimals) }.joined(separator: ", ")
        let tail = times.count > shown ? ", …, " + fixed(last * scale, decimals) : ""
        return "\(times.count) spike\(times.count == 1 ? "" : "s") at \(head)\(tail) \(unit)"
    }
}
