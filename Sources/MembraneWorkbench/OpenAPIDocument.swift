import MembraneReport
import MembraneRequests

/// The OpenAPI 3.1 description of the API at `GET /openapi.json`, generated from ``RequestCatalog``: one path per
/// command and per figure, each request body's schema read off the request type's own decoding
/// (``RequestSchema``: its coding keys, value forms and required fields), so the description cannot drift from
/// what the server accepts. Responses are described by status (the command's JSON as `--json` prints it; the error
/// object).
enum OpenAPIDocument {
    static let json: JSONValue = build()

    static func object(_ pairs: (String, JSONValue)...) -> JSONValue { .object(pairs) }
    static func ref(_ path: String) -> JSONValue { object(("$ref", .string(path))) }
    static func string(_ s: String) -> JSONValue { .string(s) }

    /// `simulate/pump-leak` → `SimulatePumpLeakRequest`.
    static func schemaName(_ command: String) -> String {
        command.split(whereSeparator: { $0 == "/" || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Request"
    }

    static func operationID(_ prefix: String, _ command: String) -> String {
        prefix + schemaName(command).dropLast("Request".count)
    }

    /// `{"type": name}`.
    static func type(_ name: String) -> JSONValue { object(("type", string(name))) }
    /// `{"content": {mediaType: {"schema": schema}}}` with a description.
    static func content(_ description: String, _ media: (String, JSONValue)...) -> JSONValue {
        object(("description", string(description)),
               ("content", .object(media.map { ($0.0, object(("schema", $0.1))) })))
    }
    static func queryParameter(_ name: String, _ schema: JSONValue) -> JSONValue {
        object(("name", string(name)), ("in", string("query")), ("required", .bool(false)), ("schema", schema))
    }

    static func build() -> JSONValue {
        var paths: [(String, JSONValue)] = []
        var schemas: [(String, JSONValue)] = []
        for type in RequestCatalog.all {
            let command = type.command, cli = "membrane " + command.replacingSlash
            let name = schemaName(command)
            schemas.append((name, RequestSchema.of(type)))
            let body = object(("required", .bool(true)),
                              ("content", object(("application/json", object(("schema", ref("#/components/schemas/\(name)")))))))
            let run = object(
                ("operationId", string(operationID("run", command))),
                ("summary", string("\(cli) --json")),
                ("description", string("Runs `\(cli)` with the body's keys as its long options; answers what it prints with --json.")),
                ("requestBody", body),
                ("responses", responses(success: content("the result, as `\(cli) --json` prints it", ("application/json", Self.type("object"))))))
            var operations: [(String, JSONValue)] = [("post", run)]
            if command == "presets" || command == "ions" {
                let list = object(
                    ("operationId", string(operationID("list", command))),
                    ("summary", string("\(cli) --json")),
                    ("parameters", .array(type.fieldNames.map { queryParameter($0, Self.type("string")) })),
                    ("responses", responses(success: content("the list", ("application/json", Self.type("object"))))))
                operations.insert(("get", list), at: 0)
            }
            paths.append(("/api/\(command)", .object(operations)))
            let plot = object(
                ("operationId", string(operationID("plot", command))),
                ("summary", string("the figure of \(cli) --plot")),
                ("description", string("The figure that `--plot` draws for the same body: the figure spec v1 (JSON), or SVG with ?format=svg. A result without a figure answers 400.")),
                ("parameters", .array([queryParameter("format", object(("type", string("string")), ("enum", .array([string("json"), string("svg")]))))])),
                ("requestBody", body),
                ("responses", responses(success: content("the figure", ("application/json", ref("#/components/schemas/FigureSpec")),
                                                         ("image/svg+xml", Self.type("string"))))))
            paths.append(("/api/plot/\(command)", object(("post", plot))))
        }
        let document = object(("operationId", string("openAPI")), ("summary", string("this document")),
                              ("responses", object(("200", content("the OpenAPI document", ("application/json", type("object")))))))
        paths.append(("/openapi.json", object(("get", document))))
        schemas.append(("Error", errorSchema))
        schemas.append(("FigureSpec", figureSchema))
        let info = object(
            ("title", string("Membrane workbench API")), ("version", string(MembraneVersion.current)),
            ("description", string("The JSON API of `membrane serve`: POST /api/<command> with the command's long option names as keys answers exactly what `membrane <command> --json` prints. Numbers may be JSON numbers or strings with units (\"100nM\", \"-70mV\", \"310.15K\"); solutions strings (\"K=140, Cl=140\", recipes) or objects ({\"K\": 140}). Errors answer {\"error\": {\"field\", \"value\", \"message\"}} (docs/CLI-CONTRACT.md, sections 7 and 8).")))
        let errorResponses = object(
            ("Invalid", errorResponse("invalid input (a value out of its domain, an unknown key, ion or preset, a missing field, malformed JSON) or a quantity that does not exist for these inputs; `field` names the request key")),
            ("Forbidden", errorResponse("a request from another origin (Origin, Sec-Fetch-Site)")),
            ("Misdirected", errorResponse("a Host header the server does not answer to (DNS rebinding guard)")),
            ("TooLarge", errorResponse("a body larger than the server's limit")),
            ("UnsupportedMediaType", errorResponse("a form or text body: send JSON")),
            ("NoConvergence", errorResponse("an iterative method did not converge or an integration failed; `result` holds what was computed")),
            ("Stopped", errorResponse("the server's time limit stopped the calculation (`result`, when present, holds what was computed), or the server is busy")))
        return object(
            ("openapi", string("3.1.0")),
            ("info", info),
            ("servers", .array([object(("url", string("/")))])),
            ("paths", .object(paths)),
            ("components", object(("schemas", .object(schemas)), ("responses", errorResponses))))
    }

    static func responses(success: JSONValue) -> JSONValue {
        object(("200", success),
               ("400", ref("#/components/responses/Invalid")),
               ("403", ref("#/components/responses/Forbidden")),
               ("413", ref("#/components/responses/TooLarge")),
               ("415", ref("#/components/responses/UnsupportedMediaType")),
               ("421", ref("#/components/responses/Misdirected")),
               ("422", ref("#/components/responses/NoConvergence")),
               ("503", ref("#/components/responses/Stopped")))
    }

    static func errorResponse(_ description: String) -> JSONValue {
        content(description, ("application/json", ref("#/components/schemas/Error")))
    }

    static let errorSchema = object(
        ("type", string("object")),
        ("properties", object(
            ("error", object(("type", string("object")),
                             ("properties", object(("field", object(("type", string("string")))),
                                                   ("value", object(("type", string("string")))),
                                                   ("message", object(("type", string("string")))))),
                             ("required", .array([string("field"), string("value"), string("message")])))),
            ("result", object(("type", string("object")), ("description", string("what a stopped or failed run computed")))))),
        ("required", .array([string("error")])))

    static let figureSchema: JSONValue = {
        let numbers = object(("type", string("array")), ("items", object(("type", .array([string("number"), string("null")])))))
        let axis = object(("type", string("object")),
                          ("properties", object(("label", object(("type", string("string")))), ("unit", object(("type", string("string")))),
                                                ("log", object(("type", string("boolean")))))),
                          ("required", .array([string("label")])))
        let series = object(("type", string("object")),
                            ("properties", object(("name", object(("type", string("string")))), ("x", numbers), ("y", numbers))),
                            ("required", .array([string("name"), string("x"), string("y")])))
        let marker = object(("type", string("object")),
                            ("properties", object(("axis", object(("type", string("string")))), ("value", object(("type", string("number")))),
                                                  ("label", object(("type", string("string")))))),
                            ("required", .array([string("axis"), string("value")])))
        let panel = object(("type", string("object")),
                           ("properties", object(("title", object(("type", string("string")))), ("x", axis), ("y", axis),
                                                 ("series", object(("type", string("array")), ("items", series))),
                                                 ("markers", object(("type", string("array")), ("items", marker))),
                                                 ("width", object(("type", string("number")))), ("height", object(("type", string("number")))))),
                           ("required", .array([string("title"), string("x"), string("y"), string("series")])))
        return object(("type", string("object")),
                      ("description", string("The figure spec v1 (Sources/MembraneReport/SVGFigure+JSON.swift).")),
                      ("properties", object(("version", object(("const", .integer(1)))), ("title", object(("type", string("string")))),
                                            ("panels", object(("type", string("array")), ("items", panel))))),
                      ("required", .array([string("version"), string("panels")])))
    }()
}

extension String {
    /// `simulate/pump-leak` → `simulate pump-leak`, as the command line writes it.
    var replacingSlash: String { split(separator: "/").joined(separator: " ") }
}
