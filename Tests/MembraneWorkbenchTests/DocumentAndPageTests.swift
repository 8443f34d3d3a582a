import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MembraneRequests
import MembraneWorkbench
import Testing

/// `GET /openapi.json` describes every request as the decoder reads it, and the page is served from the binary.
@Suite("API: OpenAPI document and page")
struct DocumentAndPageTests {
    static let pageDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/MembraneWorkbench/Page")

    /// Every coding key of every request is a property of its schema; the fields without a default are required;
    /// unknown keys are closed off, as the decoder refuses them.
    @Test func everyRequestKeyIsDescribed() async throws {
        try await workbench().test(.router) { client in
            let a = try await client.get("/openapi.json")
            #expect(a.status == .ok)
            let doc = try #require(a.object)
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: Any])
            let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
            for type in RequestCatalog.all {
                #expect(paths["/api/\(type.command)"] != nil && paths["/api/plot/\(type.command)"] != nil, "\(type.command)")
                let post = (paths["/api/\(type.command)"] as? [String: Any])?["post"] as? [String: Any]
                let ref = ((((post?["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])?["$ref"] as? String
                let name = try #require(ref?.split(separator: "/").last.map(String.init))
                let schema = try #require(schemas[name] as? [String: Any])
                let properties = try #require(schema["properties"] as? [String: Any])
                #expect(Set(properties.keys) == Set(type.fieldNames), "\(type.command)")
                #expect(schema["additionalProperties"] as? Bool == false)
            }
            #expect(paths["/api/presets"].flatMap { ($0 as? [String: Any])?["get"] } != nil)
        }
    }

    /// Value forms and required fields, checked on requests whose Swift declarations say what to expect.
    @Test func valueFormsAndRequiredFields() throws {
        func schema(_ type: any Decodable.Type) -> [String: Any] {
            try! JSONSerialization.jsonObject(with: Data(RequestSchema.of(type).render().utf8)) as! [String: Any]
        }
        let nernst = schema(NernstRequest.self)
        #expect(Set(nernst["required"] as! [String]) == ["ion", "inside", "outside"])
        let inside = (nernst["properties"] as! [String: Any])["inside"] as! [String: Any]
        #expect(inside["type"] as? [String] == ["number", "string"])                        // Scalar
        let ghk = schema(GHKRequest.self)
        let permeability = (ghk["properties"] as! [String: Any])["permeability"] as! [String: Any]
        #expect(permeability["type"] as? [String] == ["string", "object"])                  // Assignments
        let donnan = schema(DonnanRequest.self)["properties"] as! [String: Any]
        #expect((donnan["permeant"] as! [String: Any])["type"] as? [String] == ["string", "array"])   // NameList
        #expect((donnan["inside-impermeant"] as! [String: Any])["anyOf"] != nil)           // Repeated
        let steady = schema(SteadyStateRequest.self)
        #expect(steady["required"] == nil)                                                   // every field has a default
        let config = (steady["properties"] as! [String: Any])["config"] as! [String: Any]
        let configProperties = config["properties"] as! [String: Any]
        #expect(configProperties["temperature_C"] as? [String: String] == ["type": "number"])
        #expect(((configProperties["pump"] as! [String: Any])["anyOf"] as! [[String: Any]]).first?["type"] as? String == "null")  // Nullable
        let events = configProperties["events"] as! [String: Any]
        #expect(events["type"] as? String == "array")
        #expect(Set(((events["items"] as! [String: Any])["required"] as! [String])) == ["time_s", "action"])
        #expect((configProperties["inside_mM"] as! [String: Any])["additionalProperties"] as? [String: String] == ["type": "number"])  // KeyedValues
    }

    /// Every file of `Page/` is served, with the content type a browser needs (ES modules as JavaScript), an ETag
    /// that answers 304, and nothing else is.
    @Test func everyPageFileIsServed() async throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.pageDirectory.path).filter { !$0.hasPrefix(".") }
        #expect(files.count >= 19)
        try await workbench().test(.router) { client in
            for file in files {
                let a = try await client.get("/\(file)")
                #expect(a.status == .ok, "\(file) is served")
                #expect(a.body == (try String(contentsOf: Self.pageDirectory.appendingPathComponent(file), encoding: .utf8)), "\(file) as on disk")
                let expected = ["html": "text/html", "css": "text/css", "js": "text/javascript", "svg": "image/svg+xml"][file.split(separator: ".").last.map(String.init) ?? ""]
                #expect(a.header("Content-Type")?.hasPrefix(expected ?? "?") == true, "\(file): \(a.header("Content-Type") ?? "")")
                let etag = try #require(a.header("ETag"))
                let again = try await client.get("/\(file)", headers: [.ifNoneMatch: etag])
                #expect(again.status == .notModified)
                #expect(again.body.isEmpty)
            }
            let root = try await client.get("/")
            #expect(root.body.contains("<script type=\"module\" src=\"app.js\"></script>"))
        }
    }

    @Test func figureEndpointsAnswerTheSpecAndSVG() async throws {
        try await workbench().test(.router) { client in
            let body = #"{"preset": "kay-2017", "pump-block-at": 0, "duration": 300}"#
            let spec = try await client.post("/api/plot/simulate/pump-leak", body)
            #expect(spec.status == .ok)
            #expect(spec.object?["version"] as? Int == 1)
            let panels = try #require(spec.object?["panels"] as? [[String: Any]])
            #expect(!panels.isEmpty && panels.allSatisfy { !(($0["series"] as? [Any]) ?? []).isEmpty })
            let svg = try await client.post("/api/plot/simulate/pump-leak?format=svg", body)
            #expect(svg.status == .ok)
            #expect(svg.header("Content-Type")?.hasPrefix("image/svg+xml") == true)
            #expect(svg.body.hasPrefix("<svg") || svg.body.hasPrefix("<?xml"))
        }
    }
}
