import MembraneDynamics

extension PresetList {
    /// The excitable presets as a terminal listing: a table of names and descriptions, each row followed by its
    /// parameters (`--set` names with default value and unit) wrapped to ``listingWidth`` columns under it, so that
    /// no column is as wide as the longest parameter list.
    static func excitableListing(_ presets: [(name: String, parameters: [PresetParameter], summary: String)]) -> String {
        let nameWidth = max("excitable cell".count, presets.map(\.name.count).max() ?? 0)
        let indent = String(repeating: " ", count: nameWidth + 2)
        func padded(_ name: String) -> String { name + String(repeating: " ", count: nameWidth - name.count) }
        var lines = [padded("excitable cell") + "  description and parameters (--set NAME=VALUE)",
                     String(repeating: "─", count: nameWidth) + "  " + String(repeating: "─", count: listingWidth - nameWidth - 2)]
        for p in presets {
            let summary = wrapped(p.summary.split(separator: " ").map(String.init), separator: " ", width: listingWidth - indent.count)
            lines += summary.enumerated().map { ($0.offset == 0 ? padded(p.name) + "  " : indent) + $0.element }
            // A dimensionless parameter (unit "1") is shown without a unit.
            let items = p.parameters.map { "\($0.name) \(Format.significant($0.value, 6))" + ($0.unit == "1" ? "" : " \($0.unit)") }
            lines += wrapped(items, separator: ", ", width: listingWidth - indent.count).map { indent + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// The width the excitable-preset listing wraps its parameter lists to (characters).
    static let listingWidth = 118

    /// `items` joined by `separator` into lines of at most `width` characters (an item longer than `width` gets a
    /// line of its own); a line broken after a separator keeps the separator's text before its trailing spaces
    /// ("," for ", "), so that joining the lines with spaces gives the items joined by `separator` again.
    static func wrapped(_ items: [String], separator: String, width: Int) -> [String] {
        let mark = separator.trimmingTrailingSpaces()
        var lines: [String] = []
        var current = ""
        for item in items {
            if current.isEmpty { current = item; continue }
            if current.count + separator.count + item.count + mark.count <= width { current += separator + item } else {
                lines.append(current + mark)
                current = item
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
