// "Did you mean": the known names nearest to a mistyped one, for every MembraneError.unknownName of the command line,
// the requests, the sweeps and the lessons, so that each answers a typo the same way.

/// The names of `known` nearest to `name`, nearest first, at most `limit`.
///
/// Names are compared on a key that ignores case, `_`, `-` and spaces (so `gNa`, `G_NA` and `g_na` all find
/// `g_Na`, and `hubel ullah` finds `hubel-ullah-2016`). A key that begins the other (`hubelullah` of
/// `hubelullah2016`, at least 3 characters) counts as 1 edit; otherwise the Levenshtein distance
/// (``editDistance(_:_:)``) counts. Names within max(2, ⌊key length / 3⌋) edits are close: they are returned, ties
/// in the order of `known`. When none is close the `limit` nearest are returned all the same, so that an error
/// always shows some names that exist (all of them, for a list no longer than `limit`).
public func closestNames(to name: String, among known: [String], limit: Int = 5) -> [String] {
    func key(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " } }
    let k = key(name)
    func distance(_ candidate: String) -> Int {
        let c = key(candidate)
        if c == k { return 0 }
        if min(c.count, k.count) >= 3 && (c.hasPrefix(k) || k.hasPrefix(c)) { return 1 }
        return editDistance(k, c)
    }
    let ranked = known.enumerated().map { (name: $0.element, order: $0.offset, distance: distance($0.element)) }
        .sorted { ($0.distance, $0.order) < ($1.distance, $1.order) }
    let close = ranked.filter { $0.distance <= max(2, k.count / 3) }
    return (close.isEmpty ? ranked : close).prefix(limit).map(\.name)
}

/// The longest string, in UTF-8 bytes, that ``editDistance(_:_:)`` compares character by character.
public let editDistanceLengthLimit = 256

/// Levenshtein distance between two strings (insertions, deletions, substitutions); also used to suggest
/// the closest known key of a request. A string longer than ``editDistanceLengthLimit`` bytes is near no
/// name: its distance is reported as the larger byte count (an upper bound) without comparing, so that an
/// unknown name pasted by mistake (a file of 120 kB) is refused at once instead of after O(n·m) work per name.
public func editDistance(_ a: String, _ b: String) -> Int {
    let (na, nb) = (a.utf8.count, b.utf8.count)
    if na > editDistanceLengthLimit || nb > editDistanceLengthLimit { return max(na, nb) }
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
