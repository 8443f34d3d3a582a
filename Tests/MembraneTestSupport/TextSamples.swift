/// Short texts for checking fast ASCII paths against the character rules they replace: pieces of the syntax
/// (separators, white space with CR LF, digits, signs, units, parentheses) mixed with characters that make
/// characters of several bytes or scalars (µ, NBSP, a combining accent, a prepended Arabic sign, ·), drawn by a
/// fixed generator (xorshift64*) so that every run checks the same texts.
public struct TextSamples: Sequence, IteratorProtocol {
    public static let pieces = [" ", "\t", "\r", "\n", "\r\n", ",", ";", "=", "(", ")", "0", "1", "4", "9", ".", "e", "E", "+", "-",
                                "K", "a", "N", "m", "M", "z", "^", "_", "[", "]", "Cl", "Na", "nM", "µ", "\u{A0}", "\u{301}",
                                "\u{600}", "·", "é"]
    private var state: UInt64
    private var left: Int
    private let pieces: [String]

    public init(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15, pieces: [String] = TextSamples.pieces) {
        state = seed
        left = count
        self.pieces = pieces
    }

    mutating func random(_ n: Int) -> Int {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Int((state &* 0x2545_F491_4F6C_DD1D) >> 33) % n
    }

    public mutating func next() -> String? {
        guard left > 0 else { return nil }
        left -= 1
        return (0..<random(12)).map { _ in pieces[random(pieces.count)] }.joined()
    }
}
