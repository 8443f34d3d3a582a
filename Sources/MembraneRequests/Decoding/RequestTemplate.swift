import Membrane

/// Decodes many requests that differ from one body (the template) only in some top-level members, as
/// ``RequestDecoder`` decodes each whole body, but decoding the other members once: a sweep's points.
///
/// The template is decoded once while the values its members decode to are kept, call by call (key, type, and
/// whether the call was `decodeIfPresent`). A point's request is then built by the type's own `init(from:)`: a
/// call for a varied member decodes the point's value as the whole body's decoding would (same decoder, same
/// field path, same errors); a call for any other member returns the value that member decoded to, which is the
/// value decoding it again would give. Calls that were not seen (a type that reads other members when a varied one
/// changes) decode the template's member. The request is therefore the one the whole body decodes to.
public struct RequestTemplate<R: Decodable>: @unchecked Sendable {
    /// The template's members (every key checked known to `R` by the first decoding).
    public let base: [JSONInput.Member]
    /// The keys of the members that differ between requests.
    public let varied: Set<String>
    /// The same, as a short list.
    private let variedKeys: [String]
    /// What the template's other members decoded to, in call order. Immutable after `init` (hence `Sendable`).
    private let kept: [Kept]

    struct Kept {
        let key: String
        let type: ObjectIdentifier
        let ifPresent: Bool
        /// A `Box<T>` of the value, `T` the type `type` names (`U?` for `decodeIfPresent(U.self)`).
        let value: AnyObject
    }

    /// A kept value, read back as the type its ``Kept`` names without a dynamic cast.
    final class Box<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// Decodes `base` (errors as ``RequestDecoder`` gives them) and keeps what its members other than `varied`
    /// decode to.
    public init(base: [JSONInput.Member], varied: Set<String>) throws {
        self.base = base
        self.varied = varied
        variedKeys = varied.sorted()
        // The checks of a whole body (unknown keys) happen here, once.
        _ = try RequestDecoder().decode(R.self, from: .object(base))
        let decoding = Decoding(base: base, variedKeys: variedKeys, point: base, replaying: nil)
        _ = try R(from: TemplateDecoder<R>(decoding: decoding))
        kept = decoding.recorded
    }

    /// The request whose body is the template with `members` (keys among ``varied``) set: the value
    /// `RequestDecoder().decode(R.self, from: body)` gives, and the same error when it throws.
    public func decode(_ members: [JSONInput.Member]) throws -> R {
        precondition(members.allSatisfy { varied.contains($0.key) }, "RequestTemplate.decode: a member that is not varied")
        return try R(from: TemplateDecoder<R>(decoding: Decoding(base: base, variedKeys: variedKeys, point: members, replaying: kept)))
    }

    /// One decoding: the template's and the point's members, and the kept values, recorded (the template's decoding,
    /// `replaying` nil) or replayed (a point's).
    final class Decoding {
        let base: KeyedMembers
        let point: KeyedMembers
        let variedKeys: [String]
        private let replaying: [Kept]?
        private var cursor = 0
        private(set) var recorded: [Kept] = []

        init(base: [JSONInput.Member], variedKeys: [String], point: [JSONInput.Member], replaying: [Kept]?) {
            self.base = KeyedMembers(base)
            self.point = KeyedMembers(point)
            self.variedKeys = variedKeys
            self.replaying = replaying
        }

        var isRecording: Bool { replaying == nil }

        /// Whether `name` is varied (a few keys: compared, not hashed).
        func isVaried(_ name: String) -> Bool { variedKeys.contains(name) }

        func record<T>(_ key: String, ifPresent: Bool, _ value: T) {
            recorded.append(Kept(key: key, type: ObjectIdentifier(T.self), ifPresent: ifPresent, value: Box(value)))
        }

