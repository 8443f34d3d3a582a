import Membrane
import MembraneReport

/// The JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) of a request type, read off the type's own
/// decoding, so that a published schema cannot drift from what ``RequestDecoder`` accepts.
///
/// The type is decoded once from a recording decoder: every key it asks for becomes a property — required when it
/// is decoded with `decode`, optional with `decodeIfPresent` (a Swift optional) —, keyed containers whose keys
/// are `CaseIterable` are closed (`additionalProperties: false`, as the decoder refuses unknown keys), arrays
/// give their element's schema, and value types that accept several JSON forms say so themselves
/// (``JSONSchemaDescribing``: ``Scalar`` is a number or a string with a unit, ``Assignments`` a string or an
/// object, …). Properties are listed in the order of the coding keys.
public enum RequestSchema {
    /// The schema of `type`'s JSON form; `{}` (anything) if its decoding cannot be recorded.
    public static func of(_ type: any Decodable.Type) -> JSONValue {
        (try? record(type).schema) ?? .object([])
    }

    /// Decodes a `T` from a recording decoder: its schema, and a placeholder value for the caller to return.
    static func record<T: Decodable>(_ type: T.Type) throws -> (schema: JSONValue, value: T) {
        if let described = type as? any JSONSchemaDescribing.Type {
            return (described.jsonSchema(of: { of($0) }), try T(from: PlaceholderDecoder()))
        }
        switch type {
        case is String.Type: return (.object([("type", .string("string"))]), "" as! T)
        case is Bool.Type: return (.object([("type", .string("boolean"))]), false as! T)
        case is any BinaryFloatingPoint.Type: return (.object([("type", .string("number"))]), try PlaceholderDecoder.placeholder(type))
        case is any FixedWidthInteger.Type: return (.object([("type", .string("integer"))]), try PlaceholderDecoder.placeholder(type))
        default:
            let node = SchemaNode()
            let value = try T(from: SchemaRecorder(node: node))
            return (node.schema, value)
        }
    }
}

/// A field type that accepts several JSON forms and describes them (``Scalar``, ``Assignments`` …).
public protocol JSONSchemaDescribing {
    /// The JSON Schema of the accepted forms; `schema(of:)` gives that of a nested type (an element, a wrapped value).
    static func jsonSchema(of schema: (any Decodable.Type) -> JSONValue) -> JSONValue
}

/// What the recorder learnt about one value: an object's properties, an array's items, or a primitive.
final class SchemaNode {
    enum Shape { case unknown, object, array, primitive(JSONValue) }
    var shape = Shape.unknown
    var properties: [(key: String, schema: JSONValue, required: Bool)] = []
    var knownKeys: [String]?
    var items: JSONValue = .object([])

    var schema: JSONValue {
        switch shape {
        case .unknown: return .object([])
        case .primitive(let s): return s
        case .array: return .object([("type", .string("array")), ("items", items)])
        case .object:
            var order = knownKeys ?? properties.map(\.key)
            for p in properties where !order.contains(p.key) { order.append(p.key) }
            let byKey = Dictionary(properties.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            var pairs: [(String, JSONValue)] = [("type", .string("object"))]
            pairs.append(("properties", .object(order.map { ($0, byKey[$0]?.schema ?? .object([])) })))
            let required = order.filter { byKey[$0]?.required == true }
            if !required.isEmpty { pairs.append(("required", .array(required.map { .string($0) }))) }
            if knownKeys != nil { pairs.append(("additionalProperties", .bool(false))) }
            return .object(pairs)
        }
    }
}

/// Records which keys, arrays and primitives a `Decodable` asks for.
struct SchemaRecorder: Decoder {
    let node: SchemaNode
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        node.shape = .object
        if let keys = Key.self as? any (CodingKey & CaseIterable).Type { node.knownKeys = caseNames(keys) }
        return KeyedDecodingContainer(Keyed<Key>(node: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        node.shape = .array
        return Unkeyed(node: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(node: node) }

    struct Keyed<Key: CodingKey>: ForwardingKeyedContainer {
        let node: SchemaNode
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { false }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func value<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let (schema, value) = try RequestSchema.record(type)
            node.properties.append((key.stringValue, schema, true))
            return value
        }

        func optionalValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            node.properties.append((key.stringValue, try RequestSchema.record(type).schema, false))
            return nil
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            let child = SchemaNode()
            defer { node.properties.append((key.stringValue, child.schema, true)) }
            return try SchemaRecorder(node: child).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            let child = SchemaNode()
            child.shape = .array
            node.properties.append((key.stringValue, child.schema, true))
            return Unkeyed(node: child)
        }

        func superDecoder() throws -> any Decoder { SchemaRecorder(node: node) }
        func superDecoder(forKey key: Key) throws -> any Decoder { PlaceholderDecoder() }
    }

