import Membrane

/// A position in a lesson or answer file: the file's name, line and column (both from 1), written as compilers
/// write it (`nernst-valence.yaml:12:5`) so that editors can jump to it.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// The errors of lesson and answer files, as ``MembraneError``s whose field starts with the location
/// (`nernst-valence.yaml:12:5: questions[2].tolerance`), so that the command line prints
/// `error: nernst-valence.yaml:12:5: questions[2].tolerance: '0,5' is not allowed; expected a number` and the JSON
/// error object carries the same text in `field`.
enum LessonFault {
    static func field(_ location: SourceLocation?, _ path: String) -> String {
        guard let location else { return path }
        return path.isEmpty ? "\(location)" : "\(location): \(path)"
    }

    static func invalid(_ location: SourceLocation?, _ path: String, value: String, allowed: String) -> MembraneError {
        .invalidValue(field: field(location, path), value: value, allowed: allowed)
    }

    static func unknown(_ location: SourceLocation?, _ path: String, value: String, known: [String]) -> MembraneError {
        .unknownName(field: field(location, path), value: value, suggestions: closestNames(to: value, among: known, limit: 3))
    }

    static func undefined(_ location: SourceLocation?, _ path: String, reason: String) -> MembraneError {
        .undefined(field: field(location, path), reason: reason)
    }

    /// An error raised by a command a lesson runs, moved to the place in the lesson file that caused it.
    static func relocated(_ error: MembraneError, to location: SourceLocation?, path: String) -> MembraneError {
        switch error {
        case .invalidValue(let f, let v, let a): return .invalidValue(field: field(location, join(path, f)), value: v, allowed: a)
        case .unknownName(let f, let v, let s): return .unknownName(field: field(location, join(path, f)), value: v, suggestions: s)
        case .undefined(let f, let r): return .undefined(field: field(location, join(path, f)), reason: r)
        case .noConvergence: return .undefined(field: field(location, path), reason: error.message)
        }
    }

    private static func join(_ a: String, _ b: String) -> String {
        a.isEmpty ? b : b.isEmpty || b == "request" ? a : "\(a).\(b)"
    }
}
