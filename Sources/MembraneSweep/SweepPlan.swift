import Foundation
import Membrane
import MembraneReport
import MembraneRequests

/// What a `--vary` sets on the swept command's request.
public enum SweepTarget: Sendable, Equatable {
    /// A long option = a coding key of the request (`temperature`, `pump-rate`).
    case option(String)
    /// One entry of an option holding NAME=VALUE pairs (`outside.K`, `permeability.Na`), added if absent.
    case entry(field: String, name: String)
    /// A model parameter `set.NAME`: one NAME=VALUE of the request's `set` field (`--set NAME=VALUE`).
    case parameter(String)
}

/// A sweep: the swept command's request (built by its own command-line parser), the options varied and the grid
/// of points.
///
/// **Points.** Several `--vary` make the full grid; the first `--vary` varies slowest, the last fastest (nested
/// loops in the order written). Point k (0-based) takes from axis j the value of index
/// `(k / (n_{j+1}·…·n_{d−1})) mod n_j`.
///
/// **Each point is the single command.** The request is encoded as its JSON body (``RequestEncoder``: keys = long
/// options, in the order the request encodes them; the body is checked to decode back to the request), the
/// varied members are replaced (`OPTION`: the value as written, a string — the request layer reads numbers with
/// units from strings, as from the command line; `true`/`false` as booleans; `FIELD.NAME`: that entry of the
/// NAME=VALUE text, edited in place; `set.NAME`: that entry of `set`), and the body is decoded and run by the request
/// layer, exactly as `POST /api/COMMAND` or `membrane COMMAND … --json` would.
public struct SweepPlan: Sendable {
    public var command: String
    public var axes: [Axis]
    /// The request of the command as given (no point's values), as its JSON body.
    public var base: [JSONInput.Member]
    /// The points of the grid.
    public let count: Int
    private(set) var runner: PointRunner
    /// For each option with entries varied (`outside.K`, `outside.Na`): its text prepared for them, and the axes
    /// that fill its slots, in slot order.
    private(set) var templates: [(field: String, template: PairsTemplate, axes: [Int])]

    public struct Axis: Sendable, Equatable {
        public var spec: VarySpec
        public var target: SweepTarget
    }

    /// Binds the specs to `request` (the swept command's request as its command line built it). Errors name the
    /// field `vary` and say what is allowed.
    public init(request: any MembraneRequest, vary specs: [VarySpec]) throws {
        let command = type(of: request).command
        self.command = command
        let base = try Self.encode(request)
        self.base = base
        guard try PointRunner.readsBack(base, request) else {
            throw MembraneError.invalidValue(field: "command", value: command,
                                             allowed: "a request that reads back from its JSON body unchanged (this is a bug; please report it)")
        }
        let fields = type(of: request).fieldNames
        let axes = try specs.map { Axis(spec: $0, target: try Self.target(of: $0, fields: fields, command: command)) }
        self.axes = axes
        try Self.checkDistinct(axes)
        for axis in axes { try Self.checkApplicable(axis, base: base) }
        var n = 1
        for axis in axes {
            let (product, overflow) = n.multipliedReportingOverflow(by: axis.spec.values.count)
            guard !overflow else {
                throw MembraneError.invalidValue(field: VarySpec.field, value: axis.spec.written, allowed: "a grid of fewer than 2^63 points")
            }
            n = product
        }
        count = n
        runner = try PointRunner(request, base: base, varied: Self.variedFields(of: axes))
        var edited: [String] = []
        for case .entry(let field, _) in axes.map(\.target) where !edited.contains(field) { edited.append(field) }
        templates = edited.map { field in
            let mine = axes.indices.filter { if case .entry(field, _) = axes[$0].target { return true } else { return false } }
            let names = mine.map { i -> String in if case .entry(_, let name) = axes[i].target { return name } else { return "" } }
            guard case .string(let text)? = base.first(where: { $0.key == field })?.value else { return (field, PairsTemplate("", names: [], matches: PairsText.sameIon), []) }
            return (field, PairsTemplate(text, names: names, matches: PairsText.sameIon), mine)
        }
    }

    /// The request's fields that differ between points: the options varied, the options whose entries are
    /// (`outside` for `outside.K`), `set` for model parameters.
    public var variedFields: Set<String> { runner.varied }

    static func variedFields(of axes: [Axis]) -> Set<String> {
        Set(axes.map { axis in
            switch axis.target {
            case .option(let key): return key
            case .entry(let field, _): return field
            case .parameter: return "set"
            }
        })
    }

    /// The varied values at point `k`, as the command receives them and the output writes them.
    public func values(at k: Int) -> [String] {
        var values = Array(repeating: "", count: axes.count)
        var rest = k
        for j in axes.indices.reversed() {
            let n = axes[j].spec.values.count
            values[j] = axes[j].spec.values[rest % n]
            rest /= n
        }
        return values
    }

    /// The request body of point `k`: the base with the varied members set.
    public func body(at k: Int) -> JSONInput {
        var members = base
        for m in variedMembers(at: k) { Self.set(m.key, m.value, in: &members) }
        return .object(members)
    }

