import Foundation
import Membrane
import RealModule

/// |a − b| ≤ tolerance. The tolerance at each call site says where it comes from
/// (a seed's rounding, a table's last digit, or round-off).
public func isClose(_ a: Double, _ b: Double, within tolerance: Double) -> Bool {
    a.isFinite && b.isFinite && abs(a - b) <= tolerance
}

/// |a − b| ≤ relative·max(|a|, |b|) (+ a tiny absolute floor for values near zero).
public func isRelativelyClose(_ a: Double, _ b: Double, relative: Double, absolute: Double = 0) -> Bool {
    a.isFinite && b.isFinite && abs(a - b) <= max(relative * max(abs(a), abs(b)), absolute)
}

/// Shorthand for catalog ions in tests.
public func ion(_ name: String) -> Ion {
    guard let ion = IonCatalog.standard.ion(named: name) else { fatalError("no catalog ion \(name)") }
    return ion
}

/// Conditions at `celsius` with CODATA 2018 constants.
public func conditions(celsius: Double, constants: ConstantSet = .codata2018) -> Conditions {
    Conditions(temperature: try! Temperature.celsius(celsius), constants: constants)
}

/// Conditions at `kelvin` with CODATA 2018 constants.
public func conditions(kelvin: Double, constants: ConstantSet = .codata2018) -> Conditions {
    Conditions(temperature: try! Temperature.kelvin(kelvin), constants: constants)
}

/// Runs the built `membrane` executable (tests of the command-line contract, run as users run it).
public struct CLIRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// The JSON document on stdout, parsed with Foundation (an independent parser).
    public var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    public var object: [String: Any]? { json as? [String: Any] }
    public var errorObject: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(stderr.utf8))) as? [String: Any]
    }
}

/// The directory holding the built products (the `membrane` executable sits next to the test bundle).
public var productsDirectory: URL {
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL
    #else
    return Bundle.main.bundleURL
    #endif
}

/// Runs `membrane` with `arguments`, waiting for it to finish.
public func runMembrane(_ arguments: [String]) throws -> CLIRun {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("membrane")
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIRun(status: process.terminationStatus,
                  stdout: String(decoding: outData, as: UTF8.self),
                  stderr: String(decoding: errData, as: UTF8.self))
}

/// RFC 4180 parsing for the reference files (test-side, independent of MembraneReport's CSV).
public enum ReferenceCSV {
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" || c == "\r\n" { row.append(field); field = ""; if row != [""] { rows.append(row) }; row = [] }
            else { field.append(c) }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
