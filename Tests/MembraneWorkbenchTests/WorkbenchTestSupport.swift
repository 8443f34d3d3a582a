import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MembraneWorkbench
import Testing

/// The workbench as `membrane serve` builds it (``buildApplication``), bound to loopback with `limits`.
func workbench(limits: WorkbenchLimits = WorkbenchLimits()) -> some ApplicationProtocol {
    buildApplication(configuration: WorkbenchConfiguration(host: "127.0.0.1", port: 0, limits: limits))
}

/// An answer of the server, with its body parsed by Foundation (a parser independent of the server's).
struct Answer: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) }
    var object: [String: Any]? { json as? [String: Any] }
    /// The error object's members (`field`, `value`, `message`).
    var error: [String: Any]? { object?["error"] as? [String: Any] }
    var errorField: String? { error?["field"] as? String }
    func number(_ key: String) -> Double? { (object?[key] as? NSNumber)?.doubleValue }
    func header(_ name: String) -> String? { headers[HTTPField.Name(name)!] }
}

extension TestClientProtocol {
    func post(_ path: String, _ body: String, headers: HTTPFields = [.contentType: "application/json"]) async throws -> Answer {
        let r = try await executeRequest(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        return Answer(status: r.status, headers: r.headers, body: String(buffer: r.body))
    }

    func get(_ path: String, headers: HTTPFields = [:]) async throws -> Answer {
        let r = try await executeRequest(uri: path, method: .get, headers: headers, body: nil)
        return Answer(status: r.status, headers: r.headers, body: String(buffer: r.body))
    }
}

/// CODATA 2018 exact values (e, N_A, k_B), for expected values computed here independently of the library.
enum CODATA {
    static let e = 1.602176634e-19
    static let avogadro = 6.02214076e23
    static let boltzmann = 1.380649e-23
    static let faraday = e * avogadro
    static let gasConstant = boltzmann * avogadro
    /// RT/F in mV at `celsius`.
    static func thermalVoltage_mV(celsius: Double) -> Double { gasConstant * (celsius + 273.15) / faraday * 1000 }
}