    /// The members of point `k`'s body that differ from the base (``variedFields``), with the point's values.
    func variedMembers(at k: Int) -> [JSONInput.Member] {
        // The base's own members of those fields, edited as the whole body would be.
        var members = runner.variedBase
        let values = values(at: k)
        for (axis, value) in zip(axes, values) { Self.apply(axis.target, value: value, to: &members) }
        for t in templates {
            Self.set(t.field, .string(t.template.fill(t.axes.map { values[$0] })), in: &members)
        }
        return members
    }

    /// Runs point `k` through the request layer: what `membrane COMMAND … --json` prints for it.
    public func run(_ k: Int, context: inout RequestContext) throws -> RequestResult<AnyRenderable> {
        try runner.run(variedMembers(at: k), &context)
    }

    /// The same plan with its own copy of every text (values, body, templates) and its own decoded template: what one
    /// thread of a sweep uses, so that threads share no reference-counted storage (a count changed by two cores at a
    /// time moves its cache line between them at every point).
    func unshared() throws -> SweepPlan {
        var copy = self
        copy.axes = axes.map { axis in
            var a = axis
            a.spec.values = a.spec.values.map(unsharedText)
            return a
        }
        copy.base = base.map { $0.unshared }
        copy.templates = templates.map { t in
            (unsharedText(t.field), PairsTemplate(pieces: t.template.pieces.map { piece in
                if case .literal(let s) = piece { return .literal(unsharedText(s)) }
                return piece
            }), t.axes)
        }
        copy.runner = try runner.unshared(copy.base)
        return copy
    }

    /// The sweep's identity for shard files: the command, its request and the specs as written.
    public var identity: JSONInput {
        .object([JSONInput.Member("command", .string(command)), JSONInput.Member("request", .object(base)),
                 JSONInput.Member("vary", .array(axes.map { .string($0.spec.written) }))])
    }

    // MARK: binding

    static func encode(_ request: any MembraneRequest) throws -> [JSONInput.Member] {
        guard case .object(let members) = try RequestEncoder().encode(request) else { return [] }
        return members
    }

    static func target(of spec: VarySpec, fields: [String], command: String) throws -> SweepTarget {
        var option = spec.option
        if option.hasPrefix("--") { option.removeFirst(2) }
        func known(_ name: String) throws -> String {
            guard fields.contains(name) else {
                throw MembraneError.unknownName(field: VarySpec.field, value: name, suggestions: closestNames(to: name, among: fields, limit: 3))
            }
            return name
        }
        guard let dot = option.firstIndex(of: ".") else {
            let name = try known(option)
            guard name != "config" else {
                throw MembraneError.invalidValue(field: VarySpec.field, value: spec.written,
                                                 allowed: "an option other than `config` (a file): vary the parameters it holds with set.NAME, or run one sweep per file")
            }
            return .option(name)
        }
        let field = String(option[..<dot]), entry = String(option[option.index(after: dot)...])
        guard !entry.isEmpty else {
            throw MembraneError.invalidValue(field: VarySpec.field, value: spec.written, allowed: VarySpec.grammar)
        }
        if field == "set" {
            guard fields.contains("set") else {
                throw MembraneError.invalidValue(field: VarySpec.field, value: spec.written,
                                                 allowed: "set.NAME on a command that has model parameters (`set`); \(command) has none")
            }
            return .parameter(entry)
        }
        return .entry(field: try known(field), name: entry)
    }

    static func checkDistinct(_ axes: [Axis]) throws {
        for (i, a) in axes.enumerated() {
            for b in axes[..<i] {
                let clash: Bool
                switch (a.target, b.target) {
                case (.option(let x), .option(let y)): clash = x == y
                case (.option(let x), .entry(let f, _)), (.entry(let f, _), .option(let x)): clash = x == f
                case (.option(let x), .parameter), (.parameter, .option(let x)): clash = x == "set"
                case (.entry(let f, let n), .entry(let g, let m)): clash = f == g && PairsText.sameIon(n, m)
                case (.parameter(let n), .parameter(let m)): clash = n == m
                default: clash = false
                }
                if clash {
                    throw MembraneError.invalidValue(field: VarySpec.field, value: a.spec.written,
                                                     allowed: "each option varied once (it overlaps '\(b.spec.written)')")
                }
            }
        }
    }

