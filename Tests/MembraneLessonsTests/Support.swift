import Foundation
import Membrane
import MembraneLessons
import MembraneRequests

/// Helpers of the lesson tests: a lesson's key as the library derives it, and independent closed forms with
/// CODATA 2018's exact constants (written out here, not taken from the code under test).
enum LessonTesting {
    static let e = 1.602176634e-19, NA = 6.02214076e23, kB = 1.380649e-23
    static let F = e * NA, R = kB * NA

    /// RT/F in mV at `celsius`.
    static func thermalVoltage(celsius: Double) -> Double { R * (celsius + 273.15) / F * 1000 }

    /// E = (RT/zF)·ln(out/in) in mV.
    static func nernst(z: Double, inside: Double, outside: Double, celsius: Double = 37) -> Double {
        thermalVoltage(celsius: celsius) / z * Foundation.log(outside / inside)
    }

    /// The answers of the built-in lesson `name`, by question id.
    static func key(_ name: String) throws -> [String: LessonValue] {
        let key = try LessonKeyRequest(name: name).result().output
        return Dictionary(uniqueKeysWithValues: key.verdicts.map { ($0.id, $0.answer) })
    }

    static func number(_ key: [String: LessonValue], _ id: String) -> Double {
        guard let x = key[id]?.number else { fatalError("no numeric answer \(id)") }
        return x
    }

    static func prepared(_ name: String) throws -> PreparedLesson {
        try PreparedLesson.prepare(LessonCatalog.lesson(named: name), runner: .catalog)
    }

    /// Reads and prepares a lesson written in a test; the error message when it fails.
    static func failure(of text: String, file: String = "test.yaml") -> String? {
        do {
            _ = try PreparedLesson.prepare(LessonReader.read(text, file: file), runner: .catalog)
            return nil
        } catch let error as MembraneError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// The names of the built-in lessons this build can run.
    static var availableLessons: [String] {
        (try? LessonCatalog.all().filter { PreparedLesson.isAvailable($0, runner: .catalog) }.map(\.name)) ?? []
    }

    /// The repository root (from this file's path).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
