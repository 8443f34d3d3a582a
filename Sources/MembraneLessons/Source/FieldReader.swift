import Membrane

/// Reads one mapping of a lesson file: refuses keys it does not know (with the closest known ones), names
/// missing required keys, and reads values as the type each key needs, every error at the place in the file
/// and under the key's path (`questions[2].tolerance`).
struct FieldReader {
    let path: String
    let location: SourceLocation
    let entries: [LessonNode.Entry]

    /// `node` must be a mapping whose keys are among `allowed` and that has every key of `required`.
    init(_ node: LessonNode, path: String, allowed: [String], required: [String] = []) throws {
        guard case .mapping(let entries, let location) = node else {
            throw LessonFault.invalid(node.location, path, value: node.scalarText ?? "",
                                      allowed: "a mapping with the keys \(allowed.joined(separator: ", "))")
        }
        for entry in entries where !allowed.contains(entry.key) {
            throw LessonFault.unknown(entry.keyLocation, path, value: entry.key, known: allowed)
        }
        for key in required where !entries.contains(where: { $0.key == key }) {
            throw LessonFault.invalid(location, path.isEmpty ? key : "\(path).\(key)", value: "",
                                      allowed: "the key '\(key)' (required)")
        }
        self.path = path
        self.location = location
        self.entries = entries
    }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    func node(_ key: String) -> LessonNode? { entries.first { $0.key == key }?.value }

    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A text value (any scalar, quoted or not, read as written).
    func text(_ key: String) throws -> String? {
        guard let node = node(key) else { return nil }
        return try Self.text(node, path: path(key))
    }

    func requiredText(_ key: String) throws -> String {
        guard let t = try text(key) else { throw missing(key) }
        return t
    }

    /// Text with its location (for values parsed further: expressions, templates, equations).
    func located(_ key: String) throws -> (text: String, location: SourceLocation)? {
        guard let node = node(key) else { return nil }
        return (try Self.text(node, path: path(key)), node.location)
    }

    /// One text or a list of texts.
    func texts(_ key: String) throws -> [(text: String, location: SourceLocation)] {
        guard let node = node(key) else { return [] }
        switch node {
        case .scalar(let s, _, let l): return [(s, l)]
        case .sequence(let items, _):
            return try items.enumerated().map { i, item in (try Self.text(item, path: "\(path(key))[\(i)]"), item.location) }
        case .mapping:
            throw LessonFault.invalid(node.location, path(key), value: "", allowed: "a text or a list of texts")
        }
    }

    func missing(_ key: String) -> MembraneError {
        LessonFault.invalid(location, path(key), value: "", allowed: "the key '\(key)' (required)")
    }

    static func text(_ node: LessonNode, path: String) throws -> String {
        guard case .scalar(let s, _, _) = node else {
            throw LessonFault.invalid(node.location, path, value: "", allowed: "a text (got \(node.kindDescription))")
        }
        return s
    }
}

extension LessonNode {
    /// The text of a scalar; nil for mappings and lists.
    var scalarText: String? {
        if case .scalar(let s, _, _) = self { return s }
        return nil
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
