import Membrane

/// An expression as written in a lesson, with where it was written: parsed on load, evaluated when the lesson
/// is prepared and graded; every failure is reported at `location` under `path`.
struct LocatedExpression: Sendable, Equatable {
    var expression: Expression
    var source: String
    var location: SourceLocation
    var path: String

    init(_ source: String, location: SourceLocation, path: String) throws {
        self.source = source
        self.location = location
        self.path = path
        do {
            expression = try ExpressionParser.parse(source)
        } catch {
            throw LessonFault.invalid(location, path, value: source, allowed: "an expression: \(error.reason)")
        }
    }

    func evaluate(in scope: EvaluationScope) throws -> LessonValue {
        do {
            return try expression.evaluate(in: scope)
        } catch {
            throw LessonFault.undefined(location, path, reason: "'\(source)': \(error.reason)")
        }
    }
}