    /// An array: its element's schema is recorded from the first (and only) element asked for.
    struct Unkeyed: ForwardingUnkeyedContainer {
        let node: SchemaNode
        var codingPath: [any CodingKey] { [] }
        var count: Int? { nil }
        var isAtEnd = false
        var currentIndex = 0

        init(node: SchemaNode) { self.node = node }

        mutating func decodeNil() throws -> Bool { false }
        mutating func value<T: Decodable>(_ type: T.Type) throws -> T {
            let (schema, value) = try RequestSchema.record(type)
            node.items = schema
            isAtEnd = true
            currentIndex += 1
            return value
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            isAtEnd = true
            return try PlaceholderDecoder().container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            isAtEnd = true
            return try PlaceholderDecoder().unkeyedContainer()
        }
        mutating func superDecoder() throws -> any Decoder { PlaceholderDecoder() }
    }

    /// A primitive decoded through a single-value container (a type with a hand-written `init(from:)`).
    struct Single: ForwardingSingleValueContainer {
        let node: SchemaNode
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { false }
        func value<T: Decodable>(_ type: T.Type) throws -> T {
            let (schema, value) = try RequestSchema.record(type)
            node.shape = .primitive(schema)
            return value
        }
    }
}

/// Gives the simplest value of every type it is asked for (empty strings and collections, zeros, `null`), so that
/// the recorder can return a value of a type whose schema it already knows.
struct PlaceholderDecoder: Decoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>())
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed() }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single() }

    static func placeholder<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type: return "" as! T
        case is Bool.Type: return false as! T
        case let float as any BinaryFloatingPoint.Type: return float.init(0) as! T
        case let integer as any FixedWidthInteger.Type: return integer.init(0) as! T
        default: return try T(from: PlaceholderDecoder())
        }
    }

    struct Keyed<Key: CodingKey>: ForwardingKeyedContainer {
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { false }
        func decodeNil(forKey key: Key) throws -> Bool { true }
        func value<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try PlaceholderDecoder.placeholder(type) }
        func optionalValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { nil }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(PlaceholderDecoder.Keyed<NestedKey>())
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { Unkeyed() }
        func superDecoder() throws -> any Decoder { PlaceholderDecoder() }
        func superDecoder(forKey key: Key) throws -> any Decoder { PlaceholderDecoder() }
    }

    struct Unkeyed: ForwardingUnkeyedContainer {
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 0 }
        var isAtEnd: Bool { true }
        var currentIndex: Int { 0 }
        mutating func decodeNil() throws -> Bool { true }
        mutating func value<T: Decodable>(_ type: T.Type) throws -> T { try PlaceholderDecoder.placeholder(type) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(PlaceholderDecoder.Keyed<NestedKey>())
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed() }
        mutating func superDecoder() throws -> any Decoder { PlaceholderDecoder() }
    }

    /// `decodeNil` is true, so a ``Nullable`` comes out as `null`; strings are empty, numbers zero.
    struct Single: ForwardingSingleValueContainer {
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { true }
        func value<T: Decodable>(_ type: T.Type) throws -> T { try PlaceholderDecoder.placeholder(type) }
    }
}

private func caseNames<K: CodingKey & CaseIterable>(_ type: K.Type) -> [String] { K.allCases.map(\.stringValue) }

// The decoding protocols require one method per primitive type: these protocols send them all to one generic
// `value` method.

protocol ForwardingKeyedContainer: KeyedDecodingContainerProtocol {
    func value<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T
    func optionalValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T?
}
extension ForwardingKeyedContainer {
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(type, forKey: key) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(type, forKey: key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optionalValue(type, forKey: key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optionalValue(type, forKey: key) }
}

protocol ForwardingUnkeyedContainer: UnkeyedDecodingContainer {
    mutating func value<T: Decodable>(_ type: T.Type) throws -> T
}
extension ForwardingUnkeyedContainer {
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(type) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try value(type) }
    mutating func decode(_ type: String.Type) throws -> String { try value(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try value(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try value(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try value(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try value(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try value(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try value(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try value(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try value(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try value(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try value(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try value(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try value(type) }
}

protocol ForwardingSingleValueContainer: SingleValueDecodingContainer {
    func value<T: Decodable>(_ type: T.Type) throws -> T
}
extension ForwardingSingleValueContainer {
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(type) }
    func decode(_ type: Bool.Type) throws -> Bool { try value(type) }
    func decode(_ type: String.Type) throws -> String { try value(type) }
    func decode(_ type: Double.Type) throws -> Double { try value(type) }
    func decode(_ type: Float.Type) throws -> Float { try value(type) }
    func decode(_ type: Int.Type) throws -> Int { try value(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try value(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try value(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try value(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try value(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try value(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value(type) }
}
