import Membrane
import MembraneReport
import Yams

/// A YAML document as the lesson reader sees it: mappings (keys in the order written, each with its position),
/// sequences and scalars, every node with the place it was written. Yams (libyaml) parses; nothing else in the
/// lessons module imports it.
///
/// Scalars keep their text and whether they were quoted. The reader decides what a scalar means from where it
/// stands (a title is text whatever it looks like; a tolerance must be a number), so YAML 1.1's surprises do not
/// apply: `no`, `on` and `yes` stay words, and `NO` as an answer key stays `NO`. Inside a command's request body
/// a plain scalar that reads as a number is a number, `true`/`false` are booleans, `null`/`~` is null and
/// everything else is a string; a quoted scalar is always a string. Tags are ignored; anchors
/// and aliases are resolved as YAML defines them.
public indirect enum LessonNode: Sendable, Equatable {
    case scalar(String, quoted: Bool, SourceLocation)
    case mapping([Entry], SourceLocation)
    case sequence([LessonNode], SourceLocation)

    public struct Entry: Sendable, Equatable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: LessonNode
    }

    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let l), .mapping(_, let l), .sequence(_, let l): return l
        }
    }

    /// What the node is, for error messages ("a mapping", "a list", "text").
    var kindDescription: String {
        switch self {
        case .scalar: return "a single value"
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        }
    }

    /// Parses `text` (YAML; JSON is accepted too); `file` names the source in every error.
    public static func parse(_ text: String, file: String) throws -> LessonNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, text: text, file: file)
        }
        guard let node else {
            throw LessonFault.invalid(SourceLocation(file: file, line: 1, column: 1), "", value: "", allowed: "a non-empty file")
        }
        var budget = maximumValues
        return try convert(node, file: file, budget: &budget)
    }

    /// The most values (scalars, lists, mappings) a lesson file may hold once its aliases are written out. A lesson
    /// has a few hundred; the bound stops a file of nested aliases ("billion laughs": a kilobyte that stands for
    /// 10⁹ values) from taking a server's memory and time.
    public static let maximumValues = 100_000

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func convert(_ node: Node, file: String, budget: inout Int) throws -> LessonNode {
        let here = location(node.mark, file)
        budget -= 1
        guard budget >= 0 else {
            throw LessonFault.invalid(here, "", value: "", allowed: "a lesson of at most \(maximumValues) values, counting each use of an alias (*name) anew")
        }
        switch node {
        case .scalar(let s):
            return .scalar(s.string, quoted: s.style != .plain, here)
        case .sequence(let s):
            return .sequence(try s.map { try convert($0, file: file, budget: &budget) }, here)
        case .mapping(let m):
            var entries: [Entry] = []
            for (k, v) in m {
                let keyLocation = location(k.mark, file)
                guard case .scalar(let key) = k else {
                    throw LessonFault.invalid(keyLocation, "", value: "", allowed: "a plain word as a key (not a list or mapping)")
                }
                if let first = entries.first(where: { $0.key == key.string }) {
                    throw LessonFault.invalid(keyLocation, key.string, value: key.string,
                                              allowed: "each key once in a mapping (first written at line \(first.keyLocation.line))")
                }
                entries.append(Entry(key: key.string, keyLocation: keyLocation, value: try convert(v, file: file, budget: &budget)))
            }
            return .mapping(entries, here)
        case .alias(let alias):
            throw LessonFault.invalid(here, "", value: "*\(alias.anchor)", allowed: "a value written out (an alias of Yams' composer was not resolved)")
        }
    }

    private static func syntaxError(_ error: YamlError, text: String, file: String) -> MembraneError {
        /// The offending line as written (the value of the error), shortened.
        func line(_ mark: Mark) -> String {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard mark.line >= 1, mark.line <= lines.count else { return "" }
            let l = String(lines[mark.line - 1]).trimmingSpaces()
            return l.count > 60 ? String(l.prefix(60)) + "…" : l
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var detail = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            if problem.contains("mapping values are not allowed") {
                detail += "; put a text that contains ': ' in quotes"
            }
            return LessonFault.invalid(location(mark, file), "", value: line(mark), allowed: "valid YAML: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LessonFault.invalid(location(context.mark, file), "", value: duplicates.joined(separator: ", "),
                                       allowed: "each key once in a mapping")
        default:
            return LessonFault.invalid(SourceLocation(file: file, line: 1, column: 1), "", value: "", allowed: "valid YAML (UTF-8 text): \(error)")
        }
    }
}

extension LessonNode {
    /// The node as JSON for a command's request body (see the type's documentation for scalars).
    var json: JSONValue {
        switch self {
        case .scalar(let s, let quoted, _):
            if quoted { return .string(s) }
            switch s {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null", "~": return .null
            default: break
            }
            if let first = s.first, first.isASCII, first.isNumber || "+-.".contains(first),
               s.allSatisfy({ $0.isASCII && ($0.isNumber || "eE.+-".contains($0)) }), let x = Double(s), x.isFinite {
                return .number(x)
            }
            return .string(s)
        case .sequence(let items, _): return .array(items.map(\.json))
        case .mapping(let entries, _): return .object(entries.map { ($0.key, $0.value.json) })
        }
    }
}