    /// An entry can be set only in NAME=VALUE pairs the command was given; its name must be a catalog ion or an entry
    /// already there (a custom ion).
    static func checkApplicable(_ axis: Axis, base: [JSONInput.Member]) throws {
        guard case .entry(let field, let name) = axis.target else { return }
        let written = axis.spec.written
        guard let value = base.first(where: { $0.key == field })?.value else {
            throw MembraneError.invalidValue(field: VarySpec.field, value: written,
                                             allowed: "an entry of NAME=VALUE pairs that the command is given: add `\(field)` to the command (e.g. --\(field) \"K=5, Na=145, Cl=120\")")
        }
        guard case .string(let text) = value, text.contains("="), let entries = PairsText(text: text).entries else {
            throw MembraneError.invalidValue(field: VarySpec.field, value: written,
                                             allowed: "FIELD.NAME on an option holding NAME=VALUE pairs (a solution, permeabilities, conductances); `\(field)` holds \(value.compactText) (a single value or a recipe): vary `\(field)` itself")
        }
        if entries.contains(where: { PairsText.sameIon($0.name, name) }) { return }
        guard IonCatalog.standard.ion(named: PairsText.bareName(name)) != nil else {
            var suggestions = entries.map { PairsText.bareName($0.name) }.filter { editDistance($0.lowercased(), name.lowercased()) <= 2 }
            for s in IonCatalog.standard.suggestions(for: name) where !suggestions.contains(where: { PairsText.sameIon($0, s) }) {
                suggestions.append(s)
            }
            throw MembraneError.unknownName(field: VarySpec.field, value: name, suggestions: Array(suggestions.prefix(4)))
        }
    }

    // MARK: setting values

    static func apply(_ target: SweepTarget, value: String, to members: inout [JSONInput.Member]) {
        switch target {
        case .option(let key):
            set(key, optionValue(value), in: &members)
        case .entry:
            break  // filled in from the option's template (``body(at:)``)
        case .parameter(let name):
            let exact: (String, String) -> Bool = { PairsText.bareName($0) == $1 }
            guard let i = members.firstIndex(where: { $0.key == "set" }) else {
                members.append(JSONInput.Member("set", .string("\(name)=\(value)")))
                return
            }
            switch members[i].value {
            case .string(let text):
                members[i].value = .string(PairsTemplate(text, names: [name], matches: exact).fill([value]))
            case .array(var items):
                // A repeatable option: the item that has NAME, or a new item.
                let j = items.firstIndex { item in
                    guard case .string(let s) = item else { return false }
                    return PairsText(text: s).entries?.contains { exact($0.name, name) } == true
                }
                if let j, case .string(let s) = items[j] {
                    items[j] = .string(PairsTemplate(s, names: [name], matches: exact).fill([value]))
                } else {
                    items.append(.string("\(name)=\(value)"))
                }
                members[i].value = .array(items)
            case .object(var entries):
                set(name, .string(value), in: &entries)
                members[i].value = .object(entries)
            default:
                members[i].value = .string("\(name)=\(value)")
            }
        }
    }

    /// An option's value as a JSON member: `true`/`false` as booleans (flags), anything else as the string written
    /// (the request layer reads numbers, units and names from strings, as the command line does).
    static func optionValue(_ text: String) -> JSONInput {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: return .string(text)
        }
    }

    static func set(_ key: String, _ value: JSONInput, in members: inout [JSONInput.Member]) {
        if let i = members.firstIndex(where: { $0.key == key }) { members[i].value = value } else { members.append(JSONInput.Member(key, value)) }
    }
}

/// Decodes and runs a point as the request type of the swept command (the type opened once, at planning): the
/// base body decoded once (``RequestTemplate``), each point's varied members decoded into it.
struct PointRunner: Sendable {
    let varied: Set<String>
    /// The base's members of the varied fields.
    let variedBase: [JSONInput.Member]
    let run: @Sendable ([JSONInput.Member], inout RequestContext) throws -> RequestResult<AnyRenderable>
    /// A runner of the same request type over another copy of the base.
    let unshared: @Sendable ([JSONInput.Member]) throws -> PointRunner

    init<R: MembraneRequest>(_ request: R, base: [JSONInput.Member], varied: Set<String>) throws {
        self.varied = varied
        variedBase = base.filter { varied.contains($0.key) }
        let template = try RequestTemplate<R>(base: base, varied: varied)
        run = { members, context in
            let r = try template.decode(members).result(in: &context)
            return RequestResult(output: AnyRenderable(r.output), inputWarnings: r.inputWarnings, status: r.status,
                                 failure: r.failure)
        }
        unshared = { base in try PointRunner(request, base: base, varied: Set(varied.map(unsharedText))) }
    }

    /// Whether `members` decode back to `request`.
    static func readsBack<R: MembraneRequest>(_ members: [JSONInput.Member], _ request: R) throws -> Bool {
        try RequestDecoder().decode(R.self, from: .object(members)) == request
    }
}

/// A copy of `text` in storage of its own (short texts have none to share).
func unsharedText(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

extension JSONInput.Member {
    /// The member with its own copy of every text.
    var unshared: JSONInput.Member { JSONInput.Member(unsharedText(key), value.unshared) }
}

extension JSONInput {
    /// The value with its own copy of every text.
    var unshared: JSONInput {
        switch self {
        case .null, .bool: return self
        case .number(let n): return .number(unsharedText(n))
        case .string(let s): return .string(unsharedText(s))
        case .array(let items): return .array(items.map(\.unshared))
        case .object(let members): return .object(members.map(\.unshared))
        }
    }
}
