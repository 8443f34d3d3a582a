import MembraneReport

// The JSON forms each field type accepts (see its decoder), as JSON Schema for ``RequestSchema``.

private func schema(_ pairs: (String, JSONValue)...) -> JSONValue { .object(pairs) }
private func types(_ names: String...) -> JSONValue { .array(names.map { .string($0) }) }

extension Scalar: JSONSchemaDescribing {
    public static func jsonSchema(of schema: (any Decodable.Type) -> JSONValue) -> JSONValue {
        MembraneRequests.schema(("type", types("number", "string")), ("description", .string(expectation)))
    }
}

extension Assignments: JSONSchemaDescribing {
    public static func jsonSchema(of schema: (any Decodable.Type) -> JSONValue) -> JSONValue {
        MembraneRequests.schema(("type", types("string", "object")), ("additionalProperties", schema(Scalar.self)),
                                ("description", .string(expectation)))
    }
}

extension NameList: JSONSchemaDescribing {
    public static func jsonSchema(of schema: (any Decodable.Type) -> JSONValue) -> JSONValue {
        MembraneRequests.schema(("type", types("string", "array")), ("items", MembraneRequests.schema(("type", .string("string")))),
                                ("description", .string(expectation)))
    }
}

extension Repeated: JSONSchemaDescribing {
    /// One value, or an array of them.
    public static func jsonSchema(of schema: (any Decodable.Type) -> JSONValue) -> JSONValue {
        let one = schema(Element.self)
        return MembraneRequests.schema(("anyOf", .array([one, MembraneRequests.schema(("type", .string("array")), ("items", one))])))
    }
}

extension Nullable: JSONSchemaDescribing {
    /// `null` (a value: none), or the wrapped value.
    public static func jsonSchema(of schema: (any Decodable.Type) -> JSONValue) -> JSONValue {
        MembraneRequests.schema(("anyOf", .array([MembraneRequests.schema(("type", .string("null"))), schema(Wrapped.self)])))
    }
}

extension KeyedValues: JSONSchemaDescribing {
    /// An object of name → value.
    public static func jsonSchema(of schema: (any Decodable.Type) -> JSONValue) -> JSONValue {
        MembraneRequests.schema(("type", .string("object")), ("additionalProperties", schema(Value.self)))
    }
}