        /// The kept value of this call (`T` is the value's type: `U?` for `decodeIfPresent(U.self)`): the next one in
        /// order, else any with the same key, type and kind.
        func kept<T>(_ key: String, ifPresent: Bool, as type: T.Type) -> T? {
            guard let replaying else { return nil }
            let id = ObjectIdentifier(T.self)
            func matches(_ k: Kept) -> Bool { k.type == id && k.ifPresent == ifPresent && k.key == key }
            let found: Kept?
            if cursor < replaying.count, matches(replaying[cursor]) {
                found = replaying[cursor]
                cursor += 1
            } else {
                found = replaying.first(where: matches)
            }
            // The type was recorded with the box: Box<T> exactly.
            return found.map { unsafeDowncast($0.value, to: Box<T>.self).value }
        }

        /// The whole body of the point (the template with the point's members set), as ``RequestDecoder`` reads it.
        var whole: JSONInputDecoder {
            var members = base.members
            for m in point.members {
                if let i = members.firstIndex(where: { $0.key == m.key }) { members[i] = m } else { members.append(m) }
            }
            return JSONInputDecoder(json: .object(members), codingPath: [])
        }
    }

    /// Members read as the top level of a whole body reads them (``KeyedContainer``), for any key type.
    struct KeyedMembers {
        let members: [JSONInput.Member]
        init(_ members: [JSONInput.Member]) { self.members = members }
        func container<Key: CodingKey>(_ type: Key.Type) -> KeyedContainer<Key> {
            KeyedContainer(members: members, decoder: JSONInputDecoder(json: .object([]), codingPath: []))
        }
    }
}

/// The top-level decoder of ``RequestTemplate``.
private struct TemplateDecoder<R: Decodable>: Decoder {
    let decoding: RequestTemplate<R>.Decoding

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if decoding.isRecording {
            // The varied keys must be the type's, as a whole body's keys are (checked once).
            _ = try JSONInputDecoder(json: .object(decoding.variedKeys.map { JSONInput.Member($0, .null) }), codingPath: []).container(keyedBy: type)
        }
        return KeyedDecodingContainer(TemplateContainer<Key, R>(base: decoding.base.container(Key.self),
                                                                point: decoding.point.container(Key.self), decoding: decoding))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try decoding.whole.unkeyedContainer() }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { try decoding.whole.singleValueContainer() }
}

/// A varied key is read from the point's members, any other from the kept values or the template's members.
private struct TemplateContainer<Key: CodingKey, R: Decodable>: KeyedDecodingContainerProtocol {
    let base: KeyedContainer<Key>
    let point: KeyedContainer<Key>
    let decoding: RequestTemplate<R>.Decoding

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { (try? decoding.whole.container(keyedBy: Key.self).allKeys) ?? [] }

    /// The members a key is read from.
    func source(_ key: Key) -> KeyedContainer<Key> { decoding.isVaried(key.stringValue) ? point : base }

    func contains(_ key: Key) -> Bool { source(key).contains(key) }
    func decodeNil(forKey key: Key) throws -> Bool { try source(key).decodeNil(forKey: key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let name = key.stringValue
        if decoding.isVaried(name) { return try point.decode(type, forKey: key) }
        if let value = decoding.kept(name, ifPresent: false, as: T.self) { return value }
        let value = try base.decode(type, forKey: key)
        if decoding.isRecording { decoding.record(name, ifPresent: false, value) }
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let name = key.stringValue
        if decoding.isVaried(name) { return try point.decodeIfPresent(type, forKey: key) }
        if let kept = decoding.kept(name, ifPresent: true, as: T?.self) { return kept }
        let value = try base.decodeIfPresent(type, forKey: key)
        if decoding.isRecording { decoding.record(name, ifPresent: true, value) }
        return value
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type, key) }

    /// The primitive overloads, through the generic path (a whole body's container answers them the same way).
    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T { try decode(type, forKey: key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try source(key).nestedContainer(keyedBy: type, forKey: key)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try source(key).nestedUnkeyedContainer(forKey: key) }
    func superDecoder() throws -> any Decoder { decoding.whole }
    func superDecoder(forKey key: Key) throws -> any Decoder { try source(key).superDecoder(forKey: key) }
}
