import Membrane

/// Decodes requests (and the pump–leak configuration) from JSON with errors that a user can act on.
///
/// Every error is a ``MembraneError`` naming the field by its path (`inside`, `config.pump.kinetics`,
/// `config.events[1].time_s`) and quoting the value as sent:
/// - an unknown key, when the type's coding keys are `CaseIterable` (every request's are), is refused before
///   anything is decoded, with the closest known keys;
/// - a missing required field says what it needs; a value of the wrong type says what is expected;
/// - `null` means "not given" (the default), except for ``Nullable`` fields, where it is a value.
///
/// Numbers keep their written form (``JSONInput``), so a ``Scalar`` holds exactly what the client typed.
public struct RequestDecoder: Sendable {
    public init() {}

    /// Parses `text` and decodes a `T`; errors name `field` for syntax and the key path for the rest.
    public func decode<T: Decodable>(_ type: T.Type, from text: String, field: String = "request") throws -> T {
        try decode(type, from: JSONInput.parse(text, field: field))
    }

    /// Decodes a `T` from a parsed document; `path` prefixes every field name (e.g. `config` for a config file).
    public func decode<T: Decodable>(_ type: T.Type, from json: JSONInput, path: [String] = []) throws -> T {
        try JSONInputDecoder(json: json, codingPath: path.map(PathKey.init(stringValue:))).decodeValue(type)
    }
}

/// A value type that says what it expects, for errors ("a number, or a string with a unit").
public protocol RequestValueDescription {
    static var expectation: String { get }
}

/// A type for which JSON `null` is a value rather than "not given" (see ``Nullable``).
protocol NullIsAValue {}

/// One segment of a field path: a key or an array index.
struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
    init(_ key: some CodingKey) { stringValue = key.stringValue; intValue = key.intValue }
}

/// The field name of a coding path: keys joined by dots, indices in brackets (`config.events[1].time_s`).
func fieldName(_ path: [any CodingKey]) -> String {
    var out = ""
    for key in path {
        if let i = key.intValue {
            out += "[\(i)]"
        } else {
            out += (out.isEmpty ? "" : ".") + key.stringValue
        }
    }
    return out
}

struct JSONInputDecoder: Decoder {
    let json: JSONInput
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The field's path; the request itself when at the top.
    var field: String { codingPath.isEmpty ? "request" : fieldName(codingPath) }

    func typeError(_ expected: String) -> MembraneError {
        MembraneError.invalidValue(field: field, value: json.compactText, allowed: expected)
    }

    static func expectation(of type: Any.Type) -> String {
        if let described = type as? RequestValueDescription.Type { return described.expectation }
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Double.Type, is Float.Type: return "a finite number"
        case is any FixedWidthInteger.Type: return "an integer"
        default: return "a value of the documented form"
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = json else { throw typeError("an object") }
        if let keys = Key.self as? any (CodingKey & CaseIterable).Type {
            let known = allKeyNames(keys)
            if let unknown = members.first(where: { !known.contains($0.key) }) {
                throw MembraneError.unknownName(field: codingPath.isEmpty && !unknown.key.isEmpty ? unknown.key : field, value: unknown.key,
                                                suggestions: closestNames(to: unknown.key, among: known, limit: 3))
            }
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = json else { throw typeError("an array") }
        return UnkeyedContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueContainer(decoder: self) }

    /// Decodes a primitive from the JSON value directly, anything else through its `init(from:)`.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type:
            guard case .string(let s) = json else { throw typeError("a string") }
            return s as! T
        case is Bool.Type:
            guard case .bool(let b) = json else { throw typeError("true or false") }
            return b as! T
        case is Double.Type:
            return try finiteNumber() as! T
        case is Float.Type:
            return Float(try finiteNumber()) as! T
        case let integer as any FixedWidthInteger.Type:
            return try self.integer(integer) as! T
        default:
            return try T(from: self)
        }
    }

    func finiteNumber() throws -> Double {
        guard case .number(let text) = json, let x = Double(text), x.isFinite else { throw typeError("a finite number") }
        return x
    }

    /// An integer: a JSON number with an integral value, or a string holding one ("+2").
    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let text: String
        switch json {
        case .number(let n): text = n
        case .string(let s): text = s.trimmingWhitespace()
        default: throw typeError("an integer")
        }
        if let i = I(text) { return i }
        if let x = Double(text), x == x.rounded(), let i = I(exactly: x) { return i }
        throw typeError("an integer")
    }

    func child(_ json: JSONInput, _ key: some CodingKey) -> JSONInputDecoder {
        JSONInputDecoder(json: json, codingPath: codingPath + [PathKey(key)])
    }
}

private func allKeyNames<K: CodingKey & CaseIterable>(_ type: K.Type) -> [String] { K.allCases.map { $0.stringValue } }

struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [JSONInput.Member]
    let decoder: JSONInputDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { members.contains { $0.key == key.stringValue } }

    func value(_ key: Key) -> JSONInput? { members.first { $0.key == key.stringValue }?.value }

    func child<T>(_ key: Key, _ type: T.Type) throws -> JSONInputDecoder {
        guard let json = value(key), json != .null else {
            throw MembraneError.invalidValue(field: fieldName(codingPath + [PathKey(key)]), value: value(key)?.compactText ?? "",
                                             allowed: JSONInputDecoder.expectation(of: type) + " (required)")
        }
        return decoder.child(json, key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { value(key).map { $0 == .null } ?? true }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key, type).decodeValue(type) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let json = value(key) else { return nil }
        if json == .null && !(type is NullIsAValue.Type) { return nil }
        return try decoder.child(json, key).decodeValue(type)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key, type).decodeValue(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key, type).decodeValue(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key, type).decodeValue(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key, type).decodeValue(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key, type).decodeValue(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key, type).decodeValue(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key, type).decodeValue(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key, type).decodeValue(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key, type).decodeValue(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key, type).decodeValue(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key, type).decodeValue(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key, type).decodeValue(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key, type).decodeValue(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key, type).decodeValue(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key, [String: String].self).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key, [String].self).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder.child(value(key) ?? .null, key) }
}

struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONInput]
    let codingPath: [any CodingKey]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [JSONInput], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    mutating func next() throws -> JSONInputDecoder {
        guard !isAtEnd else {
            throw MembraneError.invalidValue(field: fieldName(codingPath), value: "", allowed: "more elements in the array")
        }
        defer { currentIndex += 1 }
        return JSONInputDecoder(json: items[currentIndex], codingPath: codingPath + [PathKey(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().decodeValue(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next().decodeValue(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().decodeValue(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next().decodeValue(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().decodeValue(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().decodeValue(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().decodeValue(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().decodeValue(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().decodeValue(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().decodeValue(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().decodeValue(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().decodeValue(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().decodeValue(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: JSONInputDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.json == .null }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeValue(type) }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeValue(type) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeValue(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.decodeValue(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeValue(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeValue(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeValue(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeValue(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeValue(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeValue(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeValue(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeValue(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeValue(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeValue(type) }
}
