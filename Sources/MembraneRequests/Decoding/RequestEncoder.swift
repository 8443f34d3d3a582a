import Membrane
import MembraneReport

/// Encodes a request (or any `Encodable`) as the JSON document ``RequestDecoder`` reads back: object members in the
/// order the value encodes them (so ``KeyedValues`` keep the order written, which Foundation's `JSONEncoder` does not
/// promise), numbers as their shortest round-trip text, `nil` optionals left out. `membrane sweep` builds each point's
/// request from this body.
public struct RequestEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONInput {
        let node = EncodingNode()
        try value.encode(to: NodeEncoder(node: node, codingPath: []))
        return node.json
    }
}

/// A value being encoded; containers write into it (encoders hand out containers that share it).
final class EncodingNode {
    enum Kind {
        case unset
        case value(JSONInput)
        case object([(key: String, node: EncodingNode)])
        case array([EncodingNode])
    }
    var kind = Kind.unset

    var json: JSONInput {
        switch kind {
        case .unset: return .null
        case .value(let v): return v
        case .object(let members): return .object(members.map { JSONInput.Member($0.key, $0.node.json) })
        case .array(let items): return .array(items.map(\.json))
        }
    }

    func set(_ value: JSONInput) { kind = .value(value) }

    /// The node of member `key` (replacing an earlier one of that key).
    func member(_ key: String) -> EncodingNode {
        guard case .object(var members) = kind else {
            let child = EncodingNode()
            kind = .object([(key, child)])
            return child
        }
        let child = EncodingNode()
        if let i = members.firstIndex(where: { $0.key == key }) { members[i].node = child } else { members.append((key, child)) }
        kind = .object(members)
        return child
    }

    func append() -> EncodingNode {
        let child = EncodingNode()
        if case .array(let items) = kind { kind = .array(items + [child]) } else { kind = .array([child]) }
        return child
    }

    func makeObject() { if case .object = kind { return }; kind = .object([]) }
    func makeArray() { if case .array = kind { return }; kind = .array([]) }

    /// Encodes `value` here: strings, booleans and numbers directly, anything else through its `encode(to:)`.
    func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let s as String: set(.string(s))
        case let b as Bool: set(.bool(b))
        case let x as Double: try set(Self.number(x, codingPath))
        case let x as Float: try set(Self.number(Double(x), codingPath))
        case let i as any BinaryInteger: set(.number(String(describing: i)))
        default: try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }
    }

    static func number(_ x: Double, _ codingPath: [any CodingKey]) throws -> JSONInput {
        guard x.isFinite else {
            throw EncodingError.invalidValue(x, .init(codingPath: codingPath, debugDescription: "not a finite number"))
        }
        return .number(JSONValue.number(x).render(pretty: false))
    }
}

struct NodeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(NodeKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return NodeUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { NodeSingleValueContainer(node: node, codingPath: codingPath) }
}

struct NodeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    func put<T: Encodable>(_ value: T, _ key: Key) throws {
        try node.member(key.stringValue).encode(value, codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).set(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.member(key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(NodeKeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.member(key.stringValue)
        child.makeArray()
        return NodeUnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.member("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]) }
}

struct NodeUnkeyedContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int { if case .array(let items) = node.kind { return items.count } else { return 0 } }

    func put<T: Encodable>(_ value: T) throws {
        let path = codingPath + [PathKey(intValue: count)]
        try node.append().encode(value, codingPath: path)
    }

    mutating func encodeNil() throws { node.append().set(.null) }
    mutating func encode(_ value: Bool) throws { try put(value) }
    mutating func encode(_ value: String) throws { try put(value) }
    mutating func encode(_ value: Double) throws { try put(value) }
    mutating func encode(_ value: Float) throws { try put(value) }
    mutating func encode(_ value: Int) throws { try put(value) }
    mutating func encode(_ value: Int8) throws { try put(value) }
    mutating func encode(_ value: Int16) throws { try put(value) }
    mutating func encode(_ value: Int32) throws { try put(value) }
    mutating func encode(_ value: Int64) throws { try put(value) }
    mutating func encode(_ value: UInt) throws { try put(value) }
    mutating func encode(_ value: UInt8) throws { try put(value) }
    mutating func encode(_ value: UInt16) throws { try put(value) }
    mutating func encode(_ value: UInt32) throws { try put(value) }
    mutating func encode(_ value: UInt64) throws { try put(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try put(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [PathKey(intValue: count)]
        let child = node.append()
        child.makeObject()
        return KeyedEncodingContainer(NodeKeyedContainer<NestedKey>(node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [PathKey(intValue: count)]
        let child = node.append()
        child.makeArray()
        return NodeUnkeyedContainer(node: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.append(), codingPath: codingPath) }
}

struct NodeSingleValueContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode(_ value: Bool) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: String) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: Double) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: Int8) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: Int16) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: Int32) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: Int64) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: UInt) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: UInt8) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: UInt16) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: UInt32) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode(_ value: UInt64) throws { try node.encode(value, codingPath: codingPath) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value, codingPath: codingPath) }
}
