import Membrane
import MembraneReport

/// One command's inputs as a value: what the command line builds from its flags and the server decodes from
/// a JSON body (``RequestDecoder``). Coding keys are the command's long option names (`gamma-inside`,
/// `pump-block-at`), so `{"ion": "K", "inside": 140, "outside": 5}` and
/// `membrane nernst --ion K --inside 140 --outside 5` are the same request and print the same JSON.
///
/// Fields hold what the user gave (``Scalar``, ``Assignments`` …) and are optional where the command has a
/// default; ``run(in:)`` validates them, resolves the defaults (``Defaults``), calls the core and returns the
/// rendered result. Errors are ``MembraneError``s naming the field by its key.
public protocol MembraneRequest: Codable, Sendable, Equatable {
    associatedtype Output: Renderable
    /// The keys: the command's long option names.
    associatedtype CodingKeys: CodingKey & CaseIterable

    /// The command's path: `nernst`, `simulate/pump-leak` (the API's `POST /api/<command>`; the command line
    /// writes the slash as a space).
    static var command: String { get }

    /// Validates, computes and renders. Input warnings go to `context.warnings`; long runs report progress
    /// and stop early when `context.shouldStop()` says so.
    func run(in context: inout RequestContext) throws -> Output

    /// The figure of a run (what `--plot` draws and `POST /api/plot/<command>` answers as ``SVGFigure/spec``),
    /// or nil when this output has none. Called only when the caller asks (``RequestContext/wantsFigure``), so a
    /// figure that costs extra work — a denser profile — costs nothing otherwise. Default: none.
    func figure(of output: Output) throws -> SVGFigure?
}

extension MembraneRequest {
    /// The request's field names (its coding keys), in declaration order.
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.stringValue) }

    public func figure(of output: Output) throws -> SVGFigure? { nil }

    /// Runs with the given context and wraps the output with the run's input warnings, exit status and, when
    /// the context asks for it, figure.
    /// An invalid value is quoted as the user typed it (``typedValue(_:)``).
    public func result(in context: inout RequestContext) throws -> RequestResult<Output> {
        let output: Output
        do {
            output = try run(in: &context)
        } catch let error as MembraneError {
            throw typedValue(error)
        }
        return RequestResult(output: output, inputWarnings: context.warnings, status: context.status,
                             figure: context.wantsFigure ? try figure(of: output) : nil, failure: context.failure)
    }

    /// `error` quoting the field's value as the request holds it, when the core quoted a number it computed from
    /// it instead: `--vm 20000` is refused as `'20000'`, not `'20000.0 mV'`; `--radius-um 1e200` as `'1e200'`, not
    /// `'1e+200'` (a radius in metres); `--voltage 1e308V` as `'1e308V'`, not `'inf mV'`. Only an
    /// ``MembraneError/invalidValue(field:value:allowed:)`` whose field is one of the request's own fields holding
    /// a single number (a ``Scalar``), and whose value is a number with an optional unit word, is changed. Runs on
    /// the error path only.
    public func typedValue(_ error: MembraneError) -> MembraneError {
        guard case .invalidValue(let field, let value, let allowed) = error, Self.fieldNames.contains(field),
              let number = value.split(separator: " ").first, Double(number) != nil,
              case .object(let members)? = try? RequestEncoder().encode(self),
              let member = members.first(where: { $0.key == field }) else { return error }
        let typed: String
        switch member.value {
        case .number(let n): typed = n
        case .string(let s) where !s.contains("=") && !s.contains(","): typed = s
        default: return error
        }
        guard typed != value, !typed.isEmpty else { return error }
        return .invalidValue(field: field, value: typed, allowed: allowed)
    }

    /// Runs without progress reports or a way to stop early.
    public func result() throws -> RequestResult<Output> {
        var context = RequestContext()
        return try result(in: &context)
    }
}

/// What a run needs from its caller and gives back besides its output: input warnings (a recipe outside its
/// pH range …), progress reports and a stop request for long runs, and the exit status of a run that ended
/// early. No global state: the command line and the server each pass their own.
public struct RequestContext {
    /// Warnings about the inputs, in the order raised.
    public var warnings: [String] = []
    /// Called now and then during long runs with the fraction done and a short detail (`t = 120 s`); the
    /// detail is built only when asked for. Nil: no reports (and no cost).
    public var progress: ((_ fraction: Double, _ detail: () -> String) -> Void)?
    /// Polled during long runs (a simulation's steps, a sweep's points): true stops the run, which returns
    /// what it has computed with status ``ExitStatus/interrupted``.
    public var shouldStop: () -> Bool
    /// The status of a run that returned a result but did not finish normally.
    public var status: ExitStatus = .success
    /// Why a run with status ``ExitStatus/noConvergence`` did not finish (a failed integration, the step limit).
    public var failure: RunFailure?
    /// Whether the caller wants the run's figure (`--plot`, `POST /api/plot/<command>`).
    public var wantsFigure = false
    /// Whether the caller wants the run's time series without its figure (`--csv`): a simulation then records it,
    /// and no figure is drawn.
    public var wantsTimeSeries = false
    /// Values shared with other runs that differ from this one only in ``RunMemo/varied`` (a sweep's points on one
    /// thread); nil: nothing shared.
    public var memo: RunMemo?

    public init(progress: ((_ fraction: Double, _ detail: () -> String) -> Void)? = nil,
                shouldStop: @escaping () -> Bool = { false }) {
        self.progress = progress
        self.shouldStop = shouldStop
    }

    public mutating func warn(_ message: String) { warnings.append(message) }
}

/// A request's rendered output with the run's input warnings: what `--json` prints and the API answers; and
/// its figure when one was asked for, which is not part of the JSON.
public struct RequestResult<Output: Renderable>: Renderable {
    public var output: Output
    public var inputWarnings: [String]
    public var status: ExitStatus
    /// The run's figure: nil when not asked for (``RequestContext/wantsFigure``) or when the output has none.
    public var figure: SVGFigure?
    /// Why the run did not finish, when its status is ``ExitStatus/noConvergence``.
    public var failure: RunFailure?

    public init(output: Output, inputWarnings: [String] = [], status: ExitStatus = .success, figure: SVGFigure? = nil,
                failure: RunFailure? = nil) {
        self.output = output
        self.inputWarnings = inputWarnings
        self.status = status
        self.figure = figure
        self.failure = failure
    }

    /// The output's JSON, with `input_warnings` appended when there are any.
    public var json: JSONValue {
        let document = output.json
        guard !inputWarnings.isEmpty, case .object(let pairs) = document else { return document }
        return .object(pairs + [("input_warnings", .array(inputWarnings.map { .string($0) }))])
    }

    /// The output's text (the command line writes input warnings to stderr).
    public var text: String { output.text }
}

/// Any renderable value, for outputs that are one of several reports (a point or a curve, one steady state
/// or a sweep).
public struct AnyRenderable: Renderable {
    public var base: any Renderable
    public init(_ base: any Renderable) { self.base = base }
    public var json: JSONValue { base.json }
    public var text: String { base.text }
}
